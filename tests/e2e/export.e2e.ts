import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bboxPolygon, booleanIntersects } from '@turf/turf';
import type { BBox, FeatureCollection } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, openApp, waitForReady, withMap } from '../../scripts/app-page.ts';
import { launchBrowser } from '../../scripts/browser.ts';
import { cliExport } from '../cli-export.ts';

const FILES = ['transit-flows.geojson', 'alta-verapaz.geojson', 'militarised-policing.geojson'];
const ZIP = 'guatemala-transit-layers.zip';

let browser: Browser;
let session: AppSession | undefined;
let cliDir: string;
beforeAll(async () => {
  cliDir = cliExport();
  browser = await launchBrowser();
});
afterEach(async () => {
  // Closed first, so a failed check does not leave the page open for the next test.
  const opened = session;
  session = undefined;
  await opened?.close();
  expect(opened?.errors ?? []).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  rmSync(cliDir, { recursive: true, force: true });
});

async function openWithBlobSpy(hash = ''): Promise<Page> {
  session = await openApp(browser, {
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
  await session.page.getByText('Download GeoJSON').click();
  return session.page;
}

async function download(page: Page, name: RegExp): Promise<{ filename: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return { filename: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('downloads in the page', () => {
  it('give each layer, and the zip of all three, byte for byte what `npm run export` writes', async () => {
    const page = await openWithBlobSpy();
    const requestsBefore = session?.requests.length ?? 0;
    const buttons = [/Download Transit flows/, /Download Alta Verapaz/, /Download Militarised policing/];
    for (const [i, name] of buttons.entries()) {
      const { filename, bytes } = await download(page, name);
      expect(filename).toBe(FILES[i]);
      expect(bytes.equals(readFileSync(join(cliDir, filename)))).toBe(true);
    }
    const zip = await download(page, /all layers/i);
    expect(zip.filename).toBe(ZIP);
    expect(zip.bytes.equals(readFileSync(join(cliDir, ZIP)))).toBe(true);
    const types = await page.evaluate(() => (window as unknown as { __blobTypes: string[] }).__blobTypes);
    expect(types).toEqual([...FILES.map(() => 'application/geo+json'), 'application/zip']);
    // Made in the page from data already loaded: nothing but the downloads' own blob: URLs.
    const fetched = session?.requests.slice(requestsBefore).filter((url) => !url.startsWith('blob:'));
    expect(fetched).toEqual([]);
    expect(session?.external).toEqual([]);
  });

  it('export only the features touching the current view when asked', async () => {
    const page = await openWithBlobSpy('#7/13.6/-86.4');
    await page.getByRole('checkbox', { name: /Only features in the current view/ }).check();
    const view = (await withMap(page, (map) => map.getBounds().toArray().flat())) as BBox;
    const ids: unknown[] = [];
    for (const [i, name] of [/Download Transit flows/, /Download Militarised policing/].entries()) {
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
    await page.getByRole('button', { name: /Download Alta Verapaz/ }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Alta Verapaz' }).textContent())
      .toBe('No Alta Verapaz feature in this view; nothing was downloaded.');
    const zip = await download(page, /all layers/i);
    const { unzipSync } = await import('fflate');
    expect(Object.keys(unzipSync(new Uint8Array(zip.bytes)))).toEqual([FILES[0], FILES[2]]);
    await expect
      .poll(() => page.locator('.export__status').textContent())
      .toBe('Left out, with no feature in this view: Alta Verapaz.');
    expect(downloads).toBe(1);
    // Over Honduras the view holds Honduras and the first leg, and not Mexico or the leg to the US.
    expect(ids).toContain('HND');
    expect(ids).toContain('route-1-col-gtm');
    expect(ids).not.toContain('MEX');
    expect(ids).not.toContain('route-3-mex-usa');
  });

  it('zip only the layers shown on the map when asked', async () => {
    const page = await openWithBlobSpy();
    await page.getByRole('checkbox', { name: 'Alta Verapaz' }).click();
    await page.getByRole('checkbox', { name: /only the layers shown/ }).check();
    const zip = await download(page, /all layers/i);
    const { unzipSync } = await import('fflate');
    expect(Object.keys(unzipSync(new Uint8Array(zip.bytes)))).toEqual([FILES[0], FILES[2]]);
  });
});
