import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import {
  type AppSession,
  contextOptionsOf,
  DESKTOP_VIEWPORT,
  loadApp,
  type OpenOptions,
  pagePoint,
  serveApp,
  waitForReady,
  withMap,
} from '../../scripts/app-page.ts';
import { type BrowserOptions, launchBrowser } from '../../scripts/browser.ts';
import type { TestFont } from '../../scripts/fonts.ts';
import { ROOT } from '../../scripts/io.ts';
import { LAYER_METADATA_KEY } from '../../src/style/tags.ts';

/** Written out rather than read from the registry, so that a renamed layer fails the tests. */
export const LAYERS = [
  { id: 'transit-flows', name: 'Transit flows' },
  { id: 'alta-verapaz', name: 'Alta Verapaz' },
  { id: 'militarised-policing', name: 'Militarised policing' },
] as const;

export const layerFile = (id: string): FeatureCollection =>
  JSON.parse(readFileSync(`${ROOT}geodata/layers/${id}.geojson`, 'utf8'));

/**
 * The browser the tests drive. Its compositor draws in software: under SwiftShader, compositing through
 * GL cost about a second of CPU per page load (docs/PERFORMANCE.md), and the tests read the page and the
 * map's own canvas, which it does not change.
 */
export const launchTestBrowser = (options: BrowserOptions = {}): ReturnType<typeof launchBrowser> =>
  launchBrowser({ ...options, args: ['--disable-gpu-compositing', ...(options.args ?? [])] });

/**
 * One browser for the test file and a fresh session of the app (openApp: loading, not yet ready) each
 * time the returned function is called; after each test its sessions are closed first, so that a failed
 * check leaves no page open for the next test, and it fails if one logged an error. `font` is the
 * browser's system font (scripts/fonts.ts), for the layout tests that run in each.
 *
 * A closed session's page is kept, emptied (about:blank, no routes or listeners, its context's viewport
 * and media), for the next session asked for with the same context options: a page load in the same
 * tab cost about 0.7 s less CPU than one in a new context (docs/PERFORMANCE.md). Each session has a
 * server of its own, so an origin of its own and empty storage. A page that ran scripts of a test's
 * own before the app (`beforeGoto`) is not kept.
 */
