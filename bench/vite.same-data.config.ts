import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import { MAPLIBRE_CHUNK } from '../vite.config.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The same-data baseline (bench/same-data/): the app's basemap files and glyphs, bare MapLibre. */
export default defineConfig(
  mergeConfig(
    { build: { rolldownOptions: MAPLIBRE_CHUNK } },
    {
      root: fileURLToPath(new URL('same-data', import.meta.url)),
      base: './',
      // The app's public/ holds its glyph files, which this page draws its labels from.
      publicDir: `${ROOT}public`,
      build: {
        outDir: `${ROOT}dist-bench-same-data`,
        emptyOutDir: true,
        // As in the app: data and fonts are fetched as files, not inlined.
        assetsInlineLimit: 0,
        target: 'es2022',
        sourcemap: false,
      },
      worker: { format: 'es' },
    },
  ),
);
