/**
 * First visits as a reader has them: each load in a browser started for it alone (a new, empty
 * profile: no HTTP cache, no compiled code, no GPU shader cache), after a rest, app and baseline
 * alternating; the ratio is taken pair by pair, so a slow minute of the machine weighs on both.
 */
import { launchBrowser } from '../scripts/browser.ts';
import { phasesOf, probedPage, type Served, sleep, withTimeout } from './measure.ts';
import { METHOD, type Target } from './method.ts';
import { type Quartiles, quartiles } from './stats.ts';

/**
 * The app, bare MapLibre with 110m countries, bare MapLibre with the app's own basemap files, and the
 * app without the reader's own files (the A/B of what they cost).
 */
export type VisitTarget = Target | 'same-data' | 'without-your-data';

export interface FirstVisit {
  target: VisitTarget;
  pair: number;
  restMs: number;
  idleMs: number;
}

/** One load of `served` in a browser of its own, to its first idle. */
export async function firstVisit(served: Served): Promise<number> {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: METHOD.viewport })).newPage();
    const probed = await probedPage(page, served.prefix);
    const ready = probed.signals.next('ready');
    await page.goto(served.url);
    await withTimeout(ready, 60_000, `${served.target} first visit: #map[data-ready=true]`);
    if (probed.errors.length) throw new Error(`${served.target}: page errors: ${probed.errors.join('; ')}`);
    return (await phasesOf(page, served.target)).idle;
  } finally {
    await browser.close();
  }
}

/**
 * `pairs` rounds of one load of each page, each load after `restMs` of nothing; the order turns every
 * round, so that no page always follows the same one.
 */
export async function firstVisits(
  pages: Served[],
  pairs: number,
  restMs: number,
  log: (visit: FirstVisit) => void = () => {},
): Promise<FirstVisit[]> {
  const visits: FirstVisit[] = [];
  for (let pair = 1; pair <= pairs; pair++) {
    const turn = (pair - 1) % pages.length;
    const order = [...pages.slice(turn), ...pages.slice(0, turn)];
    for (const served of order) {
      await sleep(restMs);
      const visit = { target: served.target, pair, restMs, idleMs: await firstVisit(served) };
      visits.push(visit);
      log(visit);
    }
  }
  return visits;
}

export interface FirstVisitSummary {
  pairs: number;
  restMs: number;
  /** app ÷ baseline, pair by pair. */
  ratio: Quartiles;
  /** app ÷ the same-data baseline, pair by pair: what the app's own code costs. */
  sameDataRatio?: Quartiles;
  app: Quartiles;
  baseline: Quartiles;
  sameData?: Quartiles;
}

/** Each round's app load against its `target` load. */
export function ratiosTo(visits: FirstVisit[], target: VisitTarget): number[] {
  return visits
    .filter((v) => v.target === 'app')
    .map((app) => {
      const other = visits.find((v) => v.target === target && v.pair === app.pair);
      if (!other) throw new Error(`First visits: pair ${app.pair} has no ${target} load`);
      return app.idleMs / other.idleMs;
    });
}

export function summariseFirstVisits(visits: FirstVisit[]): FirstVisitSummary {
  const idle = (target: VisitTarget) =>
    quartiles(visits.filter((v) => v.target === target).map((v) => v.idleMs));
  const ratio = ratiosTo(visits, 'baseline');
  const sameData = visits.some((v) => v.target === 'same-data');
  return {
    pairs: ratio.length,
    restMs: visits[0]?.restMs ?? 0,
    ratio: quartiles(ratio),
    app: idle('app'),
    baseline: idle('baseline'),
    ...(sameData
      ? { sameDataRatio: quartiles(ratiosTo(visits, 'same-data')), sameData: idle('same-data') }
      : {}),
  };
}
