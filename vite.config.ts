import { defineConfig } from 'vite';

export default defineConfig(({ mode }) => ({
  // Relative asset URLs, so dist/ works from any static server at / or under a sub-path.
  base: './',
  build: {
    outDir: mode === 'test' ? 'dist-test' : 'dist',
    // Never inline data or fonts as data: URLs: they are fetched as files, cached, and measured.
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
}));
