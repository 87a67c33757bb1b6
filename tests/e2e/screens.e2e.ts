/**
 * The default view at the screen sizes readers open links on, in both languages and both test fonts
 * (issue 32): the whole story in view, clear of every control, and every menu and dialog reachable.
 * One page per font is loaded again at each size, so the default view is fitted afresh.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForReady, withMap } from '../../scripts/app-page.ts';
import { pageFontIs } from '../../scripts/browser.ts';
import { TEST_FONTS } from '../../scripts/fonts.ts';
import { BASEMAP_LABEL_LAYERS } from '../../src/style/covered.ts';
import { freshSessionPerTest } from './helpers.ts';

/** Phones (one on its side), tablets held upright and a 10-inch laptop, then the desktops. */
const SIZES: Record<string, [number, number][]> = {
  phones: [
    [320, 568],
    [360, 640],
    [375, 667],
    [390, 844],
    [844, 390],
  ],
  'tablets and a small laptop': [
    [768, 1024],
    [820, 1180],
    [1024, 600],
  ],
  desktops: [
    [1280, 720],
    [1366, 768],
    [1920, 1080],
    [2560, 1440],
  ],
};

/** The route's Colombian start and US end (geodata/layers/transit-flows.geojson) and the report's places. */
const PLACES: Record<string, [number, number]> = {
  'route start (Colombia)': [-73.283379, 3.406074],
  'route end (US)': [-98.125115, 39.102949],
  'Mexico City': [-99.12766, 19.42847],
  'Guatemala City': [-90.51327, 14.64072],
  'Alta Verapaz': [-90.37, 15.47],
};

/** The report's labels, by layer: each must be placed, whole, in the map and clear of the controls. */
const LABELS = {
  'militarised-policing-label': ['GTM', 'HND', 'MEX'],
  // The callout below zoom 5, the department's own label from there (src/style/report-layers.ts).
  'alta-verapaz-callout-label|alta-verapaz-label': ['GT-AV'],
  'transit-flows-displacement-labels': ['*'],
};

/** The months the timeline spans (src/data/time.ts TIMELINE): a reader aims at one with a finger. */
const TIMELINE_MONTHS = 62;
const MIN_PX_PER_MONTH = 4;

/** What is wrong at this size, as lines; none when the page holds. */
async function problems(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const lines: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth)
      lines.push(`scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}`);
    const canvas = document.querySelector('.maplibregl-canvas') as HTMLElement;
    const map = canvas.getBoundingClientRect();
    // The share of the map under its controls, counted on a grid of 4-px cells.
    const boxes = [...document.querySelectorAll('#map .maplibregl-ctrl, #map details[open] > .menu__body')]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    let covered = 0;
    let cells = 0;
    for (let y = map.top + 2; y < map.bottom; y += 4)
      for (let x = map.left + 2; x < map.right; x += 4) {
        cells++;
        if (boxes.some((b) => x >= b.left && x < b.right && y >= b.top && y < b.bottom)) covered++;
      }
    if (covered / cells > 1 / 3)
      lines.push(`controls cover ${Math.round((100 * covered) / cells)}% of the map`);
    // The scale bar and the credits are under the map, never over it.
    for (const selector of ['.maplibregl-ctrl-scale', '.maplibregl-ctrl-attrib']) {
      const r = (document.querySelector(selector) as HTMLElement).getBoundingClientRect();
      // A pixel's rounding apart at most.
      if (
        r.bottom > map.top + 1 &&
        r.top < map.bottom - 1 &&
        r.right > map.left + 1 &&
        r.left < map.right - 1
      )
        lines.push(`${selector} is over the map`);
    }
    const date = document.querySelector('.timeline__date') as HTMLElement;
    // Across: a phone's page scrolls down to the strip, never sideways.
    const dateBox = date.getBoundingClientRect();
    if (date.scrollWidth > date.clientWidth || dateBox.left < 0 || dateBox.right > innerWidth)
      lines.push(`the timeline's date is cut: "${date.textContent}"`);
    const slider = document.querySelector('.timeline__slider') as HTMLElement;
    return { lines, sliderWidth: slider.getBoundingClientRect().width };
  });
  const lines = found.lines;
  if (found.sliderWidth < TIMELINE_MONTHS * MIN_PX_PER_MONTH)
    lines.push(`the timeline's slider is ${Math.round(found.sliderWidth)} px long`);
  lines.push(...(await mapProblems(page)));
  lines.push(...(await menuProblems(page)));
  return lines;
}

