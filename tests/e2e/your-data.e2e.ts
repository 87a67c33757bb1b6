import { readFileSync } from 'node:fs';
import { parseXml, XmlElement } from '@rgrove/parse-xml';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pagePoint, waitForReady, withMap } from '../../scripts/app-page.ts';
import { ROOT } from '../../scripts/io.ts';
import { DEFAULT_BOUNDS } from '../../src/data/default-view.ts';
import { CATEGORY_COLOURS, NO_VALUE_COLOUR, OTHER_COLOUR, RAMP } from '../../src/your-data/colour-by.ts';
import { drawnAt, freshSessionPerTest, seriousViolations } from './helpers.ts';
import { pixelAt } from './pixel.ts';

const open = freshSessionPerTest();
const FIXTURES = `${ROOT}tests/fixtures/your-data/`;
const fixture = (path: string) => `${FIXTURES}${path}`;

/** The legend's "Your data" entries, in order: each file's id and name. */
const entries = (page: Page) =>
  page.locator('.your-data__entry').evaluateAll((items) =>
    items.map((li) => ({
      id: li.getAttribute('data-your-data') ?? '',
      name: li.querySelector('.your-data__name')?.textContent ?? '',
      count: li.querySelector('.legend__description')?.textContent ?? '',
    })),
  );

const waitForEntries = (page: Page, count: number) =>
  page.waitForFunction((n) => document.querySelectorAll('.your-data__entry').length === n, count, {
    timeout: 20_000,
  });

/** How many of a file's features the map draws once framed on them, with its layers' visibility. */
const drawn = (page: Page, id: string) =>
  withMap(
    page,
    async (map, fileId) => {
      const layers = map
        .getStyle()
        .layers.filter((l) => l.id.startsWith(`your-data-${fileId}-`))
        .map((l) => l.id);
      // Framed on its own data, as a reader would pan there: the whole world first, whose tiles hold
      // every feature of the file (or its clusters), to find where they are.
      map.jumpTo({ center: [0, 0], zoom: 0 });
      await new Promise((resolve) => map.once('idle', resolve));
      const positions: number[][] = [];
      // Tiles hold a buffer beyond their edge: the world's once more on each side at zoom 0.
      const inWorld = ([x = 0, y = 0]: number[]) => Math.abs(x) <= 180 && Math.abs(y) <= 85;
      const visit = (v: unknown): void => {
        if (Array.isArray(v) && typeof v[0] === 'number') {
          if (inWorld(v as number[])) positions.push(v as number[]);
        } else if (Array.isArray(v)) v.forEach(visit);
      };
      for (const sourceLayer of ['points', 'shapes'])
        for (const f of map.querySourceFeatures(`your-data-${fileId}`, { sourceLayer }))
          if (f.geometry.type !== 'GeometryCollection') visit(f.geometry.coordinates);
      const xs = positions.map((p) => p[0] as number);
      const ys = positions.map((p) => p[1] as number);
      // A hidden file has no tiles to find it by (MapLibre loads none for it), and draws nothing anywhere.
      if (positions.length > 0) {
        map.fitBounds(
          [
            [Math.min(...xs), Math.min(...ys)],
            [Math.max(...xs), Math.max(...ys)],
          ],
          { padding: 80, duration: 0, maxZoom: 9 },
        );
        await new Promise((resolve) => map.once('idle', resolve));
      }
      const style = map.getStyle().layers;
      const order = style.map((l) => l.id);
      const report = style.filter((l) => /^(transit|alta|militarised)/.test(l.id));
      const lastArea = Math.max(...report.filter((l) => l.type === 'fill').map((l) => order.indexOf(l.id)));
      // The report's outlines, routes and labels: every report layer after its last area.
      const firstLine = Math.min(...report.map((l) => order.indexOf(l.id)).filter((i) => i > lastArea));
      return {
        rendered: map.queryRenderedFeatures({ layers }).length,
        visibility: [
          ...new Set(layers.map((l) => String(map.getLayoutProperty(l, 'visibility') ?? 'visible'))),
        ],
        // Over the areas' opaque tints, which would hide them; under the report's lines and labels.
        underReport: layers.every((l) => order.indexOf(l) > lastArea && order.indexOf(l) < firstLine),
      };
    },
    id,
  );

/** Resolves once the page's IndexedDB keeps exactly these files (name, shown), in any order. */
const waitForKept = (page: Page, expected: [string, boolean][]) =>
  page.waitForFunction(async (want) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('your-data');
      request.onsuccess = () => resolve(request.result);
    });
    const all = await new Promise<{ name: string; visible: boolean }[]>((resolve) => {
      const request = db.transaction('files').objectStore('files').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    const kept = all.map((f) => `${f.name} ${f.visible}`).sort();
    return JSON.stringify(kept) === JSON.stringify(want.map(([n, v]) => `${n} ${v}`).sort());
  }, expected);

/** A coloured file's key under its legend entry: each line's label and count. */
const colourKey = (page: Page, id: string) =>
  page
    .locator(`[data-your-data="${id}"] .your-data__key li`)
    .evaluateAll((items) =>
      items.map((li) =>
        ['label', 'count'].map((part) => li.querySelector(`.your-data__key-${part}`)?.textContent).join(' '),
      ),
    );

/**
 * The colour-by fixture's points as the map has them: the circles' paint, the values under `_c`
 * and every property key the map's copy holds (its colours only, the column's value under `_c`).
 */
const colouredOnMap = (page: Page, id: string) =>
  withMap(
    page,
    async (map, fileId) => {
      map.jumpTo({ center: [-94.5, 12.4], zoom: 6 });
      await new Promise((resolve) => map.once('idle', resolve));
      const layer = `your-data-${fileId}-point`;
      const features = map.queryRenderedFeatures({ layers: [layer] });
      return {
        paint: JSON.stringify(map.getPaintProperty(layer, 'circle-color')),
        values: [...new Set(features.map((f) => String(f.properties?._c ?? 'none')))].sort(),
        keys: [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))].sort(),
      };
    },
    id,
  );

/** Whether the colour drawn at a point's centre is this one, within antialiasing's few levels. */
/**
 * Drops a file of 20,000 points on the map, a grid of 200 × 100 over Central America (clustered),
 * and a line across it.
 */
