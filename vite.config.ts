import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { OFFLINE } from './scripts/offline.ts';
import { GEOPACKAGE_NAME } from './src/data/names.ts';
import { LANGUAGES } from './src/i18n/index.ts';

/**
 * The production page's Content-Security-Policy. MapLibre 6 needs little beyond 'self': its worker is a
 * same-origin module file, and data and glyph files are fetched from the page's own origin. Its
 * stylesheet draws the control icons as data: SVG images, and it decodes images through blob: URLs,
 * hence img-src. Styles are set through the CSSOM, which style-src does not govern. The one inline
 * script, the first view's, is allowed by its hash and nothing else inline is.
 */
export function contentSecurityPolicy(inlineScript: string): string {
  const hash = createHash('sha256').update(inlineScript).digest('base64');
  return [
    "default-src 'self'",
    `script-src 'self' 'sha256-${hash}'`,
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
}

/**
 * MapLibre in its own chunk: it changes less often than the app, so browsers keep it cached, and the
 * app's own code can be measured against its budget. The benchmark's baseline page uses it too.
 */
export const MAPLIBRE_CHUNK = {
  output: {
    codeSplitting: { groups: [{ name: 'maplibre-gl', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }] },
  },
};

/** The first view's script's element, for the benchmark's build without it. */
export const FIRST_VIEW_SCRIPT_ID = 'first-view-script';

/**
 * The first view's script (src/first-view/inline.ts) as one classic script with every language's
 * words: it runs as soon as the map's place is laid out, with nothing more to fetch than its picture.
 */
async function firstViewScript(): Promise<string> {
  const words = Object.fromEntries(
    Object.entries(LANGUAGES).map(([language, t]) => [language, { ...t.firstView, heading: t.page.heading }]),
  );
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    define: { __FIRST_VIEW_WORDS__: JSON.stringify(words) },
    build: {
      write: false,
      target: 'es2020',
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('src/first-view/inline.ts', import.meta.url)),
        formats: ['iife'],
        name: 'firstView',
      },
    },
  })) as Rolldown.RolldownOutput[];
  const code = output[0]?.output[0]?.code;
  if (!code) throw new Error('src/first-view/inline.ts bundled to nothing');
  return code.trim();
}

/**
 * The first view's picture on a slow connection (src/first-view/), and, in a build, the policy that
 * allows its script alone: Vite's dev server injects inline scripts for hot reloading, which the
 * policy would refuse. Both go right after the charset and the viewport, which must come first (the
 * charset within the first 1024 bytes; the viewport sets the width the script reads), and before
 * the stylesheets, which the script does not wait for.
 */
function firstView(): Plugin {
  let bundled: Promise<string> | undefined;
  let building = false;
  const VIEWPORT = /<meta name="viewport"[^>]*>/;
  return {
    name: 'first-view',
    config: (_config, env) => {
      building = env.command === 'build';
    },
    transformIndexHtml: async (html) => {
      bundled ??= firstViewScript();
      const code = await bundled;
      if (code.includes('</script')) throw new Error("the first view's script would end its own tag");
      const viewport = VIEWPORT.exec(html);
      if (!viewport)
        throw new Error("index.html has no viewport <meta> to put the first view's script after");
      const policy = building
        ? `\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(code)}">`
        : '';
      const script = `\n    <script id="${FIRST_VIEW_SCRIPT_ID}">${code}</script>`;
      return html.replace(VIEWPORT, `${viewport[0]}${policy}${script}`);
    },
  };
}

/** Every committed glyph file (public/glyphs/, `npm run glyphs`), as the page requests it. */
function glyphFiles(dir = 'public/glyphs'): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap(({ name: font }) =>
      readdirSync(`${dir}/${font}`)
        .filter((file) => file.endsWith('.pbf'))
        .map((file) => `glyphs/${encodeURIComponent(font)}/${file}`),
    )
    .sort();
}

