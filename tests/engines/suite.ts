/**
 * The map in an engine other than Chromium, through that engine's own driver: what a reader of
 * Firefox or Safari must get. One engine per file (firefox.engine.ts, webkit.engine.ts), run one
 * after the other; each test file starts its own virtual display.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { TEST_BUILD } from '../../scripts/app-page.ts';
import {
  type Engine,
  type EngineOptions,
  type EnginePage,
  type Viewport,
  waitFor,
} from '../../scripts/engines/engine.ts';
import { startXvfb, type VirtualDisplay } from '../../scripts/engines/xvfb.ts';
import { DEFAULT_TEST_FONT, systemFontIs } from '../../scripts/fonts.ts';
import { ROOT } from '../../scripts/io.ts';
import { type StaticServer, serveStatic } from '../../scripts/server.ts';
import { LAYER_FORMATS } from '../../src/formats/package.ts';
import { REPORT_LAYERS } from '../../src/layers/registry.ts';
import { areaColour, channels } from '../../src/theme.ts';
import { cliExport } from '../cli-export.ts';
import { LAYERS, layerFile } from '../e2e/helpers.ts';
import { hostPage } from '../host-page.ts';
import { offlineSuite } from './offline.ts';

const PROBE = readFileSync(`${ROOT}scripts/engines/probe.js`, 'utf8');
const NO_WEBGL_MESSAGE = 'The interactive map needs WebGL 2';

type Probed = Window & { __map?: MapLibreMap; __probe: { errors: string[]; blobs: Blob[] } };

/** The colour each report layer draws with, as its pixels come out: the route's line, the areas' tint. */
const DRAWN_COLOUR = Object.fromEntries(
  REPORT_LAYERS.map((layer) => [
    layer.id,
    channels(layer.look.kind === 'flows' ? layer.look.route : areaColour(layer.look)),
  ]),
);

/**
 * How many of the map's pixels have each colour (within 6 per channel), read from its own drawing:
 * redrawn once the map is idle, then read in the same task, before the engine takes the frame away.
 */
function countColours(colours: number[][]): Promise<number[]> {
  const map = (window as unknown as Probed).__map;
  if (!map) throw new Error('No window.__map: is this the test build (vite build --mode test)?');
  return new Promise((resolve) => {
    map.once('idle', () => {
      map.redraw();
      const gl = map.getCanvas().getContext('webgl2') as WebGL2RenderingContext;
      const { drawingBufferWidth: width, drawingBufferHeight: height } = gl;
      const pixels = new Uint8Array(width * height * 4);
      gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
      resolve(
        colours.map(([red = 0, green = 0, blue = 0]) => {
          let count = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            if (
              Math.abs((pixels[i] as number) - red) <= 6 &&
              Math.abs((pixels[i + 1] as number) - green) <= 6 &&
              Math.abs((pixels[i + 2] as number) - blue) <= 6
            )
              count++;
          }
          return count;
        }),
      );
    });
    map.triggerRepaint();
  });
}

const probedErrors = (page: EnginePage) =>
  page.evaluate(() => [...(window as unknown as Probed).__probe.errors]);