const dropGrid = (page: Page) =>
  page.evaluate(() => {
    const features: object[] = Array.from({ length: 20_000 }, (_, i) => ({
      type: 'Feature',
      properties: { n: i },
      geometry: { type: 'Point', coordinates: [-92 + (i % 200) * 0.05, 10 + Math.floor(i / 200) * 0.05] },
    }));
    features.push({
      type: 'Feature',
      properties: { n: 'line' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [-92, 12],
          [-82, 12],
        ],
      },
    });
    const transfer = new DataTransfer();
    transfer.items.add(new File([JSON.stringify({ type: 'FeatureCollection', features })], 'many.geojson'));
    const map = document.getElementById('map') as HTMLElement;
    map.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });

async function drawnIn(page: Page, lngLat: [number, number], hex: string): Promise<boolean> {
  const point = await pagePoint(page, lngLat);
  const actual = await pixelAt(page, Math.round(point.x), Math.round(point.y));
  return actual.every((c, i) => Math.abs(c - Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)) <= 8);
}

/** The colour-by fixture's points (tests/fixtures/your-data/colour-by/seizures.csv), by name. */
const P = {
  1: [-96, 11.5],
  5: [-96, 12.1],
  11: [-94, 12.7],
  15: [-94, 13.3],
  16: [-93, 13.3],
} as const satisfies Record<number, [number, number]>;

