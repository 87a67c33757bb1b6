import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForMap, withMap } from '../../scripts/app-page.ts';
import { clickAt, freshPagePerTest, popupText } from './helpers.ts';

const open = freshPagePerTest();

/** The time state the map draws each feature with (src/style/time.ts), read from its feature state. */
function states(page: Page, ids: string[]): Promise<Record<string, string>> {
  return withMap(
    page,
    (map, list) =>
      Object.fromEntries(list.map((id) => [id, String(map.getFeatureState({ source: 'map', id }).time)])),
    ids,
  );
}

const COUNTRIES = ['MEX', 'HND', 'GTM'];
const slider = (page: Page) => page.getByRole('slider', { name: 'Date on the map' });
const caption = (page: Page) => page.locator('.timeline__caption').textContent();

describe('the timeline', () => {
  it('starts at the report date, where Alta Verapaz has ended and the three countries are in force', async () => {
    const page = await open();
    await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe('15 January 2012');
    expect(await states(page, [...COUNTRIES, 'GT-AV'])).toEqual({
      MEX: 'in-force',
      HND: 'in-force',
      GTM: 'in-force',
      'GT-AV': 'ended',
    });
    expect(page.url()).not.toContain('date=');
    expect(await caption(page)).toContain('Under the new orders issued by President Perez Molina on Sunday');
  });

  it.each([
    ['2008-01-01', { MEX: 'in-force', HND: 'not-yet', GTM: 'not-yet', 'GT-AV': 'not-yet' }],
    ['2010-12-25', { MEX: 'in-force', HND: 'not-yet', GTM: 'not-yet', 'GT-AV': 'in-force' }],
    ['2006-12-15', { MEX: 'uncertain', HND: 'not-yet', GTM: 'not-yet', 'GT-AV': 'not-yet' }],
    ['2011-11-28', { MEX: 'in-force', HND: 'not-yet', GTM: 'not-yet', 'GT-AV': 'ended' }],
    ['2011-11-30', { MEX: 'in-force', HND: 'in-force', GTM: 'not-yet', 'GT-AV': 'ended' }],
  ])('draws each area as it stood on %s, from a link that keeps the date', async (date, expected) => {
    const page = await open({ hash: `#5/16/-92&date=${date}` });
    expect(await states(page, [...COUNTRIES, 'GT-AV'])).toEqual(expected);
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const words = new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe(words);
    expect(page.url()).toContain(`date=${date}`);
  });

  it('says in popups and the text list where a feature stands on the date', async () => {
    const page = await open({ hash: '#5/16/-92&date=2006-12-15&feature=MEX' });
    await page.locator('.maplibregl-popup').waitFor();
    expect(await popupText(page)).toContain(
      'Date uncertain on 15 December 2006: it began some day in December 2006',
    );
    const honduras = page.locator('.text-list__item:has([data-feature="HND"]) .text-list__status');
    await expect(honduras.textContent()).resolves.toBe(
      'Not yet in force on 15 December 2006: from 29 November 2011',
    );
    // A feature not yet in force is not drawn, and a click there opens nothing.
    await page.keyboard.press('Escape');
    await clickAt(page, [-86.6, 14.7], 6);
    await expect(page.locator('.maplibregl-popup').count()).resolves.toBe(0);
  });

  it("draws the first tile with the date's states, not a frame later", async () => {
    // The app hands its map to window.__map (test builds) before any tile is loaded: the setter
    // records Alta Verapaz's state as each tile of the map's source arrives.
    const recordAtTiles = (page: Page) =>
      page.addInitScript(() => {
        const seen: string[] = [];
        Object.assign(window, { __statesAtTiles: seen });
        let held: unknown;
        Object.defineProperty(window, '__map', {
          configurable: true,
          get: () => held,
          set(map: import('maplibre-gl').Map) {
            held = map;
            map.on('sourcedata', (event) => {
              if (event.sourceId === 'map' && event.tile)
                seen.push(String(map.getFeatureState({ source: 'map', id: 'GT-AV' }).time));
            });
          },
        });
      });
    for (const [hash, expected] of [
      ['', 'ended'],
      ['#5/16/-92&date=2010-12-25', 'in-force'],
    ] as const) {
      const page = await open({ hash, beforeGoto: recordAtTiles });
      const seen = (await page.evaluate('window.__statesAtTiles')) as string[];
      expect(seen.length).toBeGreaterThan(0);
      expect(new Set(seen)).toEqual(new Set([expected]));
    }
  });

  it('ignores a date that is not a day of the timeline', async () => {
    // The rest of the hostile dates are the unit tests' (tests/unit/hash-hostile.test.ts).
    for (const date of ['2011-02-29', '<script>']) {
      const page = await open({ hash: `#5/16/-92&date=${encodeURIComponent(date)}` });
      await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe('15 January 2012');
      expect((await states(page, ['GT-AV']))['GT-AV']).toBe('ended');
      expect(page.url()).not.toContain('date=');
    }
  });

  it('walks the story by keyboard alone, each step captioned with its date and the words for it', async () => {
    const page = await open();
    // Tab to the slider, then Home: the first day, before anything the report dates.
    let focused = '';
    for (let i = 0; i < 120 && focused !== 'timeline-date'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('timeline-date');
    await page.keyboard.press('Home');
    await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe('1 November 2006');
    expect(await caption(page)).toContain('Before the first event the report dates (December 2006).');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Next event');
    const steps: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Enter');
      steps.push(
        `${await slider(page).getAttribute('aria-valuetext')} | ${await page.locator('.timeline__when').textContent()}`,
      );
    }
    expect(steps).toEqual([
      '1 December 2006 | Mexico — December 2006 (to the month); the report says “in December 2006”',
      '19 December 2010 | Alta Verapaz — 19 December 2010 (to the day); the report says “In December”',
      '18 February 2011 | Alta Verapaz: ended — 18 February 2011 (to the day)',
      '29 November 2011 | Honduras — 29 November 2011 (to the day); the report says “in November”',
      '15 January 2012 | Guatemala — 15 January 2012 (to the day); the report says “on Sunday”',
    ]);
    expect(await caption(page)).toContain('Under the new orders issued by President Perez Molina on Sunday');
    expect(await page.locator('.timeline__step[aria-label="Next event"]').isDisabled()).toBe(true);
    // The live region heard the last step once: its title, its date and what changed.
    await expect(page.locator('.timeline [role="status"]').textContent()).resolves.toBe(
      'Guatemala. 15 January 2012. Guatemala: in force.',
    );
  });

  it('moves a day with the arrows, a month with Page Up and Down, and End returns to the default', async () => {
    const page = await open({ hash: '#5/16/-92&date=2011-01-31' });
    await slider(page).focus();
    await page.keyboard.press('ArrowRight');
    await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe('1 February 2011');
    await page.keyboard.press('PageDown');
    await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe('1 January 2011');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe('1 March 2011');
    expect((await states(page, ['GT-AV']))['GT-AV']).toBe('ended');
    await page.keyboard.press('End');
    await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe('15 January 2012');
    expect(page.url()).not.toContain('date=');
    expect(await states(page, COUNTRIES)).toEqual({ MEX: 'in-force', HND: 'in-force', GTM: 'in-force' });
  });

  it('tells a screen reader once the slider rests, not at every day of a drag', async () => {
    const page = await open();
    const live = page.locator('.timeline [role="status"]');
    await page.evaluate(() => {
      const region = document.querySelector('.timeline [role="status"]') as HTMLElement;
      (window as unknown as { __said: string[] }).__said = [];
      new MutationObserver(() =>
        (window as unknown as { __said: string[] }).__said.push(region.textContent ?? ''),
      ).observe(region, { childList: true, characterData: true, subtree: true });
      const input = document.getElementById('timeline-date') as HTMLInputElement;
      for (let value = 1500; value >= 1000; value -= 25) {
        input.value = String(value);
        input.dispatchEvent(new Event('input'));
      }
    });
    await page.waitForFunction(() => (window as unknown as { __said: string[] }).__said.length > 0);
    await page.waitForTimeout(800);
    const said = await page.evaluate(() => (window as unknown as { __said: string[] }).__said);
    expect(said).toHaveLength(1);
    expect(said[0]).toBe(
      '28 July 2009. Alta Verapaz: not yet in force. Guatemala: not yet in force. Honduras: not yet in force.',
    );
    await expect(live.textContent()).resolves.toBe(said[0]);
  });

  it('plays the story and stops at the end', async () => {
    const page = await open({ hash: '#5/16/-92&date=2011-11-29' });
    await page.getByRole('button', { name: 'Play the story' }).click();
    await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe('15 January 2012');
    await expect(page.getByRole('button', { name: 'Pause' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    // The next beat finds no event after the last one: the story stops by itself.
    await page.getByRole('button', { name: 'Play the story' }).waitFor({ timeout: 10_000 });
    await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe('15 January 2012');
  });

  it('playing brings every dated feature into one frame, and stays there', async () => {
    // The camera moves only for a reader who has not asked for reduced motion.
    const page = await open({ hash: '#7/14.8/-86.6', reducedMotion: 'no-preference' });
    await page.getByRole('button', { name: 'Play the story' }).click();
    await waitForMap(page, ([map]) => !map.isMoving() && map.getZoom() < 6);
    const framed = () =>
      withMap(page, (map) => {
        const view = map.getBounds();
        // Mexico's and Honduras's far corners: the story's frame holds them both.
        return [view.contains([-117, 14.5]), view.contains([-83.2, 16.5]), map.getZoom()];
      });
    const first = await framed();
    expect(first.slice(0, 2)).toEqual([true, true]);
    await page.waitForTimeout(5000);
    await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe('19 December 2010');
    expect(await framed()).toEqual(first);
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  it('plays from the start again at the end; under reduced motion it steps without moving the camera', async () => {
    const page = await open({ reducedMotion: 'reduce' });
    const centre = () => withMap(page, (map) => map.getCenter().toArray());
    const before = await centre();
    await page.getByRole('button', { name: 'Play the story' }).click();
    await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe('1 December 2006');
    expect(await caption(page)).toContain('deployed by President Felipe Calderon in December 2006');
    expect(await centre()).toEqual(before);
    await page.getByRole('button', { name: 'Pause' }).click();
    // A step asked for moves the camera, at once.
    await page.getByRole('button', { name: 'Next event' }).click();
    await waitForMap(page, ([map]) => !map.isMoving());
    expect(await centre()).not.toEqual(before);
    await expect(slider(page).getAttribute('aria-valuetext')).resolves.toBe('19 December 2010');
  });

  it("downloads, as of the map's date, only what is in force or uncertain then and the undated routes", async () => {
    const page = await open({ hash: '#5/16/-92&date=2008-01-01' });
    await page.getByText('Download data').click();
    await page.getByLabel("As of the map's date").check();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download Militarised policing as GeoJSON/ }).click(),
    ]);
    const body = JSON.parse(
      await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()),
    );
    expect(body.features.map((f: { id: string }) => f.id)).toEqual(['MEX']);
    await page.getByRole('button', { name: /Download Alta Verapaz as GeoJSON/ }).click();
    await expect
      .poll(() => page.locator('.export__status').textContent())
      .toBe('No Alta Verapaz feature on 1 January 2008; nothing was downloaded.');
  });
});
