import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppSession, openApp, waitForReady, withMap } from '../../scripts/app-page.ts';
import { launchTestBrowser } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchTestBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A placed symbol (or drawn line): its feature id and text, and where its point is on the canvas. */
interface Placed {
  id: string;
  text: string;
  at: [number, number] | null;
}

/**
 * What each layer shows once MapLibre has settled its label placement. `queryRenderedFeatures` on a
 * symbol layer returns only the symbols it placed. Placement is redone while the map renders, so the
 * map is drawn once more and read at the idle that follows.
 */
async function placed(page: Page, layers: string[]): Promise<Record<string, Placed[]>> {
  return withMap(
    page,
    async (map, ids: string[]) => {
      await new Promise((resolve) => {
        map.once('idle', resolve);
        map.triggerRepaint();
      });
      return Object.fromEntries(
        ids.map((id) => [
          id,
          map.queryRenderedFeatures({ layers: [id] }).map((f) => {
            const point =
              f.geometry.type === 'Point' ? map.project(f.geometry.coordinates as [number, number]) : null;
            return {
              id: String(f.properties.id ?? f.id ?? ''),
              text: String(f.properties.label ?? f.properties.name ?? ''),
              at: point ? ([point.x, point.y] as [number, number]) : null,
            };
          }),
        ]),
      );
    },
    layers,
  );
}

const ids = (features: Placed[] = []) => [...new Set(features.map((f) => f.id))].sort();
const texts = (features: Placed[] = []) => [...new Set(features.map((f) => f.text))];

function expectClean(session: AppSession): void {
  expect(session.errors, 'console and page errors').toEqual([]);
  // A glyph missing from the page's own files is no error to MapLibre: it warns and draws it itself.
  expect(session.warnings.filter((w) => /Unable to load glyph range/.test(w))).toEqual([]);
}

const SYMBOLS = [
  'militarised-policing-label',
  'alta-verapaz-label',
  'alta-verapaz-callout-label',
  'alta-verapaz-callout-leader',
  'country-labels',
  'capital-labels',
  'department-capital-labels',
];

describe('labels at the default view, 1280×800', () => {
  let session: AppSession;
  let shown: Record<string, Placed[]>;
  beforeAll(async () => {
    session = await openApp(browser, { reducedMotion: 'reduce' });
    await waitForReady(session.page);
    shown = await placed(session.page, SYMBOLS);
  });
  afterAll(() => session?.close());

  it("places the three militarised countries' dates, Guatemala's the report's news", () => {
    expect(ids(shown['militarised-policing-label'])).toEqual(['GTM', 'HND', 'MEX']);
    expect(texts(shown['country-labels'])).toEqual(
      expect.arrayContaining(['Guatemala', 'Honduras', 'Mexico']),
    );
    expectClean(session);
  });

  it('points a callout at Alta Verapaz from open sea, where its own label would not fit', async () => {
    const [label] = shown['alta-verapaz-callout-label'] ?? [];
    expect(label?.id).toBe('GT-AV');
    // Ended by the report's date: the label says when the measure held.
    expect(label?.text).toBe('Alta Verapaz: army special powers\n19 Dec 2010 – 18 Feb 2011');
    expect(ids(shown['alta-verapaz-callout-leader'])).toEqual(['GT-AV']);
    expect(shown['alta-verapaz-label']).toEqual([]);
    expect(label?.at, 'the callout label has a point on the canvas').toEqual([
      expect.any(Number),
      expect.any(Number),
    ]);
    const result = await withMap(
      session.page,
      (map, start: [number, number]) => {
        const [x, y] = start;
        const layers = ['countries-fill', 'alta-verapaz-fill'];
        const under = (dx: number, dy: number) =>
          map.queryRenderedFeatures([x + dx, y + dy], { layers }).map((f) => String(f.layer.id));
        // The department's own anchor, where the leader starts: inside the drawn department.
        const leader = map.queryRenderedFeatures({ layers: ['alta-verapaz-callout-leader'] })[0];
        const from = leader?.geometry.type === 'LineString' ? leader.geometry.coordinates[0] : undefined;
        const anchor = from ? map.project(from as [number, number]) : undefined;
        return {
          // Where the text begins and on along its middle: nothing but sea.
          land: [0, 20, 60, 100].flatMap((dx) => under(dx, 0)),
          inDepartment: anchor
            ? [
                ...new Set(
                  map
                    .queryRenderedFeatures(anchor, { layers: ['alta-verapaz-fill'] })
                    .map((f) => f.properties.id),
                ),
              ]
            : [],
          distance: anchor ? Math.hypot(anchor.x - x, anchor.y - y) : 0,
          width: map.getCanvas().clientWidth,
        };
      },
      label?.at ?? [Number.NaN, Number.NaN],
    );
    expect(result.land).toEqual([]);
    expect(result.inDepartment).toEqual(['GT-AV']);
    // Far enough from the department to be clear of Guatemala's own labels, near enough to follow.
    expect(result.distance).toBeGreaterThan(40);
    expect(result.distance).toBeLessThan(200);
    expect(label?.at?.[0] ?? 0).toBeLessThan(result.width - 150);
  });

  it('names capitals where they fit, after the report’s own labels', () => {
    expect(texts(shown['capital-labels'])).toEqual(expect.arrayContaining(['Mexico City', 'Washington']));
    // Cobán waits until Alta Verapaz can carry its own label; the callout finds it until then.
    expect(shown['department-capital-labels']).toEqual([]);
  });
});

