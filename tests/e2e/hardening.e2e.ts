import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, type OpenOptions, openApp, waitForReady, withMap } from '../../scripts/app-page.ts';
import { launchTestBrowser } from './helpers.ts';

let browser: Browser;
let session: AppSession | undefined;
beforeAll(async () => {
  browser = await launchTestBrowser();
});
afterEach(async () => {
  await session?.close();
  session = undefined;
});
afterAll(async () => {
  await browser?.close();
});

/** Counts CSP violations from the first script on, and any dialog the page tries to open. */
async function guarded(options: OpenOptions = {}): Promise<{ page: Page; dialogs: string[] }> {
  const dialogs: string[] = [];
  session = await openApp(browser, {
    ...options,
    beforeGoto: async (page) => {
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.addInitScript(() => {
        const w = window as unknown as { __cspViolations: string[] };
        w.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await options.beforeGoto?.(page);
    },
  });
  return { page: session.page, dialogs };
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

describe('hostile links', () => {
  const HASHES = [
    '#NaN/NaN/NaN',
    '#Infinity/-Infinity/Infinity/Infinity/Infinity',
    '#1e308/1e308/1e308',
    '#99999999/-99999999/99999999',
    `#5/15/-90&feature=${'A'.repeat(12_000)}`,
    '#%E0%A4%A%%%/%ZZ/%',
    '#<script>alert(1)</script>',
    '#"><img src=x onerror=alert(1)>/1/1',
    '#5/15/-90&layers=<svg/onload=alert(1)>&feature=<img/src/onerror=alert(2)>',
    '#javascript:alert(1)',
    '#__proto__[polluted]=1&constructor.prototype.polluted=1&layers=__proto__',
    '#5/15/-90&layers=nope,also-nope&feature=nope',
    '#&&&&===///,,,',
    '#-0/-0/-0/-0/-0',
  ];
  for (const hash of HASHES) {
    it(`keeps the map up and runs nothing for ${JSON.stringify(hash.slice(0, 60))}`, async () => {
      const { page, dialogs } = await guarded({ hash });
      await waitForReady(page);
      expect(session?.errors).toEqual([]);
      expect(dialogs).toEqual([]);
      const state = await withMap(page, (map) => ({
        zoom: map.getZoom(),
        center: map.getCenter().toArray(),
        polluted: ({} as Record<string, unknown>).polluted,
        injected: document.querySelectorAll('img[src="x"], svg[onload]').length,
        // The page's one inline script is the first view's, in its head, allowed by its hash.
        inline: [...document.querySelectorAll('script:not([src])')].map(
          (e) => `${e.parentElement?.tagName} ${e.id}`,
        ),
      }));
      expect(Number.isFinite(state.zoom)).toBe(true);
      expect(state.center.every(Number.isFinite)).toBe(true);
      expect(state.polluted).toBeUndefined();
      expect(state.injected).toBe(0);
      expect(state.inline).toEqual(['HEAD first-view-script']);
      expect(await violations(page)).toEqual([]);
    });
  }
});

describe('a browser without WebGL', () => {
  let noGl: Browser;
  beforeAll(async () => {
    noGl = await launchTestBrowser({ args: ['--disable-webgl', '--disable-webgl2', '--disable-3d-apis'] });
  });
  afterAll(async () => {
    await noGl?.close();
  });

  it('says the map needs WebGL, and still lists every feature with its words and offers the downloads', async () => {
    session = await openApp(noGl);
    const { page } = session;
    await page.locator('.messages p').waitFor();
    expect(await page.locator('.messages').textContent()).toContain('The interactive map needs WebGL 2');
    expect(await page.locator('#map').isHidden()).toBe(true);
    const textList = (await page.locator('.text-list').textContent()) ?? '';
    for (const name of ['Cocaine route: Colombia to Guatemala', 'Alta Verapaz', 'Honduras', 'Mexico']) {
      expect(textList).toContain(name);
    }
    expect(textList).toContain('totally infiltrated by the Zetas');
    expect(textList).toContain('December 2006 (to the month)');
    expect(await page.locator('.text-list__details[open]').count()).toBe(8);
    // Each feature is named once: by its entry, not again inside its words.
    const headings = await page.locator('.text-list').getByRole('heading').allTextContents();
    expect(headings.filter((h) => h === 'Cocaine route: Colombia to Guatemala')).toHaveLength(1);
    expect(await page.locator('.text-list .feature-popup h2').count()).toBe(0);
    // The list has the window, not a side column beside a blank page.
    const panel = await page.locator('#panel').boundingBox();
    expect(panel?.width ?? 0).toBeGreaterThan(1280 * 0.8);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download Alta Verapaz as GeoJSON/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('alta-verapaz.geojson');
    // The map as a picture (public/default-view.svg), loaded and described.
    const picture = page.locator('img.without-map__picture');
    await expect(
      picture.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
    ).resolves.toBe(930);
    expect(await picture.getAttribute('alt')).toMatch(/^Map of the report at its date, 15 January 2012/);
    expect(await picture.isVisible()).toBe(true);
    // The one error logged is the WebGL message itself, once.
    expect(session.errors.filter((e) => !e.includes('WebGL'))).toEqual([]);
    expect(session.errors.filter((e) => e.includes('The interactive map needs WebGL 2'))).toHaveLength(1);
  });
});

describe('a lost GL context', () => {
  it('draws again with the same layers and popup, and takes toggles pressed while lost', async () => {
    const { page } = await guarded({ hash: '#6/15.5/-90.3&feature=GT-AV' });
    await waitForReady(page);
    await page.locator('.maplibregl-popup').waitFor();
    await page.evaluate(() => {
      const gl = document.querySelector('canvas')?.getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_lose_context');
      if (!ext) throw new Error('WEBGL_lose_context is not available');
      (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext = ext;
      ext.loseContext();
    });
    await page.waitForFunction(() => document.querySelector('canvas')?.getContext('webgl2')?.isContextLost());
    await page.getByRole('checkbox', { name: 'Militarised policing' }).click();
    await withMap(page, async (map) => {
      const restored = new Promise((resolve) => map.once('webglcontextrestored', resolve));
      (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext();
      await restored;
      await new Promise((resolve) => map.once('idle', resolve));
    });
    const state = await withMap(page, (map) => {
      const visibility = (id: string) => map.getLayoutProperty(id, 'visibility') ?? 'visible';
      return {
        militarised: visibility('militarised-policing-fill'),
        alta: visibility('alta-verapaz-fill'),
        rendered: map.queryRenderedFeatures({ layers: ['alta-verapaz-fill'] }).length,
        arrows: map.queryRenderedFeatures({ layers: ['transit-flows-arrows'] }).length,
        // Drawn as it stood on the report's date, not as the style draws a feature without a date.
        altaOnTheDate: map.getFeatureState({ source: 'map', id: 'GT-AV' }).time,
      };
    });
    expect(state).toEqual({
      militarised: 'none',
      alta: 'visible',
      altaOnTheDate: 'ended',
      rendered: expect.any(Number),
      arrows: expect.any(Number),
    });
    expect(state.rendered).toBeGreaterThan(0);
    expect(state.arrows).toBeGreaterThan(0);
    expect(await page.locator('.maplibregl-popup').textContent()).toContain('Alta Verapaz');
    expect(session?.errors).toEqual([]);
  });
});

describe('Content-Security-Policy', () => {
  it('is strict in the built page', async () => {
    const { page } = await guarded();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });

  it('reports no violation while the map loads, is dragged, toggled, clicked and exported', async () => {
    // With the moving highlight a reader sees by default, which restyles the map as it goes.
    const { page } = await guarded({ reducedMotion: 'no-preference' });
    await waitForReady(page);
    const box = await page.locator('#map canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(box.x + box.width * 0.6 - i * 20, box.y + box.height * 0.6 - i * 5);
    await page.mouse.up();
    await page.getByRole('checkbox', { name: 'Transit flows' }).click();
    await page.getByRole('checkbox', { name: 'Transit flows' }).click();
    await page.locator('.text-list__show', { hasText: 'Honduras' }).click();
    await page.locator('.maplibregl-popup').waitFor();
    await page.getByText('Download data').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /every file in one zip/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    expect(await violations(page)).toEqual([]);
    expect(session?.errors).toEqual([]);
  });
});

describe('failures a person can hit', () => {
  it('a report layer that fails to load is reported in one line, and the rest of the map works', async () => {
    const { page } = await guarded({
      beforeGoto: (p) =>
        p.route(/alta-verapaz-[^/]*\.geojson$/, (route) => route.fulfill({ status: 500, body: '' })),
    });
    await waitForReady(page);
    const messages = await page.locator('.messages p').allTextContents();
    expect(messages).toEqual([expect.stringContaining('Could not load the Alta Verapaz layer')]);
    await expect(page.getByRole('checkbox', { name: 'Transit flows' }).isChecked()).resolves.toBe(true);
    expect(session?.errors.filter((e) => e.startsWith('console: Could not load'))).toHaveLength(1);
  });

  it('a report layer file that is not GeoJSON is reported in one line, and the page still works', async () => {
    const { page } = await guarded({
      beforeGoto: (p) =>
        p.route(/transit-flows-[^/]*\.geojson$/, (route) =>
          route.fulfill({ status: 200, body: '{"type":"FeatureCollection","features":[42]}' }),
        ),
    });
    await waitForReady(page);
    const messages = await page.locator('.messages p').allTextContents();
    expect(messages).toEqual([expect.stringContaining('Could not load the Transit flows layer')]);
    expect(messages[0]).toContain('not a GeoJSON FeatureCollection');
    expect(await page.locator('.text-list__show').count()).toBe(4);
  });

  it('a basemap file MapLibre cannot load is reported in the page, never a blank map', async () => {
    const { page } = await guarded({
      beforeGoto: (p) =>
        p.route(/countries-[^/]*\.geojson$/, (route) => route.fulfill({ status: 404, body: 'gone' })),
    });
    await page.locator('.messages p').waitFor();
    const messages = await page.locator('.messages p').allTextContents();
    expect(messages.length).toBe(1);
    expect(messages[0]).toMatch(/404|Not Found/i);
    await waitForReady(page);
    expect(await page.locator('.text-list__show').count()).toBe(8);
  });
});
