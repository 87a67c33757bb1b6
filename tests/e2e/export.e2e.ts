import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bboxPolygon, booleanIntersects } from '@turf/turf';
import { unzipSync } from 'fflate';
import type { BBox, FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, waitForReady, withMap } from '../../scripts/app-page.ts';
import { LAYER_FORMATS } from '../../src/formats/package.ts';
import { REPORT_LAYERS } from '../../src/layers/registry.ts';
import { cliExport } from '../cli-export.ts';
import { freshSessionPerTest } from './helpers.ts';

const FILES = ['transit-flows.geojson', 'alta-verapaz.geojson', 'militarised-policing.geojson'];
const ZIP = 'guatemala-transit-layers.zip';
const GEOPACKAGE = 'guatemala-transit-layers.gpkg';
/** Every file a layer's buttons give, in the menu's order, and its media type. */
const LAYER_FILES = REPORT_LAYERS.flatMap((l) =>
  LAYER_FORMATS.map((f) => ({
    name: `${l.id}.${f.format}`,
    button: `Download ${l.name} as ${f.label} (`,
    media: f.media,
  })),
);
const zipNames = (bytes: Buffer): string[] => Object.keys(unzipSync(new Uint8Array(bytes)));

const openSession = freshSessionPerTest();
let cliDir: string;
beforeAll(() => {
  cliDir = cliExport();
});
afterAll(() => {
  rmSync(cliDir, { recursive: true, force: true });
});

/** A ready page with its Download menu open, recording the type of each Blob handed to a link. */
async function openWithBlobSpy(hash = ''): Promise<AppSession> {
  const session = await openSession({
    hash,
    beforeGoto: (page) =>
      page.addInitScript(() => {
        const types: string[] = [];
        (window as unknown as { __blobTypes: string[] }).__blobTypes = types;
        const create = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (object: Blob | MediaSource) => {
          if (object instanceof Blob) types.push(object.type);
          return create(object);
        };
      }),
  });
  await waitForReady(session.page);
  await session.page.getByText('Download data').click();
  return session;
}

