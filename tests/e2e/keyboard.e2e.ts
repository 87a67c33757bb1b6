import { describe, expect, it } from 'vitest';
import { waitForMap, withMap } from '../../scripts/app-page.ts';
import { channels } from '../../src/theme.ts';
import { freshPagePerTest, popupText, seriousViolations } from './helpers.ts';
import { pixelAt } from './pixel.ts';

const open = freshPagePerTest();

describe('keyboard only', () => {
  it('Tab reaches the language, then the map, which shows a ring (over the canvas, so it is not clipped) and pans with the arrow keys', async () => {
    const page = await open();
    const box = await page.locator('#map').boundingBox();
    if (!box) throw new Error('The map has no box');
    // Each edge of the map, a pixel inside it at its middle, clear of the controls (the scale bar and
    // the credits are under the map).
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
    // The language choice in the page's header comes first, then the map.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(
      true,
    );
    expect(await colours()).toEqual([ring, ring, ring, ring]);
    // And the arrow keys pan it.
    const lng = () => withMap(page, (map) => map.getCenter().lng);
    const before = await lng();
    await page.keyboard.press('ArrowRight');
    await waitForMap(page, ([map]) => !map.isMoving());
    expect(await lng()).toBeGreaterThan(before);
  });

  it('Tab reaches the text list, Enter opens the popup, Escape closes it and returns focus', async () => {
    const page = await open();
    let focused = '';
    for (let i = 0; i < 80 && !focused.startsWith('list:'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.classList.contains('text-list__show') ? `list:${el.dataset.feature}` : (el?.tagName ?? '');
      });
    }
    expect(focused).toBe('list:route-1-col-gtm');
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

describe('accessibility', () => {
  it('has no serious or critical axe-core violations', async () => {
    // axe is injected as a script; the page's CSP would rightly refuse it, so this context bypasses CSP.
    const page = await open({ bypassCSP: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
