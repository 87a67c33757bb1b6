import { defineConfig, mergeConfig, type UserConfig } from 'vite';
import appConfig from '../vite.config.ts';

/**
 * MapLibre in a chunk of its own, so that the bytes of the app's own code can be told apart from
 * the library's. The same change belongs in vite.config.ts; until then the bench builds with this.
 */
export const MAPLIBRE_CHUNK: UserConfig = {
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'maplibre-gl', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }] },
      },
    },
  },
};

/**
 * The app as `vite build --mode test` builds it (with `window.__map`), plus MAPLIBRE_CHUNK, into a
 * directory of its own so that the e2e tests' dist-test/ is left alone.
 */
export default defineConfig((env) =>
  mergeConfig(mergeConfig(appConfig(env), MAPLIBRE_CHUNK), { build: { outDir: 'dist-bench-app' } }),
);