describe("the reader's own files", () => {
  it('adds several files through the input: each drawn under the report, named, toggled and removed', async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    await page
      .locator('#your-data-input')
      .setInputFiles([
        fixture('page/hostile-points.geojson'),
        fixture('mymaps-kml/airstrips.kml'),
        fixture('gpx/field-work.gpx'),
        fixture('page/areas.geojson'),
      ]);
    await waitForEntries(page, 4);
    const files = await entries(page);
    expect(files.map((f) => f.name)).toEqual([
      'hostile-points.geojson',
      'airstrips.kml',
      'field-work.gpx',
      'areas.geojson',
    ]);
    expect(files[0]?.count).toBe('2 features');
    await expect(page.locator('.your-data__status').textContent()).resolves.toContain(
      'Added areas.geojson: 1 feature.',
    );
    for (const file of files) {
      const seen = await drawn(page, file.id);
      expect(seen.rendered, file.name).toBeGreaterThan(0);
      expect(seen.visibility, file.name).toEqual(['visible']);
      expect(seen.underReport, file.name).toBe(true);
    }
    // The text list: one entry a file, not one a feature.
    await expect(page.locator('.your-data-text .text-list__item').count()).resolves.toBe(4);

    const first = files[0]?.id as string;
    const checkbox = page.getByRole('checkbox', { name: /hostile-points\.geojson/ });
    await checkbox.click();
    expect((await drawn(page, first)).visibility).toEqual(['none']);
    expect((await drawn(page, first)).rendered).toBe(0);
    await checkbox.focus();
    await page.keyboard.press('Space');
    expect((await drawn(page, first)).visibility).toEqual(['visible']);

    await page.getByRole('button', { name: 'Remove hostile-points.geojson' }).click();
    await waitForEntries(page, 3);
    expect(await withMap(page, (map, id) => map.getSource(`your-data-${id}`) === undefined, first)).toBe(
      true,
    );
    await expect(page.locator('.your-data__status').textContent()).resolves.toBe(
      'Removed hostile-points.geojson.',
    );
    expect(session.external, 'requests outside the origin').toEqual([]);
  });

  it('adds files dropped on the map, showing a drop target while they are dragged over it', async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    const target = page.locator('.your-data-drop');
    await expect(target.isVisible()).resolves.toBe(false);
    const files = ['page/lines.geojson', 'page/areas.geojson'].map((path) => ({
      name: path.split('/')[1] as string,
      text: readFileSync(fixture(path), 'utf8'),
    }));
    // A synthetic drag: Chromium lets a page build a DataTransfer holding Files.
    await page.evaluate((list) => {
      const transfer = new DataTransfer();
      for (const { name, text } of list) transfer.items.add(new File([text], name));
      const map = document.getElementById('map') as HTMLElement;
      map.dispatchEvent(
        new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
      (window as unknown as { __transfer: DataTransfer }).__transfer = transfer;
    }, files);
    await expect(target.isVisible()).resolves.toBe(true);
    await page.evaluate(() => {
      const transfer = (window as unknown as { __transfer: DataTransfer }).__transfer;
      const canvas = document.querySelector('#map canvas') as HTMLElement;
      canvas.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    });
    await expect(target.isVisible()).resolves.toBe(false);
    await waitForEntries(page, 2);
    const added = await entries(page);
    expect(added.map((f) => f.name)).toEqual(['lines.geojson', 'areas.geojson']);
    // The map shows the new data with the report, which both fit in one view.
    const view = () =>
      withMap(page, (map, points) => points.map((p) => map.getBounds().contains(p as [number, number])), [
        [-84, 9.5],
        [-79.5, 9.3],
        ...DEFAULT_BOUNDS,
      ]);
    expect(await view()).toEqual([true, true, true, true]);
    for (const file of added) expect((await drawn(page, file.id)).rendered, file.name).toBeGreaterThan(0);
    // Data across the ocean is shown alone: the report there would shrink it to a dot.
    await page.locator('#your-data-input').setInputFiles(fixture('page/manila.geojson'));
    await waitForEntries(page, 3);
    expect(
      await withMap(page, (map) => [
        map.getBounds().contains([121, 14.6]),
        map.getBounds().contains([-90, 15]),
      ]),
    ).toEqual([true, false]);
    expect(session.external).toEqual([]);
  });

  it("shows a feature's properties as text in its popup, hostile names and values included", async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    await page.locator('#your-data-input').setInputFiles(fixture('page/hostile-points.geojson'));
    await waitForEntries(page, 1);
    await withMap(page, async (map) => {
      map.jumpTo({ center: [-85.5, 12.5], zoom: 9 });
      await new Promise((resolve) => map.once('idle', resolve));
    });
    const point = await pagePoint(page, [-85.5, 12.5]);
    await page.mouse.click(point.x, point.y);
    const popup = page.locator('.your-data-popup');
    await popup.waitFor();
    await expect(popup.locator('h2').textContent()).resolves.toBe('Your data: hostile-points.geojson');
    const rows = await popup
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toContainEqual([
      '<img src=x onerror=window.__pwned=1>',
      '<script>window.__pwned=1</script>',
    ]);
    expect(rows).toContainEqual(['__proto__', '{"polluted":"yes"}']);
    expect(rows).toContainEqual(['description', '<b>bold</b> &amp; plain']);
    await expect(popup.locator('img, script, b').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  });

  it('keeps the files through a reload, until Remove', async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    await page
      .locator('#your-data-input')
      .setInputFiles([fixture('page/lines.geojson'), fixture('gpx/field-work.gpx')]);
    await waitForEntries(page, 2);
    const before = await entries(page);
    await page.getByRole('checkbox', { name: /field-work\.gpx/ }).click();
    // Hidden is kept too: wait until IndexedDB holds it, as a reader's next visit would come later.
    await waitForKept(page, [
      ['lines.geojson', true],
      ['field-work.gpx', false],
    ]);
    await page.reload();
    await waitForReady(page);
    await waitForEntries(page, 2);
    const after = await entries(page);
    expect(after).toEqual(before);
    expect(await page.getByRole('checkbox', { name: /field-work\.gpx/ }).isChecked()).toBe(false);
    expect((await drawn(page, after[0]?.id as string)).rendered).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Remove lines.geojson' }).click();
    await waitForEntries(page, 1);
    await waitForKept(page, [['field-work.gpx', false]]);
    await page.reload();
    await waitForReady(page);
    await waitForEntries(page, 1);
    expect((await entries(page)).map((f) => f.name)).toEqual(['field-work.gpx']);
    expect(session.external).toEqual([]);
  });

  it('asks which columns hold the coordinates, in a dialog that fits a 320×568 screen', async () => {
    const session = await open({ viewport: { width: 320, height: 568 } });
    const { page } = session;
    await waitForReady(page);
    await page.locator('#your-data-input').setInputFiles(fixture('unrecognised-csv/puntos.csv'));
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.locator('h2').textContent()).resolves.toBe(
      'Where are the coordinates in puntos.csv?',
    );
    for (const part of [dialog.locator('h2'), dialog.getByRole('button', { name: 'Close' })]) {
      const box = await part.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? -1) >= 0 && (box?.y ?? -1) >= 0).toBe(true);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(568);
    }
    await dialog.getByLabel('Latitude (y)').selectOption('norte');
    await dialog.getByLabel('Longitude (x)').selectOption('este');
    await dialog.getByRole('button', { name: 'Read the file' }).click();
    await waitForEntries(page, 1);
    expect((await entries(page))[0]?.count).toBe('2 features');
    // The legend, folded on a small screen, unfolds to show what happened.
    await expect(page.locator('.your-data__status').isVisible()).resolves.toBe(true);
    await expect(page.locator('.your-data__status').textContent()).resolves.toBe(
      'Added puntos.csv: 2 features.',
    );
  });

  it('offers to swap latitude and longitude where every row lies beyond the world as read', async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    await page.locator('#your-data-input').setInputFiles(fixture('swapped/swapped.csv'));
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.locator('h2').textContent()).resolves.toBe(
      'Swap latitude and longitude in swapped.csv?',
    );
    await expect(dialog.locator('p').textContent()).resolves.toContain(
      '3 rows lie beyond the world as “lat” and “lon”',
    );
    await dialog.getByRole('button', { name: 'Swap them' }).click();
    await waitForEntries(page, 1);
    const [entry] = await entries(page);
    expect(entry?.count).toBe('3 features');
    // Drawn in Guatemala: Cobán, Huehuetenango and Quetzaltenango, longitude first.
    expect(
      await drawnAt(page, entry?.id ?? '', [
        [-90.3707, 15.4708],
        [-91.4714, 15.3194],
        [-91.5181, 14.8347],
      ]),
    ).toEqual(['point', 'point', 'point']);
  });

  it("shows a large file's progress with Cancel, the map moving meanwhile; cancelled, nothing is added", async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    // A million rows (about 24 MB): long enough to read and parse that Cancel comes first.
    const rows = Array.from(
      { length: 1_000_000 },
      (_, i) => `${(14 + (i % 1000) / 1000).toFixed(4)},-90.5000`,
    );
    const buffer = Buffer.from(`lat,lon\n${rows.join('\n')}\n`);
    await page.locator('#your-data-input').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer });
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await cancel.waitFor({ timeout: 20_000 });
    await expect(page.locator('.your-data__status progress').count()).resolves.toBe(1);
    await expect(page.locator('.your-data__status').textContent()).resolves.toMatch(
      /^(Reading|Parsing) big\.csv: \d+%/,
    );
    // A drag moves the map while the file is still being read: the reading keeps off the main thread.
    const centre = () => withMap(page, (map) => map.getCenter().toArray());
    const before = await centre();
    const box = (await page.locator('#map canvas').boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2 + 50, { steps: 6 });
    await page.mouse.up();
    expect(await centre()).not.toEqual(before);
    await expect(page.locator('.your-data__status progress').count()).resolves.toBe(1);
    await cancel.click();
    await expect
      .poll(() => page.locator('.your-data__status').textContent())
      .toBe('Cancelled: nothing was added, and the map is as it was.');
    expect(await page.locator('.your-data__entry').count()).toBe(0);
    // The page answers: the map pans.
    const moved = await withMap(page, async (map) => {
      const before = map.getCenter().lng;
      map.panBy([200, 0], { duration: 0 });
      await new Promise((resolve) => map.once('idle', resolve));
      return map.getCenter().lng !== before;
    });
    expect(moved).toBe(true);
  });

  it("downloads a reader's layer alone as GeoJSON, KML and CSV, named after its file", async () => {
    const session = await open({ acceptDownloads: true });
    const { page } = session;
    await waitForReady(page);
    await page.locator('#your-data-input').setInputFiles(fixture('page/hostile-points.geojson'));
    await waitForEntries(page, 1);
    const saved = async (format: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Download hostile-points.geojson as ${format}` }).click(),
      ]);
      return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
    };
    const source = JSON.parse(readFileSync(fixture('page/hostile-points.geojson'), 'utf8'));
    const geojson = await saved('GeoJSON');
    expect(geojson.name).toBe('hostile-points.geojson');
    expect(JSON.parse(geojson.text).features.map((f: { geometry: unknown }) => f.geometry)).toEqual(
      source.features.map((f: { geometry: unknown }) => f.geometry),
    );
    const kml = await saved('KML');
    expect(kml.name).toBe('hostile-points.kml');
    expect(kml.text.match(/<Placemark[\s>]/g)?.length).toBe(source.features.length);
    const csv = await saved('CSV');
    expect(csv.name).toBe('hostile-points.csv');
    expect(csv.text.split('\r\n')[0]?.endsWith(',wkt')).toBe(true);
    expect(csv.text.split('\r\n').filter(Boolean).length).toBe(source.features.length + 1);
  });

  it('announces a refused file in one line, in the page language', async () => {
    const session = await open({ hash: '#lang=es' });
    const { page } = session;
    await waitForReady(page);
    await page.locator('#your-data-input').setInputFiles(fixture('rules/json.geojson'));
    const status = page.locator('.your-data__status');
    await page.waitForFunction(() =>
      document.querySelector('.your-data__status')?.textContent?.includes('json.geojson'),
    );
    const text = (await status.textContent()) ?? '';
    expect(text).toMatch(/^json\.geojson: (línea \d+(, columna \d+)?: )?no es un JSON válido/);
    await expect(page.locator('.your-data__entry').count()).resolves.toBe(0);
  });

  it('says in the share menu that a link cannot carry the files, while one is shown', async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    await page.getByText('Save image · Embed · Cite').click();
    const note = page.locator('.share .your-data-link-note');
    await expect(note.isVisible()).resolves.toBe(false);
    await page.locator('#your-data-input').setInputFiles(fixture('page/lines.geojson'));
    await waitForEntries(page, 1);
    await expect(note.isVisible()).resolves.toBe(true);
    await expect(note.textContent()).resolves.toBe(
      'A link cannot carry your own files: whoever opens it sees the report alone.',
    );
    await page.getByRole('checkbox', { name: /lines\.geojson/ }).click();
    await expect(note.isVisible()).resolves.toBe(false);
  });

  it('asks once whether dates are day-first, and keeps the answer', async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    await page.locator('#your-data-input').setInputFiles(fixture('spanish-excel/incautaciones.csv'));
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.locator('h2').textContent()).resolves.toBe(
      'How are the dates written in incautaciones.csv?',
    );
    await dialog.getByLabel(/Day first/).check();
    await dialog.getByRole('button', { name: 'Read the file' }).click();
    await waitForEntries(page, 1);
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    // Kept with the file, for the next visit's reading.
    await page.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('your-data');
        request.onsuccess = () => resolve(request.result);
      });
      const all = await new Promise<{ read?: { dateOrder?: string } }[]>((resolve) => {
        const request = db.transaction('files').objectStore('files').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return all.length === 1 && all[0]?.read?.dateOrder === 'day-first';
    });
    await page.reload();
    await waitForReady(page);
    // Read again from what was kept, with its answer: no question this time.
    await waitForEntries(page, 1);
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    expect(session.external).toEqual([]);
  });

  it('clusters a file of 20,000 points, with counts, and draws its lines', async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    await dropGrid(page);
    await waitForEntries(page, 1);
    const id = (await entries(page))[0]?.id as string;
    const counts = await withMap(
      page,
      async (map, fileId) => {
        // The map may be idle already, and then fires no 'idle' until something draws again.
        await new Promise((resolve) => {
          map.once('idle', resolve);
          map.triggerRepaint();
        });
        return map
          .queryRenderedFeatures({ layers: [`your-data-${fileId}-count`] })
          .map((f) => Number(f.properties?.point_count));
      },
      id,
    );
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((c) => c > 1)).toBe(true);
    // The file's line is drawn too: clustering keeps a source's points only.
    const lines = await withMap(
      page,
      (map, fileId) => map.queryRenderedFeatures({ layers: [`your-data-${fileId}-line`] }).length,
      id,
    );
    expect(lines).toBeGreaterThan(0);
  });

  it("opens a reader's point inside a report area, and keeps the report's area popup elsewhere", async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    await page.locator('#your-data-input').setInputFiles(fixture('page/honduras.geojson'));
    await waitForEntries(page, 1);
    // Inside Honduras's militarised-policing tint, away from the report's lines.
    const airstrip: [number, number] = [-86.8, 15.0];
    await withMap(
      page,
      async (map, center) => {
        map.jumpTo({ center, zoom: 8 });
        await new Promise((resolve) => map.once('idle', resolve));
      },
      airstrip,
    );
    const point = await pagePoint(page, airstrip);
    await page.mouse.click(point.x, point.y);
    await page.locator('.your-data-popup').waitFor();
    await expect(page.locator('.maplibregl-popup .feature-popup').count()).resolves.toBe(0);
    await expect(page.locator('.your-data-popup h2').textContent()).resolves.toBe(
      'Your data: honduras.geojson',
    );
    // A little way off the point, still in Honduras: the report's own popup.
    await page.keyboard.press('Escape');
    await page.mouse.click(point.x + 60, point.y + 60);
    await page.locator('.maplibregl-popup .feature-popup').waitFor();
    await expect(page.locator('.your-data-popup').count()).resolves.toBe(0);
  });

  it('reads, draws and keeps a file with no network, from the precache, after one visit', async () => {
    const session = await open({ serviceWorkers: 'allow' });
    const { page } = session;
    await waitForReady(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    // Offline before the import code was ever asked for: it must come from the service worker.
    session.server.setReachable(false);
    await page.context().setOffline(true);
    await page.locator('#your-data-input').setInputFiles(fixture('page/areas.geojson'));
    await waitForEntries(page, 1);
    await waitForKept(page, [['areas.geojson', true]]);
    await page.reload();
    await waitForReady(page);
    await waitForEntries(page, 1);
    const [file] = await entries(page);
    expect(file?.name).toBe('areas.geojson');
    expect((await drawn(page, file?.id as string)).rendered).toBeGreaterThan(0);
    expect(session.external).toEqual([]);
  });

  it('shows the files again after a change of language', async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    await page.locator('#your-data-input').setInputFiles(fixture('page/hostile-points.geojson'));
    await waitForEntries(page, 1);
    await page.locator('#language').selectOption('es');
    await page.waitForFunction(
      () => document.querySelector('.your-data__title')?.textContent === 'Tus datos',
    );
    await waitForEntries(page, 1);
    expect((await entries(page))[0]).toMatchObject({ name: 'hostile-points.geojson', count: '2 entidades' });
    await expect(page.getByRole('button', { name: 'Quitar hostile-points.geojson' }).count()).resolves.toBe(
      1,
    );
  });

  it("follows the timeline with a file's dated rows: not yet, uncertain, in force", async () => {
    const session = await open({ hash: '#6/15/-87&date=2011-06-15' });
    const { page } = session;
    await waitForReady(page);
    await page.locator('#your-data-input').setInputFiles(fixture('page/dated.csv'));
    await waitForEntries(page, 1);
    const id = (await entries(page))[0]?.id as string;
    const states = () =>
      withMap(
        page,
        (map, source) =>
          [0, 1, 2, 3].map(
            (feature) => map.getFeatureState({ source, sourceLayer: 'points', id: feature }).time ?? null,
          ),
        `your-data-${id}`,
      );
    // 2008-03-10 is past; June 2011 holds the day; 20 December 2011 is to come; row D has no date.
    expect(await states()).toEqual(['in-force', 'uncertain', 'not-yet', null]);
    // Coloured by a column, the rows keep their states, as drawn: the map's copy is sent again.
    await page.getByRole('combobox', { name: 'Colour by (dated.csv)' }).selectOption('lugar');
    await expect.poll(() => colourKey(page, id)).toHaveLength(4);
    const drawnStates = () =>
      withMap(
        page,
        async (map, fileId) => {
          await new Promise((resolve) => {
            map.once('idle', resolve);
            map.triggerRepaint();
          });
          return map
            .queryRenderedFeatures({ layers: [`your-data-${fileId}-point`] })
            .map((f) => [f.id, f.properties?._c, f.state?.time ?? null])
            .sort((a, b) => Number(a[0]) - Number(b[0]));
        },
        id,
      );
    await expect.poll(drawnStates, { timeout: 10_000 }).toEqual([
      [0, 0, 'in-force'],
      [1, 1, 'uncertain'],
      [2, 2, 'not-yet'],
      [3, 3, null],
    ]);
    expect(await states()).toEqual(['in-force', 'uncertain', 'not-yet', null]);
    // The timeline's last day, the report's: every dated row is in force.
    await page.locator('#timeline-date').focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => window.location.hash.indexOf('date=') === -1);
    expect(await states()).toEqual(['in-force', 'in-force', 'in-force', null]);
  });

  it('puts the shown files in the zip of everything, under your-data/', async () => {
    const session = await open({ acceptDownloads: true });
    const { page } = session;
    await waitForReady(page);
    await page
      .locator('#your-data-input')
      .setInputFiles([fixture('page/lines.geojson'), fixture('page/areas.geojson')]);
    await waitForEntries(page, 2);
    await page.getByRole('checkbox', { name: /areas\.geojson/ }).click();
    await page.getByText('Download data').click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /every file in one zip/ }).click(),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync(await file.path())));
    expect(Object.keys(zip).filter((n) => n.startsWith('your-data/'))).toEqual([
      'your-data/lines.geojson.geojson',
    ]);
    const lines = JSON.parse(strFromU8(zip['your-data/lines.geojson.geojson'] as Uint8Array));
    expect(lines.features[0].geometry.type).toBe('LineString');
    expect(strFromU8(zip['README.txt'] as Uint8Array)).toContain(
      'added by the reader from lines.geojson; not from the report.',
    );
  });

  it('opens the file chooser from the keyboard, and announces the result', async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    const add = page.getByRole('button', { name: 'Add your data…' });
    const choosing = page.waitForEvent('filechooser');
    await add.focus();
    await page.keyboard.press('Enter');
    const chooser = await choosing;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(fixture('gpx/field-work.gpx'));
    await waitForEntries(page, 1);
    await expect(page.locator('.your-data__status').getAttribute('role')).resolves.toBe('status');
    await expect(page.locator('.your-data__status').textContent()).resolves.toBe(
      'Added field-work.gpx: 4 features.',
    );
    // Remove by keyboard: focus goes back to Add, not to the page's start.
    await page.getByRole('button', { name: 'Remove field-work.gpx' }).focus();
    await page.keyboard.press('Enter');
    await waitForEntries(page, 0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add your data…');
  });

  it('colours a file by a column: its eight most frequent values and other, then a range', async () => {
    // CSP bypassed for axe's script only (seriousViolations).
    const session = await open({ bypassCSP: true });
    const { page } = session;
    await waitForReady(page);
    await page.locator('#your-data-input').setInputFiles(fixture('colour-by/seizures.csv'));
    await waitForEntries(page, 1);
    const id = (await entries(page))[0]?.id as string;
    const select = page.getByRole('combobox', { name: 'Colour by (seizures.csv)' });
    expect(await select.locator('option').allTextContents()).toEqual([
      'no column',
      'lugar',
      'lat',
      'lon',
      'tipo',
      'kilos',
      'constructor',
    ]);
    expect(await colourKey(page, id)).toEqual([]);
    // Reached by keyboard: the next stop after the file's Remove.
    await page.getByRole('button', { name: 'Remove seizures.csv' }).focus();
    await page.keyboard.press('Tab');
    expect(await select.evaluate((s) => s === document.activeElement)).toBe(true);

    await select.selectOption('tipo');
    await expect
      .poll(() => colourKey(page, id))
      .toEqual([
        'pista 4',
        'lancha 3',
        'avioneta 2',
        'camión 1',
        'semisumergible 1',
        'contenedor 1',
        'bodega 1',
        'finca 1',
        'other 1',
        'no value 1',
      ]);
    // The key shows at once; the map's tiles are made again in the tile worker, a moment later.
    await expect
      .poll(async () => (await colouredOnMap(page, id)).values, { timeout: 10_000 })
      .toEqual(['-1', '0', '1', '2', '3', '4', '5', '6', '7', 'none']);
    const categories = await colouredOnMap(page, id);
    expect(categories.paint).toMatch(/^\["match",\["get","_c"\]/);
    expect(categories.keys).toEqual(['_c']);
    // P1 is an airstrip, P5 a launch, P15 the one helicopter ("other"), P16 has no type.
    expect(await drawnIn(page, P[1], CATEGORY_COLOURS[0])).toBe(true);
    expect(await drawnIn(page, P[5], CATEGORY_COLOURS[1])).toBe(true);
    expect(await drawnIn(page, P[15], OTHER_COLOUR)).toBe(true);
    expect(await drawnIn(page, P[16], NO_VALUE_COLOUR)).toBe(true);
    expect(await seriousViolations(page, '.your-data')).toEqual([]);

    await select.selectOption('kilos');
    await expect
      .poll(() => colourKey(page, id))
      .toEqual(['7.5 – 47 3', '47 – 130 3', '130 – 460 3', '460 – 1400 3', '1400 – 5000 3', 'no value 1']);
    await expect
      .poll(async () => (await colouredOnMap(page, id)).values, { timeout: 10_000 })
      .toContain('5000');
    expect((await colouredOnMap(page, id)).paint).toMatch(/^\["case",.*"step"/);
    // 7.5 kilos (P11) in the ramp's darkest class, 5,000 (P5) in its lightest.
    expect(await drawnIn(page, P[11], RAMP[0])).toBe(true);
    expect(await drawnIn(page, P[5], RAMP[4])).toBe(true);
    // The pictures key the file by its column, line for line as the legend does.
    const key = [
      'seizures.csv: Colours by kilos',
      '7.5 – 47 (3)',
      '47 – 130 (3)',
      '130 – 460 (3)',
      '460 – 1400 (3)',
      '1400 – 5000 (3)',
      'no value (1)',
    ];
    expect((await savePicture(page, 'PNG')).texts).toEqual(expect.arrayContaining(key));
    const svgKey = svgElements((await savePicture(page, 'SVG')).bytes.toString('utf8'))
      .filter((e) => e.attributes.class === 'legend-your-file')
      .map((e) => e.text.trim());
    expect(svgKey).toEqual(key);
    await page.keyboard.press('Escape');

    // A column named like Object.prototype's member: its values reach the map under `_c` alone.
    // The popup is the feature's row as read, not the map's copy: no `_c`, every column.
    const p5 = await pagePoint(page, P[5]);
    await page.mouse.click(p5.x, p5.y);
    const rows = await page
      .locator('.your-data-popup tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toContainEqual(['kilos', '5000']);
    expect(rows.map((r) => r[0])).not.toContain('_c');
    await page.keyboard.press('Escape');

    await select.selectOption('constructor');
    await expect.poll(() => colourKey(page, id)).toEqual(['a 8', 'b 8']);
    expect((await colouredOnMap(page, id)).keys).toEqual(['_c']);
    expect(session.external).toEqual([]);
  });

  it("keeps a file's colouring through a reload and a change of language, until no column", async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    await page.locator('#your-data-input').setInputFiles(fixture('colour-by/seizures.csv'));
    await waitForEntries(page, 1);
    const id = (await entries(page))[0]?.id as string;
    await page.getByRole('combobox', { name: 'Colour by (seizures.csv)' }).selectOption('kilos');
    await page.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('your-data');
        request.onsuccess = () => resolve(request.result);
      });
      const all = await new Promise<{ colourBy?: string }[]>((resolve) => {
        const request = db.transaction('files').objectStore('files').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return all.length === 1 && all[0]?.colourBy === 'kilos';
    });
    await page.reload();
    await waitForReady(page);
    await waitForEntries(page, 1);
    await expect.poll(() => colourKey(page, id)).toHaveLength(6);
    await expect(page.getByRole('combobox', { name: 'Colour by (seizures.csv)' }).inputValue()).resolves.toBe(
      'kilos',
    );
    expect((await colouredOnMap(page, id)).paint).toMatch(/^\["case",.*"step"/);
    expect(await drawnIn(page, P[5], RAMP[4])).toBe(true);

    // Drawn again in Spanish from what was kept: the key's words and numbers in Spanish.
    await page.locator('#language').selectOption('es');
    const select = page.getByRole('combobox', { name: 'Colorear por (seizures.csv)' });
    await select.waitFor();
    await expect
      .poll(() => colourKey(page, id))
      .toEqual(['7,5 – 47 3', '47 – 130 3', '130 – 460 3', '460 – 1400 3', '1400 – 5000 3', 'sin valor 1']);
    await expect(select.inputValue()).resolves.toBe('kilos');

    // Back to no column: the key goes, and the map's copy holds no column's value.
    await select.selectOption('');
    await expect.poll(() => colourKey(page, id)).toEqual([]);
    await expect
      .poll(async () => (await colouredOnMap(page, id)).values, { timeout: 10_000 })
      .toEqual(['none']);
    expect(session.external).toEqual([]);
  });

  it('fits a phone: the key within the screen, and the folded legend off the map', async () => {
    const session = await open({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    const { page } = session;
    await waitForReady(page);
    await page.locator('#your-data-input').setInputFiles(fixture('colour-by/seizures.csv'));
    await waitForEntries(page, 1);
    const id = (await entries(page))[0]?.id as string;
    await page.getByRole('combobox', { name: 'Colour by (seizures.csv)' }).selectOption('tipo');
    await expect.poll(() => colourKey(page, id)).toHaveLength(10);
    const fits = await page.evaluate(() => {
      const parts = [...document.querySelectorAll('.your-data__colour, .your-data__key li')];
      return {
        sideways: document.documentElement.scrollWidth > innerWidth,
        outside: parts.filter((p) => {
          const r = p.getBoundingClientRect();
          return r.left < 0 || r.right > innerWidth;
        }).length,
      };
    });
    expect(fits).toEqual({ sideways: false, outside: 0 });
    // Folded again by the reader, the legend leaves the map as the default view does (screens.e2e.ts).
    const legend = page.locator('#map .panel-control > details').first();
    await legend.locator('> summary').click();
    expect(await legend.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const covered = await page.evaluate(() => {
      const map = (document.querySelector('.maplibregl-canvas') as HTMLElement).getBoundingClientRect();
      const boxes = [...document.querySelectorAll('#map .maplibregl-ctrl, #map details[open] > .menu__body')]
        .map((c) => c.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0);
      let under = 0;
      let cells = 0;
      for (let y = map.top + 2; y < map.bottom; y += 4)
        for (let x = map.left + 2; x < map.right; x += 4) {
          cells++;
          if (boxes.some((b) => x >= b.left && x < b.right && y >= b.top && y < b.bottom)) under++;
        }
      return under / cells;
    });
    expect(covered).toBeLessThanOrEqual(1 / 3);
  });
});

/** A file whose name is markup, and whose two points lie on open sea south of Guatemala, clear of the report. */
const HOSTILE_NAME = '<b onmouseover=alert(1)>&"seizures".geojson';
const SEA_POINTS: [number, number][] = [
  [-93.2, 12.6],
  [-91.6, 12.1],
];
const PALETTE_FIRST = [0x1e, 0x88, 0xe5];
const VIEW = { center: [-90.5, 14.2] as [number, number], zoom: 5.4 };

/** Saves a picture from the share menu, keeping every text the page drew on a canvas meanwhile. */
async function savePicture(page: Page, format: 'PNG' | 'SVG') {
  await page.evaluate(() => {
    const drawn: string[] = [];
    (window as unknown as { __drawnText: string[] }).__drawnText = drawn;
    const original = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      drawn.push(text);
      return original.call(this, text, ...rest);
    };
  });
  const menu = page.locator('.share');
  // The summary itself: on a phone its words are "Share", the longer ones hidden.
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('> summary').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: new RegExp(`Save image of this view as ${format}`) }).click(),
  ]);
  const bytes = readFileSync(await file.path());
  const texts = await page.evaluate(() => (window as unknown as { __drawnText: string[] }).__drawnText);
  return { bytes, texts };
}

/** The view fixed, and where the sea points fall in it (CSS pixels), with the map's size. */
const fixView = (page: Page) =>
  withMap(
    page,
    async (map, { view, points }) => {
      map.jumpTo(view);
      await new Promise((resolve) => map.once('idle', resolve));
      const canvas = map.getCanvas();
      return {
        width: canvas.clientWidth,
        height: canvas.clientHeight,
        points: points.map((p) => {
          const { x, y } = map.project(p);
          return [x, y];
        }),
      };
    },
    { view: VIEW, points: SEA_POINTS },
  );

/**
 * In a saved PNG: pixels of `colour` within 12 device pixels of each point, and in the frame below
 * the map. The map starts under the title band, whose height is where the header's colour stops.
 */
const pngCounts = (page: Page, png: Buffer, points: number[][], mapHeight: number, colour: number[]) =>
  page.evaluate(
    async ({ base64, points: at, mapHeight: h, colour: c }) => {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      // No named functions in here: the test runner's keepNames would wrap them in a helper the page lacks.
      let band = 0;
      for (; band < image.height; band++) {
        const [r = 0, g = 0, b = 0] = context.getImageData(1, band, 1, 1).data;
        if (Math.abs(r - 31) > 3 || Math.abs(g - 41) > 3 || Math.abs(b - 51) > 3) break;
      }
      const mapBottom = band + 2 * h;
      // Boxes of 24 device pixels around each point, then the frame below the map.
      const boxes = [
        ...at.map(([x = 0, y = 0]) => [2 * x - 12, band + 2 * y - 12, 24, 24]),
        [0, mapBottom, image.width, image.height - mapBottom],
      ];
      const counts = boxes.map(([x = 0, y = 0, w = 0, hh = 0]) => {
        const { data } = context.getImageData(x, y, w, hh);
        let n = 0;
        for (let i = 0; i < data.length; i += 4)
          if (
            Math.abs((data[i] as number) - (c[0] ?? 0)) <= 3 &&
            Math.abs((data[i + 1] as number) - (c[1] ?? 0)) <= 3 &&
            Math.abs((data[i + 2] as number) - (c[2] ?? 0)) <= 3
          )
            n++;
        return n;
      });
      return { points: counts.slice(0, at.length), foot: counts[at.length] ?? 0 };
    },
    { base64: png.toString('base64'), points, mapHeight, colour },
  );

/** An element and every element under it, in document order. */
function under(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap((c) => (c instanceof XmlElement ? under(c) : []))];
}

/** The elements of an SVG, in document order; parseXml refuses anything that is not well-formed XML. */
function svgElements(text: string): XmlElement[] {
  const root = parseXml(text).root;
  return root ? under(root) : [];
}

describe("pictures and citations with the reader's files", () => {
  for (const viewport of [
    { name: 'desktop', size: { width: 1280, height: 800 } },
    { name: 'phone', size: { width: 390, height: 844 } },
  ])
    it(`draws, keys and credits a file in the PNG and the SVG, and nothing without one (${viewport.name})`, async () => {
      const session = await open({ viewport: viewport.size });
      const { page } = session;
      await waitForReady(page);
      // Without a file: nothing of the palette's first colour where its points will be, nor in the key.
      const before = await fixView(page);
      const plainPng = await savePicture(page, 'PNG');
      const plainCounts = await pngCounts(page, plainPng.bytes, before.points, before.height, PALETTE_FIRST);
      expect(plainCounts.points).toEqual([0, 0]);
      expect(plainCounts.foot).toBe(0);
      expect(plainPng.texts.join(' ')).not.toMatch(/Your data/);
      const plainSvg = (await savePicture(page, 'SVG')).bytes.toString('utf8');
      const plain = svgElements(plainSvg);
      expect(plain.filter((e) => (e.attributes.id ?? '').startsWith('your-data'))).toEqual([]);
      expect(plainSvg).not.toMatch(/Your data/);

      const features = SEA_POINTS.map((coordinates) => ({
        type: 'Feature',
        properties: {},
        geometry: { type: 'Point', coordinates },
      }));
      await page.locator('#your-data-input').setInputFiles({
        name: HOSTILE_NAME,
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
      });
      await waitForEntries(page, 1);
      await expect(entries(page)).resolves.toMatchObject([{ name: HOSTILE_NAME }]);
      const after = await fixView(page);
      expect(after).toEqual(before);

      // The PNG: each point drawn in the file's colour, its swatch under the map, its name and credit.
      const png = await savePicture(page, 'PNG');
      const counts = await pngCounts(page, png.bytes, after.points, after.height, PALETTE_FIRST);
      for (const n of counts.points) expect(n).toBeGreaterThan(60);
      expect(counts.foot).toBeGreaterThan(40);
      const words = png.texts.join(' ');
      expect(png.texts).toContain('Your data');
      expect(
        png.texts.some(
          (t) => t === HOSTILE_NAME || (t.endsWith('…') && HOSTILE_NAME.startsWith(t.slice(0, -1))),
        ),
      ).toBe(true);
      expect(words).toContain(`Your data: ${HOSTILE_NAME}`);
      expect(words).toMatch(/Report: BBC News, 15 January 2012.*Your data:/);

      // The SVG: the file's group, a circle where the map draws each point, the key and the credit.
      const svgText = (await savePicture(page, 'SVG')).bytes.toString('utf8');
      expect(svgText).not.toContain('<b ');
      const svg = svgElements(svgText);
      const group = svg.find((e) => e.attributes.id === 'your-data-1');
      expect(group?.name).toBe('g');
      const drawn = under(group as XmlElement).filter((e) => e.name === 'circle');
      expect(drawn).toHaveLength(2);
      for (const [i, circle] of drawn.entries()) {
        const [x = 0, y = 0] = after.points[i] ?? [];
        expect(Math.abs(Number(circle.attributes.cx) - x)).toBeLessThan(1);
        expect(Math.abs(Number(circle.attributes.cy) - y)).toBeLessThan(1);
      }
      expect(svg.find((e) => e.attributes.id === 'legend-your-data')?.text).toBe('Your data');
      const keyed = svg.filter((e) => e.attributes.class === 'legend-your-file');
      expect(keyed).toHaveLength(1);
      expect(keyed[0]?.text.trim()).toMatch(/^<b onmouseover/);
      // The credits' lines are tspans, broken at spaces.
      const credits = svg.find((e) => e.attributes.id === 'credits-text') as XmlElement;
      const lines = under(credits).flatMap((e) => (e.name === 'tspan' ? [e.text] : []));
      expect(lines.join(' ')).toMatch(/^Report: BBC News, 15 January 2012 · .*· Your data: <b onmouseover/);
      expect(lines.join(' ')).toContain(`Your data: ${HOSTILE_NAME}`);
    });

  it('draws a file the map clusters with the bubbles and counts the map shows', async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    await dropGrid(page);
    await waitForEntries(page, 1);
    const id = (await entries(page))[0]?.id as string;
    // The map's bubbles well inside the view: where each is, and its count as the map writes it.
    const onMap = await withMap(
      page,
      async (map, fileId) => {
        map.jumpTo({ center: [-87.5, 13.5], zoom: 5.3 });
        await new Promise((resolve) => map.once('idle', resolve));
        const canvas = map.getCanvas();
        return map
          .queryRenderedFeatures({ layers: [`your-data-${fileId}-count`] })
          .map((f) => {
            const [lng = 0, lat = 0] = (f.geometry as GeoJSON.Point).coordinates;
            const { x, y } = map.project([lng, lat]);
            return { x, y, count: String(f.properties?.point_count_abbreviated) };
          })
          .filter(
            (b) => b.x > 30 && b.y > 30 && b.x < canvas.clientWidth - 30 && b.y < canvas.clientHeight - 30,
          );
      },
      id,
    );
    expect(onMap.length).toBeGreaterThan(5);
    const svg = svgElements((await savePicture(page, 'SVG')).bytes.toString('utf8'));
    const counts = under(svg.find((e) => e.attributes.class === 'counts') as XmlElement).filter(
      (e) => e.name === 'text',
    );
    expect(svg.filter((e) => e.attributes.class === 'points')).toEqual([]);
    for (const bubble of onMap) {
      const same = counts.filter(
        (t) =>
          Math.hypot(Number(t.attributes.x) - bubble.x, Number(t.attributes.y) - 12 * 0.36 - bubble.y) < 1,
      );
      expect(
        same.map((t) => t.text),
        `${bubble.count} at ${bubble.x}, ${bubble.y}`,
      ).toEqual([bubble.count]);
    }
  });

  it('says the citation does not hold the files, and holds none of them', async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    const cite = async () => {
      const menu = page.locator('.share');
      if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open)))
        await menu.locator('> summary').click();
      await page.getByRole('button', { name: 'Cite this map' }).click();
      const dialog = page.locator('dialog.cite');
      // The dialog's code loads on the first press: wait for it, or a hidden note would pass unseen.
      await dialog.locator('textarea').first().waitFor();
      const note = dialog.locator('.cite__your-data');
      const shown = await note.isVisible();
      const fields = await dialog
        .locator('textarea')
        .evaluateAll((all) => all.map((f) => (f as HTMLTextAreaElement).value).join('\n'));
      const text = await note.textContent();
      await dialog.getByRole('button', { name: 'Close' }).click();
      return { shown, fields, text };
    };
    const without = await cite();
    expect(without.shown).toBe(false);
    await page.locator('#your-data-input').setInputFiles(fixture('page/lines.geojson'));
    await waitForEntries(page, 1);
    const withFile = await cite();
    expect(withFile.shown).toBe(true);
    expect(withFile.text).toBe(
      'Your own files are not part of this citation, which cites the map and the report only.',
    );
    // The citation is the same with the file as without: the map and the report, never the reader's file.
    expect(withFile.fields).not.toContain('lines.geojson');
    expect(withFile.fields).not.toMatch(/your data/i);
    expect(withFile.fields.replace(/\d{4}-\d{2}-\d{2}/g, '')).toBe(
      without.fields.replace(/\d{4}-\d{2}-\d{2}/g, ''),
    );
  });
});
