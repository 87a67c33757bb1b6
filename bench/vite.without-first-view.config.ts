import { defineConfig, mergeConfig, type Plugin } from 'vite';
import appConfig, { FIRST_VIEW_SCRIPT_ID } from '../vite.config.ts';

/** index.html without the first view's script; the build fails if there is none to take out. */
function withoutFirstView(): Plugin {
  return {
    name: 'without-first-view',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const script = new RegExp(`<script id="${FIRST_VIEW_SCRIPT_ID}">[\\s\\S]*?</script>`);
        if (!script.test(html))
          throw new Error(`index.html has no #${FIRST_VIEW_SCRIPT_ID}: nothing was left out`);
        return html.replace(script, '');
      },
    },
  };
}

/**
 * The app as bench/vite.app.config.ts builds it, less the first view's picture (src/first-view/): the
 * "before" of the A/B that shows what the picture gives and costs a first visit on a slow connection.
 */
export default defineConfig((env) =>
  mergeConfig(appConfig(env), {
    plugins: [withoutFirstView()],
    build: { outDir: 'dist-bench-without-first-view' },
  }),
);