export function freshSessionPerTest(font?: TestFont): (options?: OpenOptions) => Promise<AppSession> {
  let browser: Browser;
  let sessions: AppSession[] = [];
  type Spare = { key: string | undefined; page: Page; origins: Set<string> };
  const spare: Spare[] = [];
  beforeAll(async () => {
    browser = await launchTestBrowser({ font });
  });
  afterEach(async () => {
    const opened = sessions;
    sessions = [];
    await Promise.all(opened.map((s) => s.close()));
    expect(
      opened.flatMap((s) => s.errors),
      'console and page errors',
    ).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (options = {}) => {
    const contextOptions = contextOptionsOf(options);
    const key = options.beforeGoto ? undefined : JSON.stringify(contextOptions);
    const server = await serveApp(options);
    // A port the system hands out again would reopen an origin the page's context has used, with what
    // that session stored: such a page is not taken.
    const kept = spare.findIndex((s) => s.key === key && !s.origins.has(server.origin));
    const entry =
      kept >= 0
        ? (spare.splice(kept, 1)[0] as Spare)
        : {
            key,
            page: await (await browser.newContext(contextOptions)).newPage(),
            origins: new Set<string>(),
          };
    const { page } = entry;
    entry.origins.add(server.origin);
    const release = async () => {
      if (key === undefined || page.isClosed()) return page.context().close();
      try {
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        page.removeAllListeners();
        await page.goto('about:blank');
        await page.mouse.up();
        await page.mouse.move(0, 0);
        await page.setViewportSize(contextOptions.viewport ?? DESKTOP_VIEWPORT);
        await page.emulateMedia({
          media: null,
          reducedMotion: contextOptions.reducedMotion ?? 'no-preference',
          colorScheme: contextOptions.colorScheme ?? 'light',
          forcedColors: contextOptions.forcedColors ?? 'none',
          contrast: contextOptions.contrast ?? 'no-preference',
        });
        await page.context().setOffline(false);
        spare.push(entry);
      } catch {
        // A page that cannot be emptied (crashed, or closed by its test) is not kept.
        await page.context().close();
      }
    };
    const session = await loadApp(page, options, release, server);
    sessions.push(session);
    return session;
  };
}

/** As freshSessionPerTest, each page ready (`#map[data-ready]`) when it is returned. */
export function freshPagePerTest(font?: TestFont): (options?: OpenOptions) => Promise<Page> {
  const open = freshSessionPerTest(font);
  return async (options = {}) => {
    const { page } = await open(options);
    await waitForReady(page);
    return page;
  };
}

/** The visibility of every style layer of one report layer, read from the map's layout state. */
export function groupVisibility(page: Page, layer: string): Promise<string[]> {
  return withMap(
    page,
    (map, { id, key }) =>
      map
        .getStyle()
        .layers.filter((l) => (l.metadata as Record<string, unknown> | undefined)?.[key] === id)
        .map((l) => String(map.getLayoutProperty(l.id, 'visibility') ?? 'visible')),
    { id: layer, key: LAYER_METADATA_KEY },
  );
}

/** Centres the map on a point, waits for it to settle, and clicks the canvas there. */
export async function clickAt(page: Page, lngLat: [number, number], zoom: number): Promise<void> {
  await withMap(
    page,
    async (map, view) => {
      map.jumpTo(view);
      await new Promise((resolve) => map.once('idle', resolve));
    },
    { center: lngLat, zoom },
  );
  const point = await pagePoint(page, lngLat);
  await page.mouse.click(point.x, point.y);
}

export const popupText = (page: Page) => page.locator('.maplibregl-popup').textContent();

/**
 * axe-core's serious and critical violations in `selector` (the whole page by default). axe is
 * injected as a script, which the page's CSP rightly refuses: open the page with `bypassCSP: true`.
 */
export async function seriousViolations(
  page: Page,
  selector?: string,
): Promise<{ id: string; impact: string }[]> {
  await page.addScriptTag({ path: `${ROOT}node_modules/axe-core/axe.min.js` });
  const found = await page.evaluate(async (context) => {
    type Result = { violations: { id: string; impact: string; nodes: unknown[] }[] };
    const axe = (window as unknown as { axe: { run: (c: unknown, o: object) => Promise<Result> } }).axe;
    const result = await axe.run(context ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  }, selector);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * What of a reader's file the map draws at each of these places (lng/lat), framed on them: the part
 * of its layers (`point`, `line`, `fill`, `cluster`…) drawn within 3 px, or null for none.
 */
export const drawnAt = (page: Page, fileId: string, places: [number, number][]) =>
  withMap(
    page,
    async (map, { fileId, places }) => {
      const xs = places.map((p) => p[0]);
      const ys = places.map((p) => p[1]);
      map.fitBounds(
        [
          [Math.min(...xs), Math.min(...ys)],
          [Math.max(...xs), Math.max(...ys)],
        ],
        { padding: 80, duration: 0, maxZoom: 9 },
      );
      await new Promise((resolve) => map.once('idle', resolve));
      const prefix = `your-data-${fileId}-`;
      const layers = map
        .getStyle()
        .layers.filter((l) => l.id.startsWith(prefix))
        .map((l) => l.id);
      return places.map((place) => {
        const { x, y } = map.project(place);
        const [hit] = map.queryRenderedFeatures(
          [
            [x - 3, y - 3],
            [x + 3, y + 3],
          ],
          { layers },
        );
        return hit ? hit.layer.id.slice(prefix.length) : null;
      });
    },
    { fileId, places },
  );