/**
 * A preload link for each file the first view needs that no tag names: the map's GeoJSON, which
 * the page fetches itself (src/main.ts), and the glyph files, which MapLibre asks for only once its
 * worker has laid out the first tile and needs its labels' letters. The browser fetches them while
 * it is still fetching and running the scripts. The committed glyph files are only the ranges the
 * map's labels use, all of them drawn at the default view (docs/PERFORMANCE.md). `crossorigin`
 * makes each preload match the page's and MapLibre's `fetch()` (CORS mode), so each file loads once.
 */
function preloadData(): Plugin {
  return {
    name: 'preload-data',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) =>
        [
          ...Object.keys(context.bundle ?? {})
            .filter((file) => file.endsWith('.geojson'))
            .sort(),
          ...glyphFiles(),
        ].map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: `./${file}` },
          injectTo: 'head' as const,
        })),
    },
  };
}

export const PREVIEW = {
  title: 'Cocaine transit through Guatemala: a map of a BBC News report (15 January 2012)',
  description:
    'The cocaine route from Colombia through Guatemala to Mexico and the US, Alta Verapaz under army special powers, ' +
    'and the countries using their military against drug gangs, as a BBC News report of 15 January 2012 tells it.',
  image: 'og-image.png',
  imageAlt:
    'Map of Central America: the schematic cocaine route from Colombia through Guatemala and Mexico to the US, ' +
    'with Mexico, Guatemala and Honduras tinted for militarised policing, and the credits.',
} as const;

/**
 * The public address the page will be served from, for the link preview's absolute URLs: SITE_URL,
 * checked, with a final slash; undefined without it.
 */
export function siteUrl(value = process.env.SITE_URL): URL | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.endsWith('/') ? value : `${value}/`);
  } catch {
    throw new Error(
      `SITE_URL is set to ${JSON.stringify(value)}, which is not an absolute URL (e.g. https://example.org/map/)`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`SITE_URL must be an http or https URL, not ${JSON.stringify(value)}`);
  return url;
}

/**
 * The link preview (Open Graph and Twitter cards). Title, description and card type always; the
 * image and the page's own URL only with SITE_URL, since a preview must name them absolutely and the
 * build cannot know where it will be served.
 */
function linkPreview(): Plugin {
  return {
    name: 'link-preview',
    apply: 'build',
    transformIndexHtml: () => {
      const site = siteUrl();
      const meta = (key: 'property' | 'name', name: string, content: string) => ({
        tag: 'meta',
        attrs: { [key]: name, content },
        injectTo: 'head' as const,
      });
      return [
        meta('property', 'og:type', 'website'),
        meta('property', 'og:title', PREVIEW.title),
        meta('property', 'og:description', PREVIEW.description),
        meta('name', 'twitter:card', 'summary_large_image'),
        ...(site
          ? [
              meta('property', 'og:url', site.href),
              meta('property', 'og:image', new URL(PREVIEW.image, site).href),
              meta('property', 'og:image:width', '1200'),
              meta('property', 'og:image:height', '630'),
              meta('property', 'og:image:alt', PREVIEW.imageAlt),
            ]
          : []),
      ];
    },
  };
}

/**
 * The GeoPackage the page offers, written by real GDAL (gdal3.js, in Node) from the committed layers:
 * emitted beside index.html in a build, and made on request by the dev server. GDAL never reaches
 * the browser bundle.
 */
function geoPackage(): Plugin {
  const build = async (): Promise<Uint8Array> => {
    const [{ buildGeoPackage }, { readReportLayers }] = await Promise.all([
      import('./scripts/geopackage.ts'),
      import('./scripts/io.ts'),
    ]);
    return buildGeoPackage(readReportLayers());
  };
  return {
    name: 'geopackage',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: GEOPACKAGE_NAME, source: await build() });
    },
    configureServer(server) {
      server.middlewares.use(`/${GEOPACKAGE_NAME}`, (_request, response, next) => {
        build().then((bytes) => {
          response.setHeader('Content-Type', 'application/geopackage+sqlite3');
          response.end(bytes);
        }, next);
      });
    },
  };
}

export default defineConfig(({ mode }) => ({
  // Relative asset URLs, so dist/ works from any static server at / or under a sub-path.
  base: './',
  plugins: [firstView(), preloadData(), linkPreview(), geoPackage(), VitePWA(OFFLINE)],
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
