import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type StaticServer, serveStatic } from './server.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** `vite build --mode test`: the production build plus the `window.__map` handle the tests query. */
export const TEST_BUILD = `${ROOT}dist-test`;
export const PRODUCTION_BUILD = `${ROOT}dist`;

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
  hash?: string;
  /** Runs after the page exists and before it navigates: routes, init scripts. */
  beforeGoto?: (page: Page) => Promise<unknown>;
}

const LOCAL_SCHEMES = new Set(['blob:', 'data:']);

export async function openApp(browser: Browser, options: OpenOptions = {}): Promise<AppSession> {
  const { build = TEST_BUILD, prefix = '/', hash = '', beforeGoto, ...contextOptions } = options;
  const server = await serveStatic(build, prefix);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const session: AppSession = {
    page,
    server,
    requests: [],
    external: [],
    failed: [],
    errors: [],
    warnings: [],
    close: async () => {
      await context.close();
      await server.close();
    },
  };
  page.on('request', (request) => {
    const url = new URL(request.url());
    session.requests.push(request.url());
    if (url.origin !== server.origin && !LOCAL_SCHEMES.has(url.protocol))
      session.external.push(request.url());
  });
  page.on('requestfailed', (request) =>
    session.failed.push(`${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) session.failed.push(`${response.url()} HTTP ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') session.errors.push(`console: ${message.text()}`);
    if (message.type() === 'warning') session.warnings.push(message.text());
  });
  page.on('pageerror', (error) => session.errors.push(`page: ${error.message}`));
  await beforeGoto?.(page);
  await page.goto(`${server.url}${hash}`);
  return session;
}

export async function waitForReady(page: Page): Promise<void> {
  await page.locator('#map[data-ready="true"]').waitFor({ state: 'attached', timeout: 30_000 });
}

/** Where a longitude/latitude lies on the map, in page coordinates (for the mouse or a screenshot). */
export async function pagePoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((point) => {
    const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    const p = map.project(point);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, lngLat);
}
