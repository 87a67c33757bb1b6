import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppSession,
  type OpenOptions,
  openApp,
  pagePoint,
  waitForReady,
} from '../../scripts/app-page.ts';
import { launchBrowser } from '../../scripts/browser.ts';
import { ROOT } from '../../scripts/io.ts';
import { channels } from '../../src/style/theme.ts';
import { pixelAt } from './pixel.ts';

const LAYERS = [
  { id: 'transit-flows', name: 'Transit flows' },
  { id: 'alta-verapaz', name: 'Alta Verapaz' },
  { id: 'militarised-policing', name: 'Militarised policing' },
] as const;
const layerFile = (id: string): FeatureCollection =>
  JSON.parse(readFileSync(`${ROOT}geodata/layers/${id}.geojson`, 'utf8'));

let browser: Browser;
let session: AppSession | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterEach(async () => {
  if (session) expect(session.errors, 'console and page errors').toEqual([]);
  await session?.close();
  session = undefined;
});
afterAll(async () => {
  await browser?.close();
});

async function open(options: OpenOptions = {}): Promise<Page> {
  session = await openApp(browser, options);
  await waitForReady(session.page);
  return session.page;
}

/** The visibility of every style layer of one mission group, read from the map's layout state. */
function groupVisibility(page: Page, mission: string): Promise<string[]> {
  return page.evaluate((id) => {
    const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    return map
      .getStyle()
      .layers.filter((l) => (l.metadata as Record<string, unknown> | undefined)?.['mission:layer'] === id)
      .map((l) => String(map.getLayoutProperty(l.id, 'visibility') ?? 'visible'));
  }, mission);
}

/** Centres the map on a point, waits for it to settle, and clicks the canvas there. */
async function clickAt(page: Page, lngLat: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    async ({ lngLat, zoom }) => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      map.jumpTo({ center: lngLat, zoom });
      await new Promise((resolve) => map.once('idle', resolve));
    },
    { lngLat, zoom },
  );
  const point = await pagePoint(page, lngLat);
  await page.mouse.click(point.x, point.y);
}

const popupText = (page: Page) => page.locator('.maplibregl-popup').textContent();

describe('legend toggles', () => {
  for (const layer of LAYERS) {
    it(`"${layer.name}" hides and restores every map layer of its group, by pointer and by keyboard`, async () => {
      const page = await open();
      const checkbox = page.getByRole('checkbox', { name: layer.name });
      await expect(checkbox.isChecked()).resolves.toBe(true);
      expect(new Set(await groupVisibility(page, layer.id))).toEqual(new Set(['visible']));

      await checkbox.click();
      expect(new Set(await groupVisibility(page, layer.id))).toEqual(new Set(['none']));
      expect(page.url()).toContain('layers=');
      await checkbox.focus();
      await page.keyboard.press('Space');
      expect(new Set(await groupVisibility(page, layer.id))).toEqual(new Set(['visible']));
      await expect(checkbox.isChecked()).resolves.toBe(true);
      // The other groups are untouched.
      for (const other of LAYERS.filter((l) => l.id !== layer.id)) {
        expect(new Set(await groupVisibility(page, other.id))).toEqual(new Set(['visible']));
      }
    });
  }

  it('shows a visible focus ring on a checkbox reached by keyboard', async () => {
    const page = await open();
    const checkbox = page.getByRole('checkbox', { name: 'Alta Verapaz' });
    await checkbox.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await checkbox.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });

  it('marks the features of a hidden layer as hidden in the text twin', async () => {
    const page = await open();
    const note = page.locator('.twin h3', { hasText: 'Alta Verapaz' }).locator('.twin__hidden');
    await expect(note.isVisible()).resolves.toBe(false);
    await page.getByRole('checkbox', { name: 'Alta Verapaz' }).click();
    await expect(note.isVisible()).resolves.toBe(true);
  });
});

