import { defineConfig, type Plugin } from 'vite';

/**
 * The production page's Content-Security-Policy. MapLibre 6 needs little beyond 'self': its worker is a
 * same-origin module file, and data and glyph files are fetched from the page's own origin. Its
 * stylesheet draws the control icons as data: SVG images, and it decodes images through blob: URLs,
 * hence img-src. Styles are set through the CSSOM, which style-src does not govern.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // The page's text is in the system font and the map's labels come from glyph files: no font file.
  "font-src 'none'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * MapLibre in its own chunk: it changes less often than the app, so browsers keep it cached, and the
 * app's own code can be measured against its budget. The benchmark's baseline page uses it too.
 */
export const MAPLIBRE_CHUNK = {
  output: {
    codeSplitting: { groups: [{ name: 'maplibre-gl', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }] },
  },
};

/** Only in builds: Vite's dev server injects inline scripts for hot reloading, which the policy refuses. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The page fetches the map's GeoJSON itself (src/main.ts); a preload link for each file lets the
 * browser start those downloads while it is still fetching and running the scripts, rather than after.
 * `crossorigin` makes the preload match the page's `fetch()` (CORS mode), so each file loads once.
 */
function preloadData(): Plugin {
  return {
    name: 'preload-data',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) =>
        Object.keys(context.bundle ?? {})
          .filter((file) => file.endsWith('.geojson'))
          .sort()
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: `./${file}` },
            injectTo: 'head' as const,
          })),
    },
  };
}

export default defineConfig(({ mode }) => ({
  // Relative asset URLs, so dist/ works from any static server at / or under a sub-path.
  base: './',
  plugins: [contentSecurityPolicy(), preloadData()],
  build: {
    outDir: mode === 'test' ? 'dist-test' : 'dist',
    // Never inline data or fonts as data: URLs: they are fetched as files, cached, and measured.
    assetsInlineLimit: 0,
    target: 'es2022',
    rolldownOptions: MAPLIBRE_CHUNK,
    // MapLibre alone is about 1 MB minified; warn only about anything larger.
    chunkSizeWarningLimit: 1100,
    sourcemap: mode === 'test' ? 'hidden' : false,
  },
  worker: { format: 'es' },
  // The app's only page: without this Vite also scans bench/'s page, whose data exists only in a bench run.
  optimizeDeps: { entries: ['index.html'] },
  server: { port: 5173 },
  preview: { port: 4173 },
}));
