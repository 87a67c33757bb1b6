/**
 * Bad files, one after another in one page (issue 34): each is answered in one announced line that
 * names it and what is wrong, and costs the reader nothing: the page answers, the report's toggles,
 * popups and downloads work, and the good file added first is still drawn.
 */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pagePoint, waitForReady, withMap } from '../../scripts/app-page.ts';
import { ROOT } from '../../scripts/io.ts';
import { drawnAt, freshSessionPerTest, groupVisibility, layerFile } from './helpers.ts';

const open = freshSessionPerTest();
const fixture = (path: string) => readFileSync(`${ROOT}tests/fixtures/your-data/${path}`);
const HOSTILE = '<img src=x onerror=window.__pwned=1>.geojson';

/** What setInputFiles takes, for files made here and fixtures alike. */
type Upload = { name: string; mimeType: string; buffer: Buffer };
const file = (name: string, buffer: Buffer | Uint8Array): Upload => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: Buffer.from(buffer),
});

/** Each step: the files given at once, and the status line expected, a line per file. */
const BAD: { what: string; files: () => Upload[]; said: RegExp }[] = [
  {
    what: 'empty',
    files: () => [file('empty.geojson', new Uint8Array(0))],
    said: /^empty\.geojson: the file is empty\.$/,
  },
  {
    what: 'not text',
    // A PNG saved under a GeoJSON's name.
    files: () => [file('photo.geojson', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))],
    said: /^photo\.geojson: this is not a text file the map can read\.$/,
  },
  {
    what: 'invalid JSON',
    files: () => [file('json.geojson', fixture('rules/json.geojson'))],
    said: /^json\.geojson: line 3, column 24: this is not valid JSON: [^\n]+$/,
  },
  {
    what: 'not GeoJSON',
    files: () => [file('geojson.json', fixture('rules/geojson.json'))],
    said: /^geojson\.json: line 1, column 1: this JSON is not GeoJSON: This type of GeoJSON object is not allowed here\.$/,
  },
  {
    what: 'no features',
    files: () => [file('no-features.geojson', fixture('rules/no-features.geojson'))],
    said: /^no-features\.geojson: the file holds no features with a location\.$/,
  },
  {
    what: 'DOCTYPE and entities',
    // Both at once: the entity expansion bomb, and the external entity that must never be fetched.
    files: () => [
      file('laughs.kml', fixture('billion-laughs/laughs.kml')),
      file('xxe.kml', fixture('external-entity/xxe.kml')),
    ],
    said: /^laughs\.kml: line 2, column 1: the XML declares a DOCTYPE or entities, which KML and GPX never need: refused unread\. xxe\.kml: line 2, column 1: the XML declares a DOCTYPE or entities, which KML and GPX never need: refused unread\.$/,
  },
  {
    what: 'a zip bomb',
    // 64 MB of zeros deflate to about 64 KB: refused once it inflates past 100 times that.
    files: () => [file('bomb.kmz', zipSync({ 'doc.kml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 }))],
    said: /^bomb\.kmz: the archive inflates past 100 times its own size: refused\.$/,
  },
  {
    what: 'an unknown kind',
    files: () => [file('unknown.txt', fixture('rules/unknown.txt'))],
    said: /^unknown\.txt: the map reads GeoJSON, newline-delimited GeoJSON, CSV, TSV, KML, KMZ, GPX and zipped Shapefile\.$/,
  },
  {
    what: 'a hostile name',
    // Markup for a name, on a download cut short.
    files: () => [file(HOSTILE, Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feat'))],
    said: /^<img src=x onerror=window\.__pwned=1>\.geojson: line 1, column \d+: this is not valid JSON: [^\n]+$/,
  },
];

const status = (page: Page) => page.locator('.your-data__status');

/** A real drag across the map: it moves only if the page handles input as it comes. */
async function drag(page: Page): Promise<boolean> {
  const before = await withMap(page, (map) => map.getCenter().toArray());
  const box = (await page.locator('#map canvas').boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 120, y + 40, { steps: 3 });
  await page.mouse.up();
  const after = await withMap(page, (map) => map.getCenter().toArray());
  return after[0] !== before[0] && after[1] !== before[1];
}

/** Guatemala, a report area to click, and the good file's point in Honduras, in one view. */
const GUATEMALA: [number, number] = [-89.9, 16.6]; // Petén, away from Alta Verapaz and the routes
const VIEW = { center: [-90, 15.2] as [number, number], zoom: 6 };

/** Back to the one view (so its tiles are drawn once), then what of the good file the map holds and draws. */
const goodFile = (page: Page, id: string) =>
  withMap(
    page,
    async (map, { fileId, view }) => {
      map.jumpTo(view);
      await new Promise((resolve) => map.once('idle', resolve));
      const layers = map
        .getStyle()
        .layers.filter((l) => l.id.startsWith(`your-data-${fileId}-`))
        .map((l) => l.id);
      // The features of the file in the map's tiles of this view (a feature may lie in several).
      const ids = ['points', 'shapes'].flatMap((sourceLayer) =>
        map.querySourceFeatures(`your-data-${fileId}`, { sourceLayer }).map((f) => `${sourceLayer} ${f.id}`),
      );
      return {
        held: new Set(ids).size,
        drawn: map.queryRenderedFeatures({ layers }).length,
      };
    },
    { fileId: id, view: VIEW },
  );

describe('bad files', () => {
  it('answers each in one line naming it, and leaves the report and the earlier file working', {
    timeout: 120_000,
  }, async () => {
    const session = await open({ acceptDownloads: true });
    const { page } = session;
    await waitForReady(page);
    await page
      .locator('#your-data-input')
      .setInputFiles(`${ROOT}tests/fixtures/your-data/page/honduras.geojson`);
    await page.waitForFunction(() => document.querySelectorAll('.your-data__entry').length === 1);
    const id = (await page.locator('.your-data__entry').getAttribute('data-your-data')) ?? '';
    const good = await goodFile(page, id);
    expect(good.held).toBeGreaterThan(0);
    expect(good.drawn).toBeGreaterThan(0);
    await expect(status(page).getAttribute('role')).resolves.toBe('status');
    const report = layerFile('militarised-policing');

    for (const bad of BAD) {
      const files = bad.files();
      const started = Date.now();
      await page.locator('#your-data-input').setInputFiles(files);
      // Named, each of them, within a few seconds.
      await page.waitForFunction(
        (names) => names.every((n) => document.querySelector('.your-data__status')?.textContent?.includes(n)),
        files.map((f) => f.name),
        { timeout: 10_000 },
      );
      expect(Date.now() - started, bad.what).toBeLessThan(10_000);
      expect(await status(page).textContent(), bad.what).toMatch(bad.said);
      // Said as text: the hostile name made no element.
      await expect(status(page).locator('img').count()).resolves.toBe(0);
      expect(await page.locator('.your-data__entry').count(), bad.what).toBe(1);

      // The report's toggle hides and restores its layer.
      const toggle = page.getByRole('checkbox', { name: 'Militarised policing' });
      await toggle.click();
      expect(new Set(await groupVisibility(page, 'militarised-policing')), bad.what).toEqual(
        new Set(['none']),
      );
      await toggle.click();
      expect(new Set(await groupVisibility(page, 'militarised-policing')), bad.what).toEqual(
        new Set(['visible']),
      );
      // The page answers a drag.
      expect(await drag(page), `${bad.what}: the map follows a drag`).toBe(true);
      // The good file is as it was, every feature held and drawn, in the view drawn once more (so
      // the report's layer shown again is drawn too, for the click that follows).
      const still = await goodFile(page, id);
      expect(still.held, bad.what).toBe(good.held);
      expect(still.drawn, bad.what).toBeGreaterThan(0);
      // The report's popup opens, and closes.
      const point = await pagePoint(page, GUATEMALA);
      await page.mouse.click(point.x, point.y);
      await page.locator('.maplibregl-popup .feature-popup').waitFor({ timeout: 5_000 });
      expect(await page.locator('.maplibregl-popup h2').first().textContent(), bad.what).toBe('Guatemala');
      await page.keyboard.press('Escape');
      await page.locator('.maplibregl-popup').waitFor({ state: 'detached' });
      // Its download still comes, whole.
      await page.getByText('Download data').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /Download Militarised policing as GeoJSON/ }).click(),
      ]);
      const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
      expect(
        saved.features.map((f: { id: unknown }) => f.id),
        bad.what,
      ).toEqual(report.features.map((f) => f.id));
      await page.getByText('Download data').click();
    }
    // Every point south of 60°S: the swap is asked, never done; declined, the file is drawn as read,
    // and its entry in the text list says why it lies in Antarctica.
    await page
      .locator('#your-data-input')
      .setInputFiles(`${ROOT}tests/fixtures/your-data/rules/south-of-60.csv`);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.locator('p').textContent()).resolves.toBe(
      'All 5 rows lie south of 60°S, in Antarctica or the Southern Ocean, as “lat” and “lon” are read; with the two swapped, they lie between 60°W and 90°W, in the Americas.',
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.your-data__entry').length === 2);
    await expect(
      page.locator('.your-data-text .text-list__item').last().locator('.your-data__note').textContent(),
    ).resolves.toBe(
      'south-of-60.csv: every point lies south of 60°S, in Antarctica or the Southern Ocean: are latitude and longitude swapped?',
    );
    expect(await status(page).textContent()).toContain('Added south-of-60.csv: 5 features.');
    // A GeoJSON written [latitude, longitude]: asked, swapped when the reader says so, drawn in Guatemala.
    await page
      .locator('#your-data-input')
      .setInputFiles(`${ROOT}tests/fixtures/your-data/swapped/swapped.geojson`);
    await dialog.waitFor();
    await expect(dialog.locator('p').textContent()).resolves.toBe(
      '3 features lie beyond the world as the file’s positions are read, longitude first as GeoJSON orders them, and every one would fit with latitude and longitude swapped.',
    );
    await dialog.getByRole('button', { name: 'Swap them' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.your-data__entry').length === 3);
    const swappedId = (await page.locator('.your-data__entry').last().getAttribute('data-your-data')) ?? '';
    // Drawn where the swapped positions are: both points, and the line from Quetzaltenango to Cobán.
    expect(
      await drawnAt(page, swappedId, [
        [-90.3707, 15.4708],
        [-91.4714, 15.3194],
        [-90.94, 15.15],
      ]),
    ).toEqual(['point', 'point', 'line']);

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('#map img, .legend img').count()).resolves.toBe(0);
    // Nothing fetched for the external entity, nor anything else off the page's origin.
    expect(session.external).toEqual([]);
    expect(session.requests.filter((r) => r.includes('steal'))).toEqual([]);
  });
});