describe('popups', () => {
  const route = layerFile('transit-flows').features[0]?.geometry as LineString;
  const routeMiddle = route.coordinates[Math.floor(route.coordinates.length / 2)] as [number, number];
  const cases = [
    {
      layer: 'transit-flows',
      at: routeMiddle,
      zoom: 6,
      id: 'route-1-col-gtm',
      title: 'Cocaine route: Colombia to Guatemala',
    },
    {
      layer: 'alta-verapaz',
      at: [-90.37, 15.47] as [number, number],
      zoom: 8,
      id: 'GT-AV',
      title: 'Alta Verapaz',
    },
    {
      layer: 'militarised-policing',
      at: [-86.6, 14.7] as [number, number],
      zoom: 6,
      id: 'HND',
      title: 'Honduras',
    },
  ];
  for (const c of cases) {
    it(`clicking ${c.id} (${c.layer}) opens one popup with its name, every excerpt and the source`, async () => {
      const page = await open();
      await clickAt(page, c.at, c.zoom);
      await page.locator('.maplibregl-popup').waitFor();
      await expect(page.locator('.maplibregl-popup').count()).resolves.toBe(1);
      const text = (await popupText(page)) ?? '';
      const feature = layerFile(c.layer).features.find((f) => f.id === c.id);
      expect(text).toContain(c.title);
      for (const [key, value] of Object.entries(feature?.properties ?? {})) {
        if (key.startsWith('excerpt') && typeof value === 'string') expect(text).toContain(value);
      }
      expect(text).toContain('BBC News, 15 January 2012');
      if (c.layer === 'transit-flows') expect(text).toContain('Schematic');
      expect(page.url()).toContain(`feature=${c.id}`);
    });
  }

  it('shows markup in the data as text in popups and the twin, and never runs it', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const page = await open({
      beforeGoto: (p) =>
        p.route(/alta-verapaz-[^/]*\.geojson$/, async (route) => {
          const body = JSON.parse(await (await route.fetch()).text());
          body.features[0].properties.name = hostile;
          body.features[0].properties.excerpt = `<script>window.__pwned=2</script>`;
          await route.fulfill({ body: JSON.stringify(body), contentType: 'application/geo+json' });
        }),
    });
    await clickAt(page, [-90.37, 15.47], 8);
    await page.locator('.maplibregl-popup').waitFor();
    expect(await popupText(page)).toContain(hostile);
    expect(await popupText(page)).toContain('<script>window.__pwned=2</script>');
    expect(await page.locator('.maplibregl-popup img, .twin img, .maplibregl-popup script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('turns the cursor into a pointer over a feature', async () => {
    const page = await open();
    const cursor = await page.evaluate(async () => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      map.jumpTo({ center: [-90.37, 15.47], zoom: 8 });
      await new Promise((resolve) => map.once('idle', resolve));
      return map.getCanvas().getBoundingClientRect();
    });
    await page.mouse.move(cursor.left + cursor.width / 2, cursor.top + cursor.height / 2);
    await page.waitForFunction(() => document.querySelector('canvas')?.style.cursor === 'pointer');
  });

  it('fits inside the viewport on a phone', async () => {
    const page = await open({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    await page.locator('.twin__show', { hasText: 'Alta Verapaz' }).click();
    const popup = page.locator('.maplibregl-popup-content');
    await popup.waitFor();
    const box = await popup.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(375);
    expect(box?.height ?? 999).toBeLessThanOrEqual(667);
  });
});

describe('keyboard only', () => {
  it('Tab reaches the map first, which shows a ring (over the canvas, so it is not clipped) and pans with the arrow keys', async () => {
    const page = await open();
    const box = await page.locator('#map').boundingBox();
    if (!box) throw new Error('The map has no box');
    // The middle of each edge of the map, a pixel inside it and clear of the controls in its corners.
    const edges: [number, number][] = [
      [box.x + 1, box.y + box.height / 2],
      [box.x + box.width - 2, box.y + box.height / 2],
      [box.x + box.width / 2, box.y + 1],
      [box.x + box.width / 2, box.y + box.height - 2],
    ];
    const colours = () => Promise.all(edges.map(([x, y]) => pixelAt(page, Math.floor(x), Math.floor(y))));
    const ring = channels(
      await page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--focus-ring').trim(),
      ),
    );
    expect(await colours()).not.toContainEqual(ring);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(
      true,
    );
    expect(await colours()).toEqual([ring, ring, ring, ring]);
    // And the arrow keys pan it.
    const lng = () =>
      page.evaluate(() => (window as unknown as { __map: import('maplibre-gl').Map }).__map.getCenter().lng);
    const before = await lng();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      () => !(window as unknown as { __map: import('maplibre-gl').Map }).__map.isMoving(),
    );
    expect(await lng()).toBeGreaterThan(before);
  });

  it('Tab reaches the text twin, Enter opens the popup, Escape closes it and returns focus', async () => {
    const page = await open();
    let focused = '';
    for (let i = 0; i < 80 && !focused.startsWith('twin:'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.classList.contains('twin__show') ? `twin:${el.dataset.feature}` : (el?.tagName ?? '');
      });
    }
    expect(focused).toBe('twin:route-1-col-gtm');
    await page.keyboard.press('Enter');
    await page.locator('.maplibregl-popup').waitFor();
    expect(await popupText(page)).toContain('Cocaine route: Colombia to Guatemala');
    // Focus moved into the popup, so a screen reader reads it next.
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.maplibregl-popup')))).toBe(
      true,
    );
    await page.keyboard.press('Escape');
    await expect(page.locator('.maplibregl-popup').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.feature)).toBe(
      'route-1-col-gtm',
    );
    expect(page.url()).not.toContain('feature=');
  });
});