describe('labels on a phone, 390×844', () => {
  let session: AppSession;
  let shown: Record<string, Placed[]>;
  beforeAll(async () => {
    session = await openApp(browser, { viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    await waitForReady(session.page);
    shown = await placed(session.page, SYMBOLS);
  });
  afterAll(() => session?.close());

  it("keeps the headline: Guatemala's and Mexico's dates and the callout to Alta Verapaz, inside the screen", async () => {
    expect(ids(shown['militarised-policing-label'])).toEqual(expect.arrayContaining(['GTM', 'MEX']));
    expect(ids(shown['alta-verapaz-callout-label'])).toEqual(['GT-AV']);
    expect(ids(shown['alta-verapaz-callout-leader'])).toEqual(['GT-AV']);
    const width = await session.page.evaluate(() => document.getElementById('map')?.clientWidth ?? 0);
    const [x] = shown['alta-verapaz-callout-label']?.[0]?.at ?? [0];
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(width - 120);
    expectClean(session);
  });

  it('leaves the capitals for a closer view, where they would crowd the small map', () => {
    expect(shown['capital-labels']).toEqual([]);
  });
});

describe('labels closer in', () => {
  it('hand Alta Verapaz its own label from the zoom where it can hold one, with Cobán and Guatemala City', async () => {
    const session = await openApp(browser, { reducedMotion: 'reduce', hash: '#6.5/15.3/-90.2' });
    try {
      await waitForReady(session.page);
      const shown = await placed(session.page, SYMBOLS);
      expect(ids(shown['alta-verapaz-label'])).toEqual(['GT-AV']);
      expect(shown['alta-verapaz-callout-label']).toEqual([]);
      expect(shown['alta-verapaz-callout-leader']).toEqual([]);
      expect(texts(shown['department-capital-labels'])).toEqual(['Cobán']);
      expect(texts(shown['capital-labels'])).toEqual(expect.arrayContaining(['Guatemala City']));
      expect(ids(shown['militarised-policing-label'])).toEqual(expect.arrayContaining(['GTM']));
      expectClean(session);
    } finally {
      await session.close();
    }
  });

  it('hide the callout with its layer, as a link that leaves Alta Verapaz out asks', async () => {
    const session = await openApp(browser, {
      reducedMotion: 'reduce',
      hash: '#&layers=transit-flows,militarised-policing',
    });
    try {
      await waitForReady(session.page);
      const shown = await placed(session.page, SYMBOLS);
      expect(shown['alta-verapaz-callout-label']).toEqual([]);
      expect(shown['alta-verapaz-callout-leader']).toEqual([]);
      expect(ids(shown['militarised-policing-label'])).toEqual(['GTM', 'HND', 'MEX']);
    } finally {
      await session.close();
    }
  });
});

describe('names under the map controls', () => {
  it('hides a name a control covers while the map rests, and shows it in a saved picture', async () => {
    // At 360×640 Peru's name falls under the zoom buttons in the corner at the default view.
    const session = await openApp(browser, { viewport: { width: 360, height: 640 } });
    const { page } = session;
    try {
      await waitForReady(page);
      const peruCovered = () =>
        withMap(page, async (map) => {
          await new Promise((resolve) => {
            map.once('idle', resolve);
            map.triggerRepaint();
          });
          return map.getFeatureState({ source: 'map', id: 'labels:PER' }).covered;
        });
      expect(await peruCovered()).toBe(true);
      // The state at the first frame drawn for the picture.
      await withMap(page, (map) => {
        const w = window as unknown as { __inPicture?: unknown };
        map.getContainer().addEventListener(
          'map-picture',
          () => {
            map.once('render', () => {
              w.__inPicture = map.getFeatureState({ source: 'map', id: 'labels:PER' }).covered;
            });
          },
          { once: true },
        );
      });
      await page.getByText('Share', { exact: true }).click();
      await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /Save image of this view as PNG/ }).click(),
      ]);
      expect(await page.evaluate(() => (window as unknown as { __inPicture?: unknown }).__inPicture)).toBe(
        false,
      );
      expect(await peruCovered()).toBe(true);
      expectClean(session);
    } finally {
      await session.close();
    }
  });
});