async function download(page: Page, name: RegExp | string): Promise<{ filename: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return { filename: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('downloads in the page', () => {
  // A page at a time for each layer: headless Chromium stops handing over downloads after ten from one page.
  it.each(REPORT_LAYERS)(
    'give $id in every format, byte for byte what `npm run export` writes',
    async (layer) => {
      const session = await openWithBlobSpy();
      const { page } = session;
      const requestsBefore = session.requests.length;
      const files = LAYER_FILES.filter((f) => f.name.startsWith(`${layer.id}.`));
      for (const file of files) {
        const { filename, bytes } = await download(page, file.button);
        expect(filename).toBe(file.name);
        expect(bytes.equals(readFileSync(join(cliDir, filename))), filename).toBe(true);
      }
      const types = await page.evaluate(() => (window as unknown as { __blobTypes: string[] }).__blobTypes);
      expect(types).toEqual(files.map((f) => f.media));
      // Made in the page from data already loaded: nothing fetched but the writers' code, on demand.
      const fetched = session.requests.slice(requestsBefore).filter((url) => !url.startsWith('blob:'));
      expect(fetched.filter((url) => !/\/assets\/[\w-]+\.js$/.test(url))).toEqual([]);
      expect(session.external).toEqual([]);
    },
  );

  it('give the GeoPackage and the zip of everything, byte for byte what `npm run export` writes', async () => {
    const session = await openWithBlobSpy();
    const { page } = session;
    const requestsBefore = session.requests.length;
    const gpkg = await download(page, /as a GeoPackage/);
    expect(gpkg.filename).toBe(GEOPACKAGE);
    expect(gpkg.bytes.equals(readFileSync(join(cliDir, GEOPACKAGE)))).toBe(true);
    const zip = await download(page, /every file in one zip/);
    expect(zip.filename).toBe(ZIP);
    expect(zip.bytes.equals(readFileSync(join(cliDir, ZIP)))).toBe(true);
    const types = await page.evaluate(() => (window as unknown as { __blobTypes: string[] }).__blobTypes);
    expect(types).toEqual(['application/geopackage+sqlite3', 'application/zip']);
    // The GeoPackage is the build's own file, fetched for each; the rest is made in the page.
    const fetched = session.requests.slice(requestsBefore).filter((url) => !url.startsWith('blob:'));
    expect(
      fetched.filter((url) => !/\/assets\/[\w-]+\.js$/.test(url)).map((u) => u.split('/').pop()),
    ).toEqual([GEOPACKAGE, GEOPACKAGE]);
    expect(session.external).toEqual([]);
  });

  it('say in one line when the GeoPackage cannot be fetched, and zip the rest', async () => {
    const session = await openWithBlobSpy();
    const { page } = session;
    await page.route(/\.gpkg$/, (route) => route.fulfill({ status: 404, body: '' }));
    await page.getByRole('button', { name: /as a GeoPackage/ }).click();
    await expect
      .poll(() => page.locator('.export__status').textContent())
      .toBe('The GeoPackage could not be fetched (HTTP 404).');
    const zip = await download(page, /every file in one zip/);
    expect(zipNames(zip.bytes)).toEqual(['README.txt', ...LAYER_FILES.map((f) => f.name)]);
    await expect
      .poll(() => page.locator('.export__status').textContent())
      .toBe('The GeoPackage could not be fetched (HTTP 404). The zip holds the rest.');
    // The browser logs each failed fetch itself: those, and nothing else, went to the console.
    const errors = session.errors;
    expect(errors).toEqual([expect.stringContaining('404'), expect.stringContaining('404')]);
    errors.length = 0;
  });

  it('export only the features touching the current view when asked', async () => {
    const { page } = await openWithBlobSpy('#7/13.6/-86.4');
    await page.getByRole('checkbox', { name: /Only features in the current view/ }).check();
    const view = (await withMap(page, (map) => map.getBounds().toArray().flat())) as BBox;
    const ids: unknown[] = [];
    for (const [i, name] of [
      /Download Transit flows as GeoJSON/,
      /Download Militarised policing as GeoJSON/,
    ].entries()) {
      const { bytes } = await download(page, name);
      const exported = JSON.parse(bytes.toString('utf8')) as FeatureCollection;
      const file = FILES[i === 0 ? 0 : 2] as string;
      const all = JSON.parse(readFileSync(join(cliDir, file), 'utf8')) as FeatureCollection;
      const expected = all.features.filter((f) => booleanIntersects(f, bboxPolygon(view))).map((f) => f.id);
      expect(exported.features.map((f) => f.id)).toEqual(expected);
      ids.push(...expected);
    }
    // Alta Verapaz lies outside this view: no empty file, and the menu says why.
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: /Download Alta Verapaz as KML/ }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Alta Verapaz' }).textContent())
      .toBe('No Alta Verapaz feature in this view; nothing was downloaded.');
    const zip = await download(page, /every file in one zip/);
    expect(zipNames(zip.bytes)).toEqual([
      'README.txt',
      ...LAYER_FILES.map((f) => f.name).filter((n) => !n.startsWith('alta-verapaz')),
    ]);
    await expect
      .poll(() => page.locator('.export__status').textContent())
      .toBe(
        'Left out, with no feature in this view: Alta Verapaz. The GeoPackage, which holds the whole map, is left out.',
      );
    expect(downloads).toBe(1);
    // Over Honduras the view holds Honduras and the first leg, and not Mexico or the leg to the US.
    expect(ids).toContain('HND');
    expect(ids).toContain('route-1-col-gtm');
    expect(ids).not.toContain('MEX');
    expect(ids).not.toContain('route-3-mex-usa');
  });

  it('zip only the layers shown on the map when asked', async () => {
    const { page } = await openWithBlobSpy();
    await page.getByRole('checkbox', { name: 'Alta Verapaz' }).click();
    await page.getByRole('checkbox', { name: /only the layers shown/ }).check();
    const zip = await download(page, /every file in one zip/);
    expect(zipNames(zip.bytes)).toEqual([
      'README.txt',
      ...LAYER_FILES.map((f) => f.name).filter((n) => !n.startsWith('alta-verapaz')),
    ]);
  });
});