/** The five places and the report's labels, read through the map handle. */
function mapProblems(page: Page): Promise<string[]> {
  return withMap(
    page,
    async (map, { places, labels, names }) => {
      await new Promise((resolve) => {
        map.once('idle', resolve);
        map.triggerRepaint();
      });
      const lines: string[] = [];
      const canvas = map.getCanvas();
      const box = canvas.getBoundingClientRect();
      const { clientWidth: width, clientHeight: height } = canvas;
      for (const [name, lngLat] of Object.entries(places)) {
        const p = map.project(lngLat);
        const x = box.left + p.x;
        const y = box.top + p.y;
        if (p.x < 0 || p.y < 0 || p.x > width || p.y > height || x > innerWidth || y > innerHeight)
          lines.push(`${name} is outside the map (${Math.round(p.x)}, ${Math.round(p.y)})`);
        else if (document.elementFromPoint(x, y) !== canvas)
          lines.push(`${name} is under ${document.elementFromPoint(x, y)?.className}`);
      }
      // Where a symbol is placed, its collision box answers a query there: so a label found in a strip
      // beyond an edge runs off the map, and one found in a control's box is under that control.
      const beyond = 200;
      const regions: [string, [[number, number], [number, number]]][] = [
        [
          'left edge',
          [
            [-beyond, -beyond],
            [0, height + beyond],
          ],
        ],
        [
          'right edge',
          [
            [width, -beyond],
            [width + beyond, height + beyond],
          ],
        ],
        [
          'top edge',
          [
            [-beyond, -beyond],
            [width + beyond, 0],
          ],
        ],
        [
          'bottom edge',
          [
            [-beyond, height],
            [width + beyond, height + beyond],
          ],
        ],
        ...[...document.querySelectorAll('#map .maplibregl-ctrl, #map details[open] > .menu__body')].flatMap(
          (c) => {
            const r = c.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) return [];
            const at: [[number, number], [number, number]] = [
              [r.left - box.left, r.top - box.top],
              [r.right - box.left, r.bottom - box.top],
            ];
            return [[`control ${c.className.replace(/maplibregl-ctrl\b ?/g, '').trim()}`, at]] as [
              string,
              [[number, number], [number, number]],
            ][];
          },
        ),
      ];
      const idOf = (f: { properties: Record<string, unknown> }) => String(f.properties.id ?? '*');
      for (const [group, ids] of Object.entries(labels)) {
        const layers = group.split('|').filter((id) => map.getLayer(id));
        const placed = new Set(map.queryRenderedFeatures({ layers }).map(idOf));
        for (const id of ids) {
          const named = `${group} ${id}`;
          if (id === '*' ? placed.size === 0 : !placed.has(id)) {
            lines.push(`${named} is not placed`);
            continue;
          }
          for (const [where, region] of regions) {
            const hit = map.queryRenderedFeatures(region, { layers }).map(idOf);
            if (id === '*' ? hit.length > 0 : hit.includes(id)) lines.push(`${named} is cut at the ${where}`);
          }
        }
      }
      // The basemap's names: one under a control is hidden while the map rests, never half shown.
      const layers = names.filter((id) => map.getLayer(id));
      for (const [where, region] of regions.filter(([where]) => where.startsWith('control')))
        for (const f of map.queryRenderedFeatures(region, { layers }))
          if (f.id === undefined || !map.getFeatureState({ source: f.source, id: f.id }).covered)
            lines.push(`the name ${f.properties.name} shows under the ${where}`);
      return lines;
    },
    { places: PLACES, labels: LABELS, names: BASEMAP_LABEL_LAYERS },
  );
}

const tapped = (target: Locator) =>
  target.click({ timeout: 3000 }).then(
    () => true,
    () => false,
  );

