/**
 * The built app opened in a browser page, for the browser tests, the benchmark and the screenshots:
 * served from loopback, with every request and error of the page recorded.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type {
  Browser,
  BrowserContextOptions,
  ConsoleMessage,
  JSHandle,
  Page,
  Request,
  Response,
} from 'playwright-core';
import { ROOT } from './io.ts';
import { type StaticServer, serveStatic } from './server.ts';

/** `vite build --mode test`: the production build plus the `window.__map` handle the tests query. */
export const TEST_BUILD = `${ROOT}dist-test`;
export const PRODUCTION_BUILD = `${ROOT}dist`;
export const DESKTOP_VIEWPORT = { width: 1280, height: 800 };
/** A small phone, held upright, as the page's narrow layout is designed for. */
export const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };

export interface AppSession {
  page: Page;
  server: StaticServer;
  /** Every request the page made, and those that left its origin or failed. */
  requests: string[];
  external: string[];
  failed: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Console warnings (MapLibre warns, rather than fails, when it must draw a glyph itself). */
  warnings: string[];
  close(): Promise<void>;
}

export interface OpenOptions extends BrowserContextOptions {
  build?: string;
  prefix?: string;
  /** The page's query string, e.g. "?embed". */
  query?: string;
  hash?: string;
  /** Runs after the page exists and before it navigates: routes, init scripts. */
  beforeGoto?: (page: Page) => Promise<unknown>;
  /**
   * Blocked unless asked for: `page.route()` does not see requests a service worker answers, and the
   * tests that fail or watch the page's requests rely on it. Only tests/e2e/offline.e2e.ts allows one.
   */
  serviceWorkers?: 'allow' | 'block';
}

const LOCAL_SCHEMES = new Set(['blob:', 'data:']);

/** What of OpenOptions makes the browser context; the rest says what to load in its page. */
export function contextOptionsOf(options: OpenOptions): BrowserContextOptions {
  const {
    build,
    prefix,
    query,
    hash,
    beforeGoto,
    serviceWorkers = 'block',
    reducedMotion,
    ...rest
  } = options;
  return {
    viewport: DESKTOP_VIEWPORT,
    serviceWorkers,
    // Still unless a test asks for motion: the moving highlight repaints the map about 8 times a second,
    // which in software WebGL is CPU every other test waits for (docs/PERFORMANCE.md, 2026-12-07).
    reducedMotion: reducedMotion ?? 'reduce',
    ...rest,
  };
}

export async function openApp(browser: Browser, options: OpenOptions = {}): Promise<AppSession> {
  const context = await browser.newContext(contextOptionsOf(options));
  const page = await context.newPage();
  return loadApp(page, options, () => context.close());
}

/** The build `options` ask for, served on a new port: a new origin, with empty storage. */
export const serveApp = (options: OpenOptions): Promise<StaticServer> =>
  serveStatic(options.build ?? TEST_BUILD, options.prefix ?? '/');

/**
 * The app loaded in `page`, whose context was made from `options` (contextOptionsOf), from `started`
 * if given, else from a server of its own (serveApp). `release` is what closing the session does with
 * the page once the session's own listeners are gone; the server is closed after it, whatever it does.
 */
export async function loadApp(
  page: Page,
  options: OpenOptions,
  release: () => Promise<unknown>,
  started?: StaticServer,
): Promise<AppSession> {
  const { query = '', hash = '', beforeGoto } = options;
  const server = started ?? (await serveApp(options));
  const session: AppSession = {
    page,
    server,
    requests: [],
    external: [],
    failed: [],
    errors: [],
    warnings: [],
    close: async () => {
      page.off('request', onRequest);
      page.off('requestfailed', onFailed);
      page.off('response', onResponse);
      page.off('console', onConsole);
      page.off('pageerror', onError);
      try {
        await release();
      } finally {
        await server.close();
      }
    },
  };
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    session.requests.push(request.url());
    if (url.origin !== server.origin && !LOCAL_SCHEMES.has(url.protocol))
      session.external.push(request.url());
  };
  const onFailed = (request: Request) =>
    session.failed.push(`${request.url()} ${request.failure()?.errorText}`);
  const onResponse = (response: Response) => {
    if (response.status() >= 400) session.failed.push(`${response.url()} HTTP ${response.status()}`);
  };
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error') session.errors.push(`console: ${message.text()}`);
    if (message.type() === 'warning') session.warnings.push(message.text());
  };
  const onError = (error: Error) => session.errors.push(`page: ${error.message}`);
  page.on('request', onRequest);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  await beforeGoto?.(page);
  await page.goto(`${server.url}${query}${hash}`);
  return session;
}

export async function waitForReady(page: Page): Promise<void> {
  await page.locator('#map[data-ready="true"]').waitFor({ state: 'attached', timeout: 30_000 });
}

/** The map of a test build's page (src/main.ts sets `window.__map` in `--mode test` only). */
export function mapHandle(page: Page): Promise<JSHandle<MapLibreMap>> {
  return page.evaluateHandle(() => {
    const map = (window as unknown as { __map?: MapLibreMap }).__map;
    if (!map) throw new Error('No window.__map: is this the test build (vite build --mode test)?');
    return map;
  });
}

/** Runs `script` in the page with the map as its first argument; `arg` must be serialisable. */
export async function withMap<R, A = undefined>(
  page: Page,
  script: (map: MapLibreMap, arg: A) => R | Promise<R>,
  arg?: A,
): Promise<R> {
  const map = await mapHandle(page);
  try {
    // `arg` is plain data, which Playwright hands over as it is (its types allow for handles too).
    return await map.evaluate(script as (map: MapLibreMap, arg: unknown) => R | Promise<R>, arg);
  } finally {
    await map.dispose();
  }
}

/**
 * Resolves once `predicate` returns true in the page, checked every frame. It takes the map and
 * `arg` as one pair, as Playwright hands a page function its one argument.
 */
export async function waitForMap<A = undefined>(
  page: Page,
  predicate: (mapAndArg: [MapLibreMap, A]) => boolean,
  arg?: A,
): Promise<void> {
  const map = await mapHandle(page);
  try {
    const mapAndArg: [JSHandle<MapLibreMap>, A | undefined] = [map, arg];
    await page.waitForFunction(predicate as (mapAndArg: unknown) => boolean, mapAndArg);
  } finally {
    await map.dispose();
  }
}

/** Where a longitude/latitude lies on the map, in page coordinates (for the mouse or a screenshot). */
export function pagePoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return withMap(
    page,
    (map, point) => {
      const p = map.project(point);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    lngLat,
  );
}
