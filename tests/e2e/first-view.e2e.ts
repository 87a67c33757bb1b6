/**
 * The first view's picture (src/first-view/): shown in the map's place while MapLibre is still on its
 * way, said to be a picture, and replaced by the live map where the map draws the same places.
 * MapLibre's chunk is held back until the picture has been checked, as a slow connection holds it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OpenOptions } from '../../scripts/app-page.ts';
import { PHONE, waitForReady, withMap } from '../../scripts/app-page.ts';
import { FIRST_VIEW } from '../../src/first-view/place.ts';
import { en, es } from '../../src/i18n/index.ts';
import { freshSessionPerTest } from './helpers.ts';

const open = freshSessionPerTest();

/**
 * In the page from its first script: whether a picture was ever put in, and where it was in the first
 * and the last frame it was there, as [left, top, right, bottom] in the map's pixels.
 */
const RECORDER = `(() => {
  window.__firstView = { shown: false, first: null, last: null };
  new MutationObserver(() => {
    if (document.querySelector('.first-view')) window.__firstView.shown = true;
  }).observe(document, { childList: true, subtree: true });
  const frame = () => {
    const picture = document.querySelector('.first-view__picture');
    if (picture) {
      const [left, top, width, height] = ['left', 'top', 'width', 'height'].map((k) => parseFloat(picture.style[k]));
      window.__firstView.last = [left, top, left + width, top + height];
      window.__firstView.first ??= window.__firstView.last;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

interface Seen {
  /** The picture's file: a phone gets the one with fewer pixels. */
  file: string;
  alt: string;
  note: string;
  role: string | null;
  loaded: boolean;
  /** The picture's box against the map's place: it fills it. */
  fills: boolean;
  /** Whether MapLibre had run yet. */
  maplibre: boolean;
}

const seeIt = (page: Page): Promise<Seen> =>
  page.evaluate(() => {
    const picture = document.querySelector<HTMLImageElement>('.first-view__picture');
    const note = document.querySelector('.first-view__note');
    const map = document.getElementById('map');
    if (!picture || !note || !map) throw new Error('no picture, note or map');
    const box = picture.getBoundingClientRect();
    const place = map.getBoundingClientRect();
    return {
      file: new URL(picture.currentSrc).pathname.split('/').pop() ?? '',
      alt: picture.alt,
      note: note.textContent ?? '',
      role: note.getAttribute('role'),
      loaded: picture.complete && picture.naturalWidth > 0,
      fills:
        box.left <= place.left &&
        box.top <= place.top &&
        box.right >= place.right &&
        box.bottom >= place.bottom,
      maplibre: document.querySelector('.maplibregl-map') !== null,
    };
  });

/** Opens the app with MapLibre held back until `whileHeld` has looked at the page. */
async function openHeld<T>(options: OpenOptions, whileHeld: (page: Page) => Promise<T>) {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let seen: Promise<T> | undefined;
  const session = await open({
    ...options,
    beforeGoto: async (page) => {
      await page.addInitScript(RECORDER);
      await page.route(/maplibre-gl-[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      seen = whileHeld(page).finally(release);
    },
  });
  const result = await seen;
  await waitForReady(session.page);
  return { page: session.page, seen: result as T };
}

/**
 * Where the map draws the picture's corners, [left, top, right, bottom], and where the picture was
 * first, before MapLibre ran, and last.
 */
const placesAtReady = (page: Page) =>
  Promise.all([
    withMap(
      page,
      (map, [[west, south], [east, north]]) => {
        const nw = map.project([west, north]);
        const se = map.project([east, south]);
        return [nw.x, nw.y, se.x, se.y];
      },
      FIRST_VIEW.bounds as unknown as [[number, number], [number, number]],
    ),
    page.evaluate(
      () =>
        (window as unknown as { __firstView: { first: number[] | null; last: number[] | null } }).__firstView,
    ),
  ]);

describe('the first view picture, while the map loads', () => {
  for (const [screen, options, file, t] of [
    ['a desktop', {}, 'first-view.webp', en],
    ['a phone', PHONE, 'first-view-narrow.webp', en],
    // Where the credits take two lines under the map, so the map's place changes once the page's
    // script is in and the picture must follow it.
    ['a small laptop', { viewport: { width: 1024, height: 600 } }, 'first-view.webp', en],
    // Whose heading in Spanish takes a line fewer than index.html's English one.
    ['a phone in Spanish', { ...PHONE, hash: '#lang=es' }, 'first-view-narrow.webp', es],
  ] as const) {
    it(`is shown on ${screen} before MapLibre runs, said to be a picture, and replaced by the map without a jump`, async () => {
      const { page, seen } = await openHeld(options, async (page) => {
        await page.locator('.first-view__picture').waitFor();
        await page.waitForFunction(
          () =>
            document.querySelector<HTMLImageElement>('.first-view__picture')?.complete &&
            document.querySelector('.first-view__note')?.textContent,
        );
        return seeIt(page);
      });
      expect(seen).toEqual({
        file,
        alt: t.firstView.alt,
        note: t.firstView.note,
        role: 'status',
        loaded: true,
        fills: true,
        maplibre: false,
      });
      // Gone once the map is ready, from the place where the map draws the same corners; and put,
      // before MapLibre ran, within 2 px of it: the page kept the map's place and foresaw its controls.
      expect(await page.locator('.first-view').count()).toBe(0);
      const [map, { first, last }] = await placesAtReady(page);
      expect(first).not.toBeNull();
      expect(last).not.toBeNull();
      for (const [i, side] of ['left', 'top', 'right', 'bottom'].entries()) {
        expect(Math.abs((last?.[i] ?? Number.NaN) - (map[i] ?? 0)), `last ${side}`).toBeLessThan(0.5);
        expect(Math.abs((first?.[i] ?? Number.NaN) - (map[i] ?? 0)), `first ${side}`).toBeLessThan(2);
      }
    });
  }

  it("speaks the page's language, its heading too, before the app's script runs", async () => {
    const { seen } = await openHeld({ hash: '#lang=es' }, async (page) => {
      await page.waitForFunction(() => document.querySelector('.first-view__note')?.textContent);
      return { ...(await seeIt(page)), heading: await page.locator('h1').textContent() };
    });
    expect(seen.note).toBe('Una imagen del mapa: el mapa interactivo está cargando.');
    expect(seen.alt).toMatch(/^Imagen del mapa mientras carga: /);
    expect(seen.heading).toBe(es.page.heading);
    expect(seen.maplibre).toBe(false);
  });

  it('is never shown for a link to another view, day, feature or set of layers, nor in an embed', async () => {
    for (const options of [
      { hash: '#5/15.5/-90.3' },
      { hash: '#date=2008-01-01' },
      { hash: '#feature=alta-verapaz' },
      { hash: '#layers=transit-flows' },
      { query: '?embed' },
    ]) {
      const { page } = await openHeld(options, async (page) => {
        // Until the page is parsed, its inline script run: DOMContentLoaded waits for MapLibre.
        await page.waitForFunction(() => document.readyState !== 'loading');
        return null;
      });
      const shown = await page.evaluate(
        () => (window as unknown as { __firstView: { shown: boolean } }).__firstView.shown,
      );
      expect(shown, JSON.stringify(options)).toBe(false);
    }
  });
});
