/**
 * After one visit the page works with no network (the service worker's precache, scripts/offline.ts),
 * at / and under a sub-path; a new version deployed is offered in one line and never mixed with the old.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppSession,
  type OpenOptions,
  TEST_BUILD,
  waitForReady,
  withMap,
} from '../../scripts/app-page.ts';
import { ROOT } from '../../scripts/io.ts';
import { freshSessionPerTest, LAYERS, layerFile } from './helpers.ts';

const GEOPACKAGE = 'guatemala-transit-layers.gpkg';

const openSession = freshSessionPerTest();

async function openControlled(options: OpenOptions = {}): Promise<AppSession> {
  const session = await openSession({ serviceWorkers: 'allow', ...options });
  await waitForReady(session.page);
  // The worker takes the first visit's page over once its precache is complete (clientsClaim).
  await session.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  return session;
}

/** No network at all: the browser context offline, and the server dropping every connection. */
function goOffline(open: AppSession): Promise<void> {
  open.server.setReachable(false);
  return open.page.context().setOffline(true);
}

/** The report layers MapLibre has drawn, and how many features the text list lists. */
const drawn = (page: Page) =>
  withMap(page, (map) => ({
    layers: [
      ...new Set(
        map
          .queryRenderedFeatures()
          .map((f) => (f.layer.metadata as Record<string, unknown> | undefined)?.['report:layer'])
          .filter(Boolean),
      ),
    ].sort(),
    listed: document.querySelectorAll('.text-list__item').length,
  }));
const FEATURES = LAYERS.flatMap((layer) => layerFile(layer.id).features).length;

async function download(page: Page, name: RegExp): Promise<{ filename: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return { filename: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('a second visit with no network', () => {
  for (const prefix of ['/', '/some/sub/path/']) {
    it(`loads the map, every layer, the text list and the downloads, at ${prefix}`, async () => {
      const open = await openControlled({ prefix });
      const { page } = open;
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
        `${open.server.url}sw.js`,
      );
      await goOffline(open);
      const before = open.requests.length;
      await page.reload();
      await waitForReady(page);
      expect(await drawn(page)).toEqual({ layers: LAYERS.map((l) => l.id).sort(), listed: FEATURES });
      // The timeline and a popup, from the text list.
      expect(await page.locator('#timeline-date').getAttribute('aria-valuetext')).toBe('15 January 2012');
      await page.locator('.text-list__show').first().click();
      await page.locator('.maplibregl-popup').waitFor();
      // The downloads: a layer's GeoJSON and the GeoPackage as built, and a picture, whose code loads now.
      await page.getByText('Download data').click();
      const geojson = await download(page, /Download Transit flows as GeoJSON/);
      expect(JSON.parse(geojson.bytes.toString()).name).toBe('transit-flows');
      const gpkg = await download(page, /as a GeoPackage/);
      expect(gpkg.bytes.equals(readFileSync(join(ROOT, 'dist-test', GEOPACKAGE)))).toBe(true);
      await page.getByText('Save image · Embed').click();
      const png = await download(page, /Save image of this view as PNG/);
      expect(png.filename).toMatch(/\.png$/);
      expect(open.requests.length).toBeGreaterThan(before);
      expect(open.failed).toEqual([]);
    });
  }

  it('opens the manifest it links to, with icons at 192 and 512 px, from the cache', async () => {
    const open = await openControlled({ prefix: '/some/sub/path/' });
    await goOffline(open);
    const manifest = await open.page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]') as HTMLLinkElement;
      const body = await (await fetch(link.href)).json();
      const sizes = [];
      for (const icon of body.icons) {
        const image = await createImageBitmap(await (await fetch(new URL(icon.src, link.href))).blob());
        sizes.push(`${icon.sizes}=${image.width}x${image.height}`);
      }
      return { start: new URL(body.start_url, link.href).pathname, display: body.display, sizes };
    });
    expect(manifest).toEqual({
      start: '/some/sub/path/',
      display: 'standalone',
      sizes: ['192x192=192x192', '512x512=512x512'],
    });
  });
});

