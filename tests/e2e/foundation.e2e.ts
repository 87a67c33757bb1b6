import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppSession,
  openApp,
  PRODUCTION_BUILD,
  pagePoint,
  waitForReady,
  withMap,
} from '../../scripts/app-page.ts';
import { channels, theme } from '../../src/theme.ts';
import { launchTestBrowser } from './helpers.ts';
import { pixelAt } from './pixel.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchTestBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface RenderedLabel {
  kind: string;
  name: string;
}

function renderedLabels(session: AppSession, layer: string): Promise<RenderedLabel[]> {
  return withMap(
    session.page,
    (map, id) =>
      map.queryRenderedFeatures({ layers: [id] }).map((f) => ({
        kind: String(f.properties.kind),
        name: String(f.properties.name),
      })),
    layer,
  );
}

function expectClean(session: AppSession): void {
  expect(session.external, 'requests outside the page origin').toEqual([]);
  expect(session.failed, 'failed requests').toEqual([]);
  expect(session.errors, 'console and page errors').toEqual([]);
}

describe('the offline map (test build)', () => {
  let session: AppSession;
  beforeAll(async () => {
    session = await openApp(browser);
    await waitForReady(session.page);
  });
  afterAll(() => session?.close());

  it('becomes ready with no request outside its origin and no errors', () => {
    expect(session.requests.length).toBeGreaterThan(5);
    expectClean(session);
  });

  it('renders the country labels of the corridor at the default view', async () => {
    const names = (await renderedLabels(session, 'country-labels')).map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(['Colombia', 'Guatemala', 'Mexico']));
  });

  it("draws the labels' letters from the page's own glyph files", async () => {
    const glyphFiles = session.requests.filter((url) => /\/glyphs\/[^/]+\/\d+-\d+\.pbf$/.test(url));
    expect(glyphFiles.map((url) => decodeURIComponent(new URL(url).pathname))).toEqual(
      expect.arrayContaining(['/glyphs/Noto Sans Bold/0-255.pbf', '/glyphs/Noto Sans Bold/8192-8447.pbf']),
    );
    // A range file that fails to load or to parse is no error to MapLibre: it warns and draws the
    // glyphs itself, on the page's main thread, so the letters below would show all the same.
    expect(session.warnings.filter((w) => /Unable to load glyph range/.test(w))).toEqual([]);
    // Dark pixels of the label colour round Colombia's label point, read from the map's own drawing
    // (redrawn, then read in the same task, before the browser takes the frame away).
    const dark = await withMap(session.page, (map) => {
      const [label] = map.queryRenderedFeatures({
        layers: ['country-labels'],
        filter: ['==', ['get', 'name'], 'Colombia'],
      });
      if (label?.geometry.type !== 'Point') throw new Error('Colombia has no label point');
      const at = map.project(label.geometry.coordinates as [number, number]);
      map.redraw();
      const gl = map.getCanvas().getContext('webgl2') as WebGL2RenderingContext;
      const [w, h] = [80, 16];
      const pixels = new Uint8Array(w * h * 4);
      gl.readPixels(
        Math.round(at.x - w / 2),
        gl.drawingBufferHeight - Math.round(at.y + h / 2),
        w,
        h,
        gl.RGBA,
        gl.UNSIGNED_BYTE,
        pixels,
      );
      let count = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (
          (pixels[i + 3] as number) > 200 &&
          Math.max(pixels[i] as number, pixels[i + 1] as number, pixels[i + 2] as number) < 100
        )
          count++;
      }
      return count;
    });
    expect(dark).toBeGreaterThan(40);
  });

  it('frames Colombia to the southern United States, centred on Central America', async () => {
    const view = await withMap(session.page, (map) => {
      const b = map.getBounds();
      const canvas = map.getCanvas();
      const guatemala = map.project([-90.5, 15.5]);
      return {
        west: b.getWest(),
        south: b.getSouth(),
        east: b.getEast(),
        north: b.getNorth(),
        x: guatemala.x / canvas.clientWidth,
        y: guatemala.y / canvas.clientHeight,
      };
    });
    expect(view.south).toBeLessThan(-4.2); // Colombia's southern tip
    expect(view.east).toBeGreaterThan(-67); // Colombia's eastern edge
    expect(view.north).toBeGreaterThan(32); // the US border states
    expect(view.west).toBeLessThan(-117); // all of Mexico
    // Central America sits in the middle of the free map area (the legend covers the top-left corner).
    expect(view.x).toBeGreaterThan(0.35);
    expect(view.x).toBeLessThan(0.75);
    expect(view.y).toBeGreaterThan(0.35);
    expect(view.y).toBeLessThan(0.75);
  });

  it('shows the sea in its colour, through the canvas, with the land drawn over it', async () => {
    const at = async (lngLat: [number, number]) => {
      const { x, y } = await pagePoint(session.page, lngLat);
      return pixelAt(session.page, Math.round(x), Math.round(y));
    };
    expect(await at([-106, 8])).toEqual(channels(theme.ocean)); // the Pacific, south-west of Mexico
    expect(await at([-69, 8])).toEqual(channels(theme.land)); // Venezuela, east of Colombia
  });

  it('prints the sea within the map only, on a white page', async () => {
    const backgrounds = () =>
      session.page.evaluate(() => ({
        page: getComputedStyle(document.documentElement).backgroundColor,
        map: getComputedStyle(document.getElementById('map') as HTMLElement).backgroundColor,
        exact: getComputedStyle(document.getElementById('map') as HTMLElement).printColorAdjust,
      }));
    const sea = `rgb(${channels(theme.ocean).join(', ')})`;
    const none = 'rgba(0, 0, 0, 0)';
    expect(await backgrounds()).toMatchObject({ page: sea, map: none });
    await session.page.emulateMedia({ media: 'print' });
    try {
      expect(await backgrounds()).toEqual({ page: none, map: sea, exact: 'exact' });
    } finally {
      await session.page.emulateMedia({ media: null });
    }
  });

  it('credits Natural Earth, GeoNames and the BBC report in the attribution control', async () => {
    const text = await session.page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(text).toContain('Natural Earth');
    expect(text).toContain('GeoNames (CC BY 4.0)');
    expect(text).toContain('BBC News, 15 January 2012');
  });

  it('offers navigation, scale and fullscreen controls', async () => {
    for (const selector of [
      '.maplibregl-ctrl-zoom-in',
      '.maplibregl-ctrl-scale',
      '.maplibregl-ctrl-fullscreen',
    ]) {
      await expect(session.page.locator(selector).count()).resolves.toBe(1);
    }
  });

  it('draws Guatemala department borders and accented labels once zoomed in', async () => {
    await withMap(session.page, async (map) => {
      map.jumpTo({ center: [-90.3, 15.8], zoom: 7.5 });
      await new Promise((resolve) => map.once('idle', resolve));
    });
    const names = (await renderedLabels(session, 'department-labels')).map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(['Petén', 'Quiché', 'Sololá', 'Totonicapán']));
    const borders = await withMap(
      session.page,
      (map) => map.queryRenderedFeatures({ layers: ['departments-line'] }).length,
    );
    expect(borders).toBeGreaterThan(10);
    expectClean(session);
  });

  it('makes the map at its final size, so it never draws again at another', async () => {
    const fresh = await openApp(browser, {
      beforeGoto: (page) =>
        page.addInitScript(() => {
          // Every size MapLibre gives its canvas, from the first.
          const sizes: string[] = [];
          (window as unknown as { __canvasSizes: string[] }).__canvasSizes = sizes;
          const height = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, 'height');
          Object.defineProperty(HTMLCanvasElement.prototype, 'height', {
            ...height,
            set(value: number) {
              if (this.classList.contains('maplibregl-canvas')) sizes.push(`${this.width}x${value}`);
              height?.set?.call(this, value);
            },
          });
        }),
    });
    try {
      await waitForReady(fresh.page);
      const sizes = await fresh.page.evaluate(
        () => (window as unknown as { __canvasSizes: string[] }).__canvasSizes,
      );
      const box = await fresh.page.locator('#map canvas').boundingBox();
      expect(sizes.length).toBeGreaterThan(0);
      // One size from the start, the map's own (at a device pixel ratio of 1).
      expect(new Set(sizes)).toEqual(new Set([`${box?.width}x${box?.height}`]));
      expectClean(fresh);
    } finally {
      await fresh.close();
    }
  });

  it("starts MapLibre's workers before it creates the map, so their script loads meanwhile", async () => {
    const fresh = await openApp(browser, {
      beforeGoto: (page) =>
        page.addInitScript(() => {
          const Original = window.Worker;
          window.Worker = class extends Original {
            constructor(...args: ConstructorParameters<typeof Worker>) {
              const w = window as unknown as { __firstWorker?: { mapCanvas: boolean } };
              w.__firstWorker ??= { mapCanvas: document.querySelector('#map canvas') !== null };
              super(...args);
            }
          };
        }),
    });
    try {
      await waitForReady(fresh.page);
      // new Map() makes its canvas before it would start the workers itself.
      expect(await fresh.page.evaluate(() => (window as { __firstWorker?: unknown }).__firstWorker)).toEqual({
        mapCanvas: false,
      });
      expectClean(fresh);
    } finally {
      await fresh.close();
    }
  });
});