/** Each menu opened in turn, then the Cite dialog: their titles and the dialog's Close on the screen. */
async function menuProblems(page: Page): Promise<string[]> {
  const lines: string[] = [];
  const onScreen = (selector: string) =>
    page.locator(selector).evaluate((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
    });
  // Every menu's button in view as the page opens: none below the map's edge, in a column of controls
  // that must be scrolled to find it.
  const unseen = await page.locator('#map .panel-control > details > summary').evaluateAll((all) =>
    all
      .filter((s) => {
        const r = s.getBoundingClientRect();
        return (
          document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('summary') !== s
        );
      })
      .map((s) => s.firstElementChild?.textContent ?? s.textContent),
  );
  for (const title of unseen) lines.push(`the menu "${title}" is out of view`);
  const menus = await page.locator('#map .panel-control > details > summary').count();
  // Each menu the test opened is closed only once the next is open: two at once must not overlap.
  const opened: number[] = [];
  const closeOpened = async (keep?: number) => {
    for (const j of opened.splice(0).filter((j) => j !== keep)) {
      const menu = page.locator('#map .panel-control > details').nth(j);
      if (await menu.evaluate((d) => (d as HTMLDetailsElement).open))
        await menu.locator('summary').first().click();
    }
  };
  for (let i = 0; i < menus; i++) {
    const summary = page.locator('#map .panel-control > details > summary').nth(i);
    const wasOpen = await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open);
    // A real tap: it fails when something covers the button.
    if (!wasOpen && !(await tapped(summary))) {
      lines.push(`the menu "${await summary.textContent()}" cannot be tapped`);
      continue;
    }
    const fits = await summary.evaluate(async (s) => {
      const menu = s.parentElement as HTMLElement;
      // In a row of buttons every menu opens in the same place: one at a time. In a column (desktops)
      // several may stay open.
      const row = getComputedStyle(menu.parentElement?.parentElement as Element).display === 'flex';
      const openMenus = () => document.querySelectorAll('#map .panel-control > details[open]').length;
      // What a reader does next is in view: the menu's first control, not below the map's edge.
      const first = menu.querySelector('.menu__body :is(button, input, select, a)');
      const firstSeen = () => {
        const box = first?.getBoundingClientRect();
        return (
          box !== undefined &&
          document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === first
        );
      };
      // The details' toggle event, which closes the other menus in a row and scrolls a column to the
      // menu, comes in a task after the tap: on a busy machine, some frames later. Still not done
      // after a second is a failure.
      const settled = () => (row ? openMenus() <= 1 : firstSeen());
      for (let frame = 0; frame < 2 || (!settled() && frame < 60); frame++)
        await new Promise((resolve) => requestAnimationFrame(resolve));
      // The menu's last line is reachable: on the screen, or in a box that scrolls to it.
      let scroller: HTMLElement | null = menu;
      while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1)
        scroller = scroller.parentElement;
      const r = s.getBoundingClientRect();
      const shown = r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
      const whole = menu.getBoundingClientRect().bottom <= innerHeight;
      const scrolls = scroller !== null && scroller.getBoundingClientRect().bottom <= innerHeight;
      const open = openMenus();
      const title = s.firstElementChild?.textContent ?? s.textContent;
      return { title, shown, reachable: whole || scrolls, overlaid: row && open > 1, firstSeen: firstSeen() };
    });
    if (!fits.firstSeen) lines.push(`the menu "${fits.title}" opens with its first control out of view`);
    if (!fits.shown) lines.push(`the menu "${fits.title}" has its title off the screen`);
    if (!fits.reachable) lines.push(`the menu "${fits.title}" runs below the screen`);
    if (fits.overlaid) lines.push(`the menu "${fits.title}" opens over another`);
    await closeOpened(i);
    if (!wasOpen) opened.push(i);
  }
  await closeOpened();
  if (!(await tapped(page.locator('.text-list .cite-button[data-cite="GT-AV"]'))))
    return [...lines, "the text list's Cite button cannot be tapped"];
  await page.locator('dialog.cite').waitFor();
  for (const selector of ['#cite-title', '.cite__close'])
    if (!(await onScreen(selector))) lines.push(`the Cite dialog's ${selector} is off the screen`);
  await page.keyboard.press('Escape');
  await page.locator('dialog.cite').waitFor({ state: 'detached' });
  return lines;
}

/**
 * Each size in both fonts and both languages, in pairs: at each size one font shows English and the
 * other Spanish, and the next size swaps them. So every size is seen in each font and each language,
 * and each font in each language, in half the page loads of every combination (docs/PERFORMANCE.md).
 */
const LANGS = ['en', 'es'] as const;
const langAt = (fontIndex: number, sizeIndex: number) => LANGS[(fontIndex + sizeIndex) % LANGS.length];

TEST_FONTS.forEach((font, fontIndex) => {
  describe(`every screen size, ${font}`, () => {
    const open = freshSessionPerTest(font);
    let sizeIndex = 0;
    for (const [group, sizes] of Object.entries(SIZES)) {
      const asked = sizes.map((size) => ({ size, lang: langAt(fontIndex, sizeIndex++) }));
      const named = asked.map(({ size: [w, h], lang }) => `${w}×${h} ${lang}`).join(', ');
      it(`shows the whole story at the default view: ${group} (${named})`, async () => {
        const { page, server } = await open({ reducedMotion: 'reduce' });
        const found: Record<string, string[]> = {};
        for (const {
          size: [width, height],
          lang,
        } of asked) {
          await page.setViewportSize({ width, height });
          // A fresh load at each size: the page's own link would keep the view of the last one.
          await page.goto('about:blank');
          await page.goto(`${server.url}#lang=${lang}`);
          await waitForReady(page);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          const lines = await problems(page);
          if (lines.length > 0) found[`${width}×${height}, ${lang}`] = lines;
        }
        expect(await pageFontIs(page, font), `the page's font is ${font}`).toBe(true);
        expect(found).toEqual({});
      });
    }
  });
});