const text = (page: EnginePage, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
const isChecked = (page: EnginePage, layer: string) =>
  page.evaluate(
    (id) => (document.querySelector(`input[name="layer"][value="${id}"]`) as HTMLInputElement).checked,
    layer,
  );

/** The route's ends (geodata/layers/transit-flows.geojson) and the report's places, as [lng, lat]. */
const SCREEN_PLACES: [string, [number, number]][] = [
  ['route start', [-73.283379, 3.406074]],
  ['route end', [-98.125115, 39.102949]],
  ['Mexico City', [-99.12766, 19.42847]],
  ['Guatemala City', [-90.51327, 14.64072]],
  ['Alta Verapaz', [-90.37, 15.47]],
];

/** In the page: which places are hidden, how much of the map the controls cover, and the layout. */
function whatFits(places: [string, [number, number]][]) {
  const map = (window as unknown as Probed).__map as MapLibreMap;
  const canvas = map.getCanvas();
  const box = canvas.getBoundingClientRect();
  const hidden = places
    .filter(([, lngLat]) => {
      const p = map.project(lngLat);
      const inside = p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height;
      return !inside || document.elementFromPoint(box.left + p.x, box.top + p.y) !== canvas;
    })
    .map(([name]) => name);
  const controls = [...document.querySelectorAll('#map .maplibregl-ctrl, #map details[open] > .menu__body')]
    .map((c) => c.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
  let covered = 0;
  let cells = 0;
  for (let y = box.top + 2; y < box.bottom; y += 4)
    for (let x = box.left + 2; x < box.right; x += 4) {
      cells++;
      if (controls.some((b) => x >= b.left && x < b.right && y >= b.top && y < b.bottom)) covered++;
    }
  const legend = document.querySelector('details.legend') as HTMLDetailsElement;
  return {
    width: innerWidth,
    hidden,
    scrollWidth: document.documentElement.scrollWidth,
    controlShare: covered / cells,
    mapBottom: box.bottom,
    panelTop: (document.getElementById('panel') as HTMLElement).getBoundingClientRect().top,
    legend: `${legend.open ? 'open' : 'folded'}, says ${legend.querySelector('.legend__state')?.textContent}`,
  };
}

/** One engine's suite: the map, then the same engine with WebGL turned off. */
export function crossEngineSuite(label: string, launch: (options: EngineOptions) => Promise<Engine>): void {
  let display: VirtualDisplay | undefined;
  let server: StaticServer;
  beforeAll(async () => {
    // Only X11 needs a display of our own; elsewhere the engines open windows as they are.
    if (process.platform === 'linux') display = await startXvfb();
    server = await serveStatic(TEST_BUILD, '/', { probe: PROBE });
  });
  afterAll(async () => {
    await server?.close();
    await display?.stop();
  });

  /** Opens the app in `engine` and fails the test, after it, if the page logged an error. */
  function pages(engine: () => Engine) {
    let open: EnginePage | undefined;
    afterEach(async ({ task }) => {
      const page = open;
      open = undefined;
      if (!page) return;
      // What the engine showed when a test failed, for whoever has to find out why.
      if (task.result?.state === 'fail') {
        const file = join(tmpdir(), `${label}-${task.name.replace(/\W+/g, '-')}.png`);
        writeFileSync(file, await page.screenshot());
        // What the page said, which a CI log keeps when the picture is gone.
        const said = await page.evaluate(() =>
          ['#messages', '.your-data__status'].map((s) => document.querySelector(s)?.textContent ?? ''),
        );
        console.error(`${label} at the failure: ${file}; the page said: ${JSON.stringify(said)}`);
      }
      const errors = [...(await probedErrors(page)), ...page.driverErrors];
      await page.close();
      expect(errors, 'console and page errors').toEqual([]);
    });
    return async (hash = '', viewport?: Viewport, url = server.url): Promise<EnginePage> => {
      open = await engine().open(`${url}${hash}`, viewport);
      await waitFor(
        open,
        'the map to be ready',
        () => document.querySelector('#map[data-ready="true"]') !== null,
      );
      return open;
    };
  }

  describe(`${label}: the map`, () => {
    let engine: Engine;
    let cliDir: string;
    beforeAll(async () => {
      cliDir = cliExport();
      engine = await launch({ display: display?.display });
      console.info(`${label}: ${engine.version}`);
    });
    afterAll(async () => {
      await engine?.close();
      rmSync(cliDir, { recursive: true, force: true });
    });
    const open = pages(() => engine);

    it('becomes ready in WebGL 2, with no page or console error', async () => {
      const page = await open();
      const state = await page.evaluate(() => {
        const map = (window as unknown as Probed).__map as MapLibreMap;
        const drawn = map
          .queryRenderedFeatures()
          .map((f) => f.layer.metadata as Record<string, unknown> | undefined);
        return {
          webgl2: map.getCanvas().getContext('webgl2') !== null,
          drawnLayers: [...new Set(drawn.map((m) => m?.['report:layer']).filter(Boolean))].sort(),
          message: document.getElementById('messages')?.textContent ?? '',
        };
      });
      expect(state).toEqual({ webgl2: true, drawnLayers: LAYERS.map((l) => l.id).sort(), message: '' });
      // The system font the harness gave the engine, whatever the machine's own.
      expect(await page.evaluate(systemFontIs, DEFAULT_TEST_FONT)).toBe(true);
    });

    it("adds a reader's file, its popup as text; refuses a broken and a hostile file, in a line each", async () => {
      // An origin of its own, so its own empty store: WebKit may keep an earlier page's process
      // suspended with a transaction open on the main origin's store, which then waits for it.
      const own = await serveStatic(TEST_BUILD, '/', { probe: PROBE });
      onTestFinished(() => own.close());
      const page = await open('', undefined, own.url);
      // The input's own change event, with a File made in the page: the drivers' file choosers differ.
      await page.evaluate(() => {
        const input = document.getElementById('your-data-input') as HTMLInputElement;
        const transfer = new DataTransfer();
        const point = {
          type: 'Feature',
          properties: { name: '<img src=x onerror=alert(1)>', kind: 'airstrip' },
          geometry: { type: 'Point', coordinates: [-90.1, 16.9] },
        };
        const file = JSON.stringify({ type: 'FeatureCollection', features: [point] });
        transfer.items.add(new File([file], 'pistas.geojson', { type: 'application/geo+json' }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await waitFor(
        page,
        'the file in the legend',
        () => document.querySelectorAll('.your-data__entry').length === 1,
      );
      expect(await text(page, '.your-data__name')).toBe('pistas.geojson');
      // Centred on the point, in Petén, over Guatemala's area: the reader's point takes the click.
      const at = await page.evaluate(async () => {
        const map = (window as unknown as Probed).__map as MapLibreMap;
        map.jumpTo({ center: [-90.1, 16.9], zoom: 7 });
        await new Promise((resolve) => map.once('idle', resolve));
        const { x, y } = map.project([-90.1, 16.9]);
        const box = map.getCanvas().getBoundingClientRect();
        return { x: box.left + x, y: box.top + y };
      });
      await page.clickAt(at.x, at.y);
      await waitFor(page, 'the popup', () => document.querySelector('.maplibregl-popup') !== null);
      const popup = (await text(page, '.maplibregl-popup')) ?? '';
      expect(popup).toContain('pistas.geojson');
      expect(popup).toContain('<img src=x onerror=alert(1)>');
      expect(await page.evaluate(() => document.querySelectorAll('.maplibregl-popup img').length)).toBe(0);
      // A broken file and a hostile one, at once: each refused in a line naming it and where, the
      // markup of a name shown as text, no entity fetched, and the file already added kept.
      const broken = '{"type":"FeatureCollection","features":[{"type":"Feat';
      await page.evaluate((cut) => {
        const input = document.getElementById('your-data-input') as HTMLInputElement;
        const transfer = new DataTransfer();
        transfer.items.add(new File([cut], 'cortado.geojson'));
        const xxe =
          '<?xml version="1.0"?>\n<!DOCTYPE kml [ <!ENTITY x SYSTEM "http://127.0.0.1:9/x"> ]>\n<kml><Placemark><name>&x;</name></Placemark></kml>';
        transfer.items.add(new File([xxe], '<img src=x onerror=window.__pwned=1>.kml'));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, broken);
      await waitFor(page, 'both files refused', () =>
        (document.querySelector('.your-data__status')?.textContent ?? '').includes('__pwned=1>.kml:'),
      );
      const said = (await text(page, '.your-data__status')) ?? '';
      expect(said).toMatch(
        new RegExp(
          `^cortado\\.geojson: line 1, column ${broken.length + 1}: this is not valid JSON: [^\\n]+ <img src=x onerror=window\\.__pwned=1>\\.kml: line 2, column 1: the XML declares a DOCTYPE or entities, which KML and GPX never need: refused unread\\.$`,
        ),
      );
      expect(
        await page.evaluate(() => ({
          elements: document.querySelectorAll('.your-data img, .your-data__status img').length,
          pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
          files: [...document.querySelectorAll('.your-data__name')].map((n) => n.textContent),
        })),
      ).toEqual({ elements: 0, pwned: null, files: ['pistas.geojson'] });
      // Removed, as a reader would: the store forgets it.
      await page.click('.your-data__remove');
      await waitFor(page, 'the file removed and forgotten', async () => {
        if (document.querySelector('.your-data__entry')) return false;
        const db = await new Promise<IDBDatabase>((resolve) => {
          const request = indexedDB.open('your-data');
          request.onsuccess = () => resolve(request.result);
        });
        const count = await new Promise<number>((resolve) => {
          const request = db.transaction('files').objectStore('files').count();
          request.onsuccess = () => resolve(request.result);
        });
        db.close();
        return count === 0;
      });
    });

    it('draws each layer, and its legend checkbox hides and restores it', async () => {
      // Over Guatemala, where all three layers are drawn large enough to count, on a day when
      // Alta Verapaz's state of siege held (by the report's date it had ended: an outline only).
      const page = await open('#6/15.5/-90.3&date=2011-01-01');
      const colours = LAYERS.map((layer) => DRAWN_COLOUR[layer.id] as number[]);
      const before = await page.evaluate(countColours, colours);
      for (const [i, layer] of LAYERS.entries()) {
        const shown = before[i] as number;
        expect(shown, `${layer.id} pixels`).toBeGreaterThan(300);
        await page.click(`input[name="layer"][value="${layer.id}"]`);
        expect(await isChecked(page, layer.id)).toBe(false);
        const hidden = (await page.evaluate(countColours, colours))[i] as number;
        expect(hidden, `${layer.id} pixels once hidden`).toBeLessThan(shown / 10);
        await page.click(`input[name="layer"][value="${layer.id}"]`);
        const restored = (await page.evaluate(countColours, colours))[i] as number;
        // Not all of them: the route's moving highlight (src/style/pulse.ts) lightens up to a third of it.
        expect(restored, `${layer.id} pixels once shown again`).toBeGreaterThan(shown * 0.5);
      }
    });

    it('opens the popup of a feature chosen from the text list, with its excerpt; Escape closes it', async () => {
      const page = await open();
      const feature = layerFile('alta-verapaz').features[0];
      const excerpts = Object.entries(feature?.properties ?? {}).filter(([key]) => key.startsWith('excerpt'));
      expect(excerpts.length).toBeGreaterThan(1);
      await page.click(`.text-list__show[data-feature="${feature?.id}"]`);
      await waitFor(page, 'the popup', () => document.querySelector('.maplibregl-popup') !== null);
      const popup = await text(page, '.maplibregl-popup');
      for (const [, excerpt] of excerpts) expect(popup).toContain(excerpt);
      expect(await page.evaluate(() => location.hash)).toContain(`feature=${feature?.id}`);
      await page.press('Escape');
      await waitFor(page, 'the popup to close', () => document.querySelector('.maplibregl-popup') === null);
      expect(await page.evaluate(() => location.hash)).not.toContain('feature=');
    });

    it("cites a popup's feature: its link and the report in the dialog; Escape closes only that", async () => {
      const page = await open();
      await page.click('.text-list__show[data-feature="GT-AV"]');
      await waitFor(
        page,
        'the popup',
        () => document.querySelector('.maplibregl-popup .cite-button') !== null,
      );
      await page.click('.maplibregl-popup .cite-button');
      await waitFor(page, 'the citation dialog', () => document.querySelector('dialog.cite[open]') !== null);
      const cited = await page.evaluate(() => ({
        text: (document.getElementById('cite-text') as HTMLTextAreaElement).value,
        link: `${location.origin}${location.pathname}#feature=GT-AV`,
      }));
      expect(cited.text).toContain(cited.link);
      expect(cited.text).toContain('BBC News, 15 January 2012');
      await page.press('Escape');
      await waitFor(page, 'the dialog to close', () => document.querySelector('dialog.cite') === null);
      const after = await page.evaluate(() => ({
        focused: document.activeElement?.getAttribute('aria-label'),
        popup: document.querySelector('.maplibregl-popup') !== null,
      }));
      expect(after).toEqual({ focused: 'Cite Alta Verapaz', popup: true });
    });

    it('restores a permalink with a hidden layer and an open feature', async () => {
      const page = await open('#5.5/17.5/-98.5&layers=alta-verapaz,militarised-policing&feature=MEX');
      await waitFor(page, 'the popup', () => document.querySelector('.maplibregl-popup') !== null);
      expect(await text(page, '.maplibregl-popup')).toContain(
        'deployed by President Felipe Calderon in December 2006',
      );
      expect(await isChecked(page, 'transit-flows')).toBe(false);
      expect(await isChecked(page, 'alta-verapaz')).toBe(true);
      const drawn = await page.evaluate(() =>
        (window as unknown as Probed).__map
          ?.getStyle()
          .layers.filter(
            (l) => (l.metadata as Record<string, unknown> | undefined)?.['report:layer'] === 'transit-flows',
          )
          .map((l) => (window as unknown as Probed).__map?.getLayoutProperty(l.id, 'visibility')),
      );
      expect(new Set(drawn)).toEqual(new Set(['none']));
      const view = await page.evaluate(() => {
        const map = (window as unknown as Probed).__map as MapLibreMap;
        return { zoom: map.getZoom(), ...map.getCenter() };
      });
      expect(view.zoom).toBeCloseTo(5.5, 5);
      expect(view.lat).toBeCloseTo(17.5, 3);
      expect(view.lng).toBeCloseTo(-98.5, 3);
    });

    it('speaks Spanish from a link with lang=es, and switches back to English with the data kept', async () => {
      const page = await open('#lang=es&feature=GT-AV');
      await waitFor(page, 'the popup', () => document.querySelector('.maplibregl-popup') !== null);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(await text(page, '.legend__title')).toBe('Capas');
      const popup = (await text(page, '.maplibregl-popup')) ?? '';
      expect(popup).toContain('Terminó el 18 de febrero de 2011');
      // The report's words stay as published, in English.
      expect(popup).toContain('totally infiltrated by the Zetas');
      // The list is driven as a reader's keyboard would leave it: a value chosen, then change.
      await page.evaluate(() => {
        const select = document.getElementById('language') as HTMLSelectElement;
        select.value = 'en';
        select.dispatchEvent(new Event('change'));
      });
      await waitFor(page, 'the map again', () => document.getElementById('map')?.dataset.ready === 'true');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await text(page, '.legend__title')).toBe('Layers');
    });

    it('moves through time: a dated link draws its day, and the next step draws the next event', async () => {
      const page = await open('#5/16/-92&date=2008-01-01');
      const states = () =>
        page.evaluate(() => {
          const map = (window as unknown as Probed).__map as MapLibreMap;
          return ['MEX', 'GT-AV', 'HND'].map((id) => String(map.getFeatureState({ source: 'map', id }).time));
        });
      const dateShown = () =>
        page.evaluate(() => document.getElementById('timeline-date')?.getAttribute('aria-valuetext'));
      expect(await states()).toEqual(['in-force', 'not-yet', 'not-yet']);
      expect(await dateShown()).toBe('1 January 2008');
      const altaVerapaz = [DRAWN_COLOUR['alta-verapaz'] as number[]];
      const before = (await page.evaluate(countColours, altaVerapaz))[0] as number;
      await page.click('.timeline__step[aria-label="Next event"]');
      await waitFor(page, 'the next event', () => location.hash.includes('date=2010-12-19'));
      expect(await dateShown()).toBe('19 December 2010');
      expect(await states()).toEqual(['in-force', 'in-force', 'not-yet']);
      expect(await text(page, '.timeline__caption')).toContain(
        'In December, outgoing President Alvaro Colom',
      );
      // Alta Verapaz is drawn now: the step moved the map to it, and its tint is on the canvas.
      await waitFor(page, 'the flight to end', () => !(window as unknown as Probed).__map?.isMoving());
      const after = (await page.evaluate(countColours, altaVerapaz))[0] as number;
      expect(before).toBeLessThan(50);
      expect(after).toBeGreaterThan(300);
    });

    // A phone on its side and a tablet held upright (issue 32): the whole route, Mexico City,
    // Guatemala City and Alta Verapaz in view and clear of every control, nothing wider than the
    // screen, the legend folded where it would hide the map, and the Cite dialog's Close on the
    // screen. On its side, as MiniBrowser's window cannot be made as narrow as a phone held upright;
    // before the first download, whose bar takes MiniBrowser's window height from then on.
    for (const [name, viewport, legend] of [
      ['a phone on its side, 844×390', { width: 844, height: 390 }, 'folded, says show'],
      ['a tablet held upright, 768×1024', { width: 768, height: 1024 }, 'open, says hide'],
    ] as const)
      it(`shows the whole story on ${name}`, async () => {
        const page = await open('', viewport);
        const layout = await page.evaluate(whatFits, SCREEN_PLACES);
        expect(layout.width).toBe(viewport.width);
        expect(layout.hidden, 'places outside the map or under a control').toEqual([]);
        expect(layout.scrollWidth).toBeLessThanOrEqual(viewport.width);
        expect(layout.controlShare).toBeLessThanOrEqual(1 / 3);
        // The map above the text, not beside it.
        expect(layout.panelTop).toBeGreaterThanOrEqual(layout.mapBottom);
        expect(layout.legend).toEqual(legend);
        await page.click('.text-list .cite-button[data-cite="GT-AV"]');
        await waitFor(
          page,
          'the citation dialog',
          () => document.querySelector('dialog.cite[open]') !== null,
        );
        const close = await page.evaluate(() => {
          const r = (document.querySelector('.cite__close') as HTMLElement).getBoundingClientRect();
          return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
        });
        expect(close, "the Cite dialog's Close is on the screen").toBe(true);
        await page.click('.cite__close');
        await waitFor(page, 'the dialog to close', () => document.querySelector('dialog.cite') === null);
      });

    it('saves a PNG of the whole view at twice its pixels, the map drawn and framed above and below', async () => {
      const page = await open('#5/15.5/-89&date=2010-12-25');
      // Measured before saving: MiniBrowser opens a downloads bar that shortens the window.
      const css = await page.evaluate(() => {
        const canvas = (window as unknown as Probed).__map?.getCanvas();
        return [canvas?.clientWidth ?? 0, canvas?.clientHeight ?? 0];
      });
      const anchor = await page.evaluate(() => {
        const at = (window as unknown as Probed).__map?.project([-90.3, 15.6]);
        return [at?.x ?? 0, at?.y ?? 0];
      });
      await page.click('details.share > summary');
      await page.click('button[aria-label="Save image of this view as PNG"]');
      await waitFor(page, 'the PNG', () =>
        (window as unknown as Probed).__probe.blobs.some((b) => b.type === 'image/png'),
      );
      const picture = await page.evaluate(async ([x = 0, y = 0]) => {
        const blob = (window as unknown as Probed).__probe.blobs.find((b) => b.type === 'image/png') as Blob;
        const image = await createImageBitmap(blob);
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const at = (x: number, y: number) => [...context.getImageData(x, y, 1, 1).data].slice(0, 3);
        // The title band above the map: its height is where the header's colour stops.
        let band = 0;
        while (band < image.height && at(4, band).join() === '31,41,51') band++;
        // Alta Verapaz's anchor, in the picture's pixels under the band: its tint, by the engine's WebGL.
        return {
          size: [image.width, image.height],
          band,
          title: at(4, 4),
          altaVerapaz: at(Math.round(x * 2), band + Math.round(y * 2)),
        };
      }, anchor);
      // The whole view, with the title band above it and the legend and credits below it.
      expect(picture.size[0]).toBe(2 * (css[0] ?? 0));
      expect(picture.band).toBeGreaterThan(2 * 30);
      expect(picture.size[1]).toBeGreaterThan(picture.band + 2 * (css[1] ?? 0) + 2 * 40);
      expect(picture.title).toEqual([31, 41, 51]);
      const tint = DRAWN_COLOUR['alta-verapaz'] as number[];
      for (const [i, channel] of picture.altaVerapaz.entries())
        expect(
          Math.abs(channel - (tint[i] as number)),
          `Alta Verapaz in the PNG ${picture.altaVerapaz}`,
        ).toBeLessThan(12);
    });

    it('saves an SVG of the view, the layers shown as named groups', async () => {
      const page = await open('#5/15.5/-89&layers=alta-verapaz,militarised-policing');
      await page.click('details.share > summary');
      await page.click('button[aria-label="Save image of this view as SVG, to edit"]');
      await waitFor(page, 'the SVG', () =>
        (window as unknown as Probed).__probe.blobs.some((b) => b.type === 'image/svg+xml'),
      );
      const svg = await page.evaluate(async () => {
        const blob = (window as unknown as Probed).__probe.blobs.find(
          (b) => b.type === 'image/svg+xml',
        ) as Blob;
        const doc = new DOMParser().parseFromString(await blob.text(), 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror') !== null,
          groups: ['transit-flows', 'alta-verapaz', 'militarised-policing'].map(
            (id) => doc.getElementById(id) !== null,
          ),
          credits: doc.getElementById('credits')?.textContent ?? '',
        };
      });
      expect(svg).toMatchObject({ error: false, groups: [false, true, true] });
      expect(svg.credits).toContain('BBC News');
      expect(svg.credits).toContain('Natural Earth');
    });

    it('prints the map as the picture taken before printing, not a blank canvas', async () => {
      // The drivers cannot switch an engine to print media (only Chromium's DevTools can), so this
      // checks the part that differs between engines: the copy of the map's WebGL drawing.
      const page = await open('#5/15.5/-89&date=2010-12-25');
      await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
      const copied = await page.evaluate(async () => {
        const image = document.querySelector('img.map-print') as HTMLImageElement | null;
        if (!image) return null;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let drawn = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) drawn++;
        return { width: image.naturalWidth, drawn: drawn / (data.length / 4) };
      });
      expect(copied?.width).toBeGreaterThan(500);
      // Land, areas and lines cover most of this view; a blank copy would be all transparent.
      expect(copied?.drawn).toBeGreaterThan(0.3);
      await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    });

    it('embeds in a 600×400 frame on another origin: the map alone, ready, nothing scrolling sideways', async () => {
      const snippet = `<iframe src="${server.url}?embed#5/15.5/-89" width="600" height="400" style="border:0" title="map"></iframe>`;
      const story = await hostPage(`<!doctype html><html><body style="margin:0">${snippet}</body></html>`);
      try {
        const page = await engine.open(story.url);
        const framed = () =>
          page.evaluateInFrame(() => ({
            ready: document.querySelector('#map[data-ready="true"]') !== null,
            width: innerWidth,
            scrollWidth: document.documentElement.scrollWidth,
            header: getComputedStyle(document.querySelector('.page-header') as Element).display,
            panel: getComputedStyle(document.querySelector('.panel') as Element).display,
            link: document.querySelector('.embed__full')?.getAttribute('target') ?? null,
            errors: [...(window as unknown as Probed).__probe.errors],
          }));
        const until = Date.now() + 30_000;
        let layout = await framed();
        while (!layout.ready && Date.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          layout = await framed();
        }
        expect(layout).toEqual({
          ready: true,
          width: 600,
          scrollWidth: 600,
          header: 'none',
          panel: 'none',
          link: '_blank',
          errors: [],
        });
        await page.close();
      } finally {
        await story.close();
      }
    });

    it("downloads a layer's GeoJSON, KML and CSV, the GeoPackage and the zip, byte for byte the CLI's", async () => {
      const page = await open();
      await page.click('details.export > summary');
      const files = [
        'transit-flows.geojson',
        'alta-verapaz.kml',
        'militarised-policing.csv',
        'guatemala-transit-layers.gpkg',
        'guatemala-transit-layers.zip',
      ];
      for (const file of files) {
        const before = await page.evaluate(() => (window as unknown as Probed).__probe.blobs.length);
        // After the first download MiniBrowser's window is short, and the menu scrolls inside the map:
        // scrolled to the button, as a reader would, since WebKit's driver does not scroll it there.
        await page.evaluate(
          (f) => document.querySelector(`button[data-file="${f}"]`)?.scrollIntoView({ block: 'nearest' }),
          file,
        );
        await page.click(`button[data-file="${file}"]`);
        // The writers load on the first download, and the GeoPackage is fetched: wait for the blob.
        await waitFor(
          page,
          `the ${file} download`,
          (n) => (window as unknown as Probed).__probe.blobs.length > n,
          before,
        );
        const expected = readFileSync(join(cliDir, file));
        // What the page handed to the download link, in every engine.
        const handed = await page.evaluate(async () => {
          const blob = (window as unknown as Probed).__probe.blobs.at(-1);
          if (!blob) return null;
          const bytes = new Uint8Array(await blob.arrayBuffer());
          let binary = '';
          for (const byte of bytes) binary += String.fromCharCode(byte);
          return btoa(binary);
        });
        expect(handed === null ? null : Buffer.from(handed, 'base64').equals(expected), file).toBe(true);
        // And, where the engine saves downloads itself, the file it saved.
        if (engine.downloadDir) {
          const saved = join(engine.downloadDir, file);
          await waitForFile(saved);
          expect(readFileSync(saved).equals(expected), `${file} as saved`).toBe(true);
        }
      }
    });
  });

  offlineSuite(label, launch, () => display?.display, PROBE);

  describe(`${label} without WebGL`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await launch({ display: display?.display, webgl: false });
    });
    afterAll(() => engine?.close());

    it('gives the page without a map: the message, every feature as text, the downloads', async () => {
      const page = await engine.open(server.url);
      await waitFor(page, 'the no-WebGL message', () => document.body.classList.contains('no-map'));
      expect(await text(page, '#messages')).toContain(NO_WEBGL_MESSAGE);
      const features = LAYERS.flatMap((layer) => layerFile(layer.id).features);
      expect(await page.evaluate(() => document.querySelectorAll('.text-list__item').length)).toBe(
        features.length,
      );
      const listed = (await text(page, '.text-list')) ?? '';
      for (const feature of features) expect(listed).toContain(String(feature.properties?.excerpt));
      expect(
        await page.evaluate(() => document.querySelectorAll('details.export[open] button[data-file]').length),
      ).toBe(REPORT_LAYERS.length * LAYER_FORMATS.length + 2);
      // The map as a picture, drawn by the engine from public/default-view.svg.
      expect(
        await page.evaluate(async () => {
          const img = document.querySelector('img.without-map__picture') as HTMLImageElement;
          await img.decode();
          return img.naturalWidth;
        }),
      ).toBe(930);
      // The one error is the message itself, logged for whoever reads the console.
      const errors = [...(await probedErrors(page)), ...page.driverErrors];
      expect(errors.filter((e) => !e.includes(NO_WEBGL_MESSAGE))).toEqual([]);
      await page.close();
    });
  });
}

/** A download is complete once the engine has renamed its partial file to the file's own name. */
async function waitForFile(path: string, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  // Firefox makes an empty file of the final name as a download starts, writes FILE.part, then
  // moves it over: the download is whole once the .part is gone and the file has bytes.
  while (!(existsSync(path) && !existsSync(`${path}.part`) && statSync(path).size > 0)) {
    if (Date.now() > until) throw new Error(`No whole download at ${path} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
