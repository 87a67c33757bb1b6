import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pagePoint, waitForReady, withMap } from '../../scripts/app-page.ts';
import { ROOT } from '../../scripts/io.ts';
import { DEFAULT_BOUNDS } from '../../src/data/default-view.ts';
import { freshSessionPerTest } from './helpers.ts';

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
      const source = map.getSource(`your-data-${fileId}`) as unknown as {
        serialize(): { data: { features: { geometry: { coordinates: unknown } }[] } };
      };
      // Framed on its own data, as a reader would pan there.
      const positions: number[][] = [];
      const visit = (v: unknown): void => {
        if (Array.isArray(v) && typeof v[0] === 'number') positions.push(v as number[]);
        else if (Array.isArray(v)) v.forEach(visit);
      };
      for (const f of source.serialize().data.features) visit(f.geometry.coordinates);
      const xs = positions.map((p) => p[0] as number);
      const ys = positions.map((p) => p[1] as number);
      map.fitBounds(
        [
          [Math.min(...xs), Math.min(...ys)],
          [Math.max(...xs), Math.max(...ys)],
        ],
        { padding: 80, duration: 0, maxZoom: 9 },
      );
      await new Promise((resolve) => map.once('idle', resolve));
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
    const coordinates = await withMap(
      page,
      (map, id) =>
        (
          map.getSource(`your-data-${id}`) as unknown as {
            serialize(): { data: { features: { geometry: { coordinates: number[] } }[] } };
          }
        )
          .serialize()
          .data.features.map((f) => f.geometry.coordinates),
      entry?.id ?? '',
    );
    expect(coordinates).toEqual([
      [-90.3707, 15.4708],
      [-91.4714, 15.3194],
      [-91.5181, 14.8347],
    ]);
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

  it('clusters a file of 20,000 points, with counts', async () => {
    const session = await open();
    const { page } = session;
    await waitForReady(page);
    await page.evaluate(() => {
      // A grid over Central America, 200 × 100 points.
      const features = Array.from({ length: 20_000 }, (_, i) => ({
        type: 'Feature',
        properties: { n: i },
        geometry: { type: 'Point', coordinates: [-92 + (i % 200) * 0.05, 10 + Math.floor(i / 200) * 0.05] },
      }));
      const transfer = new DataTransfer();
      transfer.items.add(new File([JSON.stringify({ type: 'FeatureCollection', features })], 'many.geojson'));
      const map = document.getElementById('map') as HTMLElement;
      map.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await waitForEntries(page, 1);
    const id = (await entries(page))[0]?.id as string;
    const counts = await withMap(
      page,
      async (map, fileId) => {
        await new Promise((resolve) => map.once('idle', resolve));
        return map
          .queryRenderedFeatures({ layers: [`your-data-${fileId}-count`] })
          .map((f) => Number(f.properties?.point_count));
      },
      id,
    );
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((c) => c > 1)).toBe(true);
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
          [0, 1, 2, 3].map((feature) => map.getFeatureState({ source, id: feature }).time ?? null),
        `your-data-${id}`,
      );
    // 2008-03-10 is past; June 2011 holds the day; 20 December 2011 is to come; row D has no date.
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
});