describe('the production build', () => {
  for (const prefix of ['/', '/some/sub/path/']) {
    it(`becomes ready at ${prefix} with no external or failed request and no errors`, async () => {
      const session = await openApp(browser, { build: PRODUCTION_BUILD, prefix });
      try {
        await waitForReady(session.page);
        expectClean(session);
        // The worker is a separate bundled file: prove it was fetched and ran (the map could not be ready otherwise).
        expect(session.requests.some((url) => /maplibre-gl-worker.*\.js$/.test(url))).toBe(true);
        // The map handle the tests read is in the test build only.
        expect(await session.page.evaluate(() => '__map' in window)).toBe(false);
        // Each GeoJSON file and each glyph file is preloaded from the HTML, and the page's and
        // MapLibre's fetch() take the preloads: seven data files and four glyph files, each
        // requested once.
        const geojson = session.requests.filter((url) => url.endsWith('.geojson'));
        expect(geojson).toHaveLength(7);
        expect(new Set(geojson).size).toBe(7);
        const glyphs = session.requests.filter((url) => url.endsWith('.pbf'));
        expect(glyphs).toHaveLength(4);
        expect(new Set(glyphs).size).toBe(4);
        const preloaded = await session.page
          .locator('link[rel=preload][as=fetch]')
          .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
        expect(preloaded.sort()).toEqual([...geojson, ...glyphs].sort());
      } finally {
        await session.close();
      }
    });
  }
});