/** The files of a build, as paths under it. */
const filesOf = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));

/** A test build of its own, with `VITE_BUILD_ID` set, which the page reports as `window.__build`. */
function buildVersion(id: string, dir: string): string[] {
  execFileSync('npx', ['vite', 'build', '--mode', 'test', '--outDir', dir, '--logLevel', 'error'], {
    cwd: ROOT,
    // vitest sets NODE_ENV=test, under which Vite would build for development.
    env: { ...process.env, NODE_ENV: 'production', VITE_BUILD_ID: id },
    stdio: 'pipe',
  });
  return filesOf(dir);
}

/** The page's version and every file it has loaded (scripts, styles, data, lazy chunks). */
const loaded = (page: Page, origin: string) =>
  page.evaluate(
    (prefix) => ({
      build: (window as unknown as { __build: string }).__build,
      files: performance
        .getEntriesByType('resource')
        .map((entry) => decodeURIComponent(new URL(entry.name).pathname))
        .filter((path) => path.startsWith(prefix))
        .map((path) => path.slice(prefix.length)),
    }),
    origin,
  );

describe('a new version deployed', () => {
  let work: string;
  let site: string;
  let filesA: string[];
  let filesB: string[];
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'offline-update-'));
    // The version deployed first is the test build every suite uses (its build id is empty); only the
    // new one is built here.
    filesA = filesOf(TEST_BUILD);
    filesB = buildVersion('B', join(work, 'b'));
    site = join(work, 'site');
    cpSync(TEST_BUILD, site, { recursive: true });
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is offered in one line; declined, the old one works; accepted, only its files load', async () => {
    // The two builds differ in the app's code, so in the names of its chunks.
    const onlyA = filesA.filter((f) => !filesB.includes(f));
    const onlyB = filesB.filter((f) => !filesA.includes(f));
    expect(onlyA.some((f) => /^assets\/index-.*\.js$/.test(f))).toBe(true);
    const open = await openControlled({ build: site, prefix: '/some/sub/path/' });
    const { page } = open;
    const path = new URL(open.server.url).pathname;
    expect((await loaded(page, path)).build).toBe('');

    rmSync(site, { recursive: true });
    cpSync(join(work, 'b'), site, { recursive: true });
    await page.reload();
    await waitForReady(page);
    const line = page.locator('.update-line');
    await line.waitFor({ timeout: 30_000 });
    expect(await line.textContent()).toContain('A new version is ready.');
    // One line, on a desktop and on a small phone.
    const height = () => line.evaluate((e) => e.getBoundingClientRect().height);
    expect(await height()).toBeLessThan(40);
    await page.screenshot({ path: join(tmpdir(), 'update-line-desktop.png') });
    await page.setViewportSize({ width: 375, height: 667 });
    await page.screenshot({ path: join(tmpdir(), 'update-line-phone.png') });
    expect(await height()).toBeLessThan(40);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Declined: still A, every file A's, and A's lazily loaded code still comes (from the cache).
    await page.getByRole('button', { name: 'Not now' }).click();
    expect(await line.count()).toBe(0);
    await page.getByText('Save image · Embed').click();
    await download(page, /Save image of this view as SVG/);
    const old = await loaded(page, path);
    expect(old.build).toBe('');
    expect(old.files.filter((f) => onlyB.includes(f))).toEqual([]);
    expect(old.files.some((f) => f.startsWith('assets/save-svg-') && onlyA.includes(f))).toBe(true);

    // Accepted: the page reloads into B, and nothing of A is loaded with it.
    await page.reload();
    await waitForReady(page);
    await Promise.all([page.waitForEvent('load'), line.getByRole('button', { name: 'Reload' }).click()]);
    await waitForReady(page);
    const fresh = await loaded(page, path);
    expect(fresh.build).toBe('B');
    expect(fresh.files.filter((f) => onlyA.includes(f))).toEqual([]);
    expect(fresh.files.filter((f) => onlyB.includes(f)).length).toBeGreaterThan(0);
    expect(await page.locator('.update-line').count()).toBe(0);
    expect(open.failed).toEqual([]);
  }, 120_000);
});
