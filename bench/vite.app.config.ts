import { defineConfig, mergeConfig } from 'vite';
import appConfig from '../vite.config.ts';

/**
 * The app as `vite build --mode test` builds it (with `window.__map`), into a directory of its own so
 * that a benchmark never overwrites the dist-test/ the browser tests use.
 */
export default defineConfig((env) => mergeConfig(appConfig(env), { build: { outDir: 'dist-bench-app' } }));
