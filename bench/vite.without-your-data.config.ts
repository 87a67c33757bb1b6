import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import appConfig from '../vite.config.ts';

const STUB = fileURLToPath(new URL('without-your-data/wiring.ts', import.meta.url));

/** mount.ts's import of the reader's files' wiring, answered with the stub; the build fails without it. */
function withoutYourData(): Plugin {
  let replaced = false;
  return {
    name: 'without-your-data',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './your-data-wiring.ts' || !importer?.endsWith('/src/map/mount.ts')) return null;
      replaced = true;
      return STUB;
    },
    buildEnd() {
      if (!replaced)
        this.error('src/map/mount.ts no longer imports ./your-data-wiring.ts: nothing was left out');
    },
  };
}

/**
 * The app as bench/vite.app.config.ts builds it, less the reader's own files: the "before" of the A/B
 * that shows what "Your data" costs a first visit (`npm run bench -- --your-data-ab`).
 */
export default defineConfig((env) =>
  mergeConfig(appConfig(env), {
    plugins: [withoutYourData()],
    build: { outDir: 'dist-bench-without-your-data' },
  }),
);