describe('permalinks', () => {
  it('restore the view, a hidden layer and the open feature', async () => {
    const page = await open({ hash: '#5.5/17.5/-98.5&layers=alta-verapaz,militarised-policing&feature=MEX' });
    const view = await page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      return { zoom: map.getZoom(), ...map.getCenter() };
    });
    expect(view.zoom).toBeCloseTo(5.5, 5);
    expect(view.lat).toBeCloseTo(17.5, 3);
    expect(view.lng).toBeCloseTo(-98.5, 3);
    expect(new Set(await groupVisibility(page, 'transit-flows'))).toEqual(new Set(['none']));
    await expect(page.getByRole('checkbox', { name: 'Transit flows' }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole('checkbox', { name: 'Alta Verapaz' }).isChecked()).resolves.toBe(true);
    await page.locator('.maplibregl-popup').waitFor();
    expect(await popupText(page)).toContain('Mexico');
    expect(await popupText(page)).toContain('deployed by President Felipe Calderon in December 2006');
  });

  it('follow a hash edited in the address bar: view and layers at once', async () => {
    const page = await open();
    await page.evaluate(() => {
      window.location.hash = '#6/15.5/-90.3&layers=alta-verapaz';
    });
    await page.waitForFunction(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      return Math.abs(map.getZoom() - 6) < 1e-6;
    });
    expect(new Set(await groupVisibility(page, 'transit-flows'))).toEqual(new Set(['none']));
    expect(new Set(await groupVisibility(page, 'militarised-policing'))).toEqual(new Set(['none']));
    expect(new Set(await groupVisibility(page, 'alta-verapaz'))).toEqual(new Set(['visible']));
    await expect(page.getByRole('checkbox', { name: 'Transit flows' }).isChecked()).resolves.toBe(false);
    expect(page.url()).toContain('layers=alta-verapaz');
  });

  it('ignore what does not parse and fall back to the default', async () => {
    const page = await open({ hash: '#abc/def/ghi&layers=nope&feature=nothing-here' });
    const zoom = await page.evaluate(() =>
      (window as unknown as { __map: import('maplibre-gl').Map }).__map.getZoom(),
    );
    expect(zoom).toBeGreaterThan(2);
    expect(zoom).toBeLessThan(5);
    for (const layer of LAYERS)
      expect(new Set(await groupVisibility(page, layer.id))).toEqual(new Set(['visible']));
    await expect(page.locator('.maplibregl-popup').count()).resolves.toBe(0);
  });
});

describe('motion', () => {
  const gradientAfter = async (page: Page, ms: number) =>
    page.evaluate(async (wait) => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const before = JSON.stringify(map.getPaintProperty('transit-flows-pulse', 'line-gradient'));
      await new Promise((resolve) => setTimeout(resolve, wait));
      return before !== JSON.stringify(map.getPaintProperty('transit-flows-pulse', 'line-gradient'));
    }, ms);

  const highlightOpacity = (page: Page) =>
    page.evaluate(() =>
      (window as unknown as { __map: import('maplibre-gl').Map }).__map.getPaintProperty(
        'transit-flows-pulse',
        'line-opacity',
      ),
    );

  // MapLibre has no getter for it; `_fadeDuration` is the option as the map holds it.
  const labelFade = (page: Page) =>
    page.evaluate(() => (window as unknown as { __map: { _fadeDuration: number } }).__map._fadeDuration);

  it("fades labels in and out over MapLibre's 300 ms by default, and not under reduced motion", async () => {
    expect(await labelFade(await open())).toBe(300);
    expect(await labelFade(await open({ reducedMotion: 'reduce' }))).toBe(0);
  });

  it('moves gently along the route by default, shown from the first idle', async () => {
    const page = await open();
    expect(await highlightOpacity(page)).toBe(1);
    expect(await gradientAfter(page, 600)).toBe(true);
  });

  it('hides and holds while the map moves, and goes on once it stops', async () => {
    const page = await open();
    const held = await page.evaluate(async () => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const gradient = () => JSON.stringify(map.getPaintProperty('transit-flows-pulse', 'line-gradient'));
      map.panBy([150, 0], { duration: 1500 });
      const before = gradient();
      await new Promise((resolve) => setTimeout(resolve, 800));
      return {
        moving: map.isMoving(),
        unchanged: before === gradient(),
        opacity: map.getPaintProperty('transit-flows-pulse', 'line-opacity'),
      };
    });
    expect(held).toEqual({ moving: true, unchanged: true, opacity: 0 });
    await page.waitForFunction(
      () => !(window as unknown as { __map: import('maplibre-gl').Map }).__map.isMoving(),
    );
    expect(await highlightOpacity(page)).toBe(1);
    expect(await gradientAfter(page, 600)).toBe(true);
  });

  it('stays still when the person prefers reduced motion', async () => {
    const page = await open({ reducedMotion: 'reduce' });
    expect(await highlightOpacity(page)).toBe(1);
    expect(await gradientAfter(page, 600)).toBe(false);
  });
});

describe('small screens and accessibility', () => {
  it('is usable at 375×667 with nothing wider than the screen, legend folded but reachable', async () => {
    const page = await open({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByText('Layers', { exact: true }).click();
    const checkbox = page.getByRole('checkbox', { name: 'Militarised policing' });
    await checkbox.click();
    expect(new Set(await groupVisibility(page, 'militarised-policing'))).toEqual(new Set(['none']));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${ROOT}docs/screenshot-phone.png` });
  });

  it('has no serious or critical axe-core violations', async () => {
    // axe is injected as a script; the page's CSP would rightly refuse it, so this context bypasses CSP.
    const page = await open({ bypassCSP: true });
    await page.addScriptTag({ path: `${ROOT}node_modules/axe-core/axe.min.js` });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run({ resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
