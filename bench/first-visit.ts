/**
 * First visits as a reader has them: each load in a browser started for it alone (a new, empty
 * profile: no HTTP cache, no compiled code, no GPU shader cache), after a rest, app and baseline
 * alternating; the ratio is taken pair by pair, so a slow minute of the machine weighs on both.
 */
import { launchBenchBrowser } from './browser.ts';
import { loadToMilestones, type Milestones, type Served, sleep } from './measure.ts';
import { METHOD, type Target } from './method.ts';
import { type Quartiles, quartiles, stats } from './stats.ts';

/**
 * The app, bare MapLibre with 110m countries, bare MapLibre with the app's own basemap files, and the
 * app without the reader's own files (the A/B of what they cost).
 */
export type VisitTarget = Target | 'same-data' | 'without-your-data' | 'without-first-view';

export interface FirstVisit {
  target: VisitTarget;
  pair: number;
  restMs: number;
  idleMs: number;
  milestones: Milestones;
}

/** One load of `served` in a browser of its own, to its first idle. */
export async function firstVisit(served: Served): Promise<Milestones> {
  const browser = await launchBenchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: METHOD.viewport })).newPage();
    return await loadToMilestones(page, served, { what: `${served.target} first visit` });
  } finally {
    await browser.close();
  }
}

/**
 * `pairs` rounds of one `visit` of each page, each after `restMs` of nothing; the order turns every
 * round, so that no page always follows the same one.
 */
export async function alternatingVisits<V extends object>(
  pages: Served[],
  pairs: number,
  restMs: number,
  visit: (served: Served) => Promise<V>,
  log: (visit: V & { target: VisitTarget; pair: number }) => void = () => {},
): Promise<(V & { target: VisitTarget; pair: number })[]> {
  const visits: (V & { target: VisitTarget; pair: number })[] = [];
  for (let pair = 1; pair <= pairs; pair++) {
    const turn = (pair - 1) % pages.length;
    const order = [...pages.slice(turn), ...pages.slice(0, turn)];
    for (const served of order) {
      await sleep(restMs);
      const measured = { target: served.target, pair, ...(await visit(served)) };
      visits.push(measured);
      log(measured);
    }
  }
  return visits;
}

/** Rested first visits of `pages`, alternating (alternatingVisits). */
export const firstVisits = (
  pages: Served[],
  pairs: number,
  restMs: number,
  log: (visit: FirstVisit) => void = () => {},
): Promise<FirstVisit[]> =>
  alternatingVisits(
    pages,
    pairs,
    restMs,
    async (served) => {
      const milestones = await firstVisit(served);
      return { restMs, idleMs: milestones.idle, milestones };
    },
    log,
  );

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
  /** Each page's median milestones: where on the way to the first idle one page falls behind another. */
  milestones: Partial<Record<VisitTarget, Milestones>>;
  /** How far the app is behind the same-data baseline at each milestone, pair by pair (milestoneGaps). */
  behindSameData?: Milestones;
}

/** Each round's `over` visit paired with its `under` visit (the app and a baseline, unless named). */
export function pairedWith<V extends { target: VisitTarget; pair: number }>(
  visits: V[],
  under: VisitTarget,
  over: VisitTarget = 'app',
): [V, V][] {
  return visits
    .filter((v) => v.target === over)
    .map((top) => {
      const other = visits.find((v) => v.target === under && v.pair === top.pair);
      if (!other) throw new Error(`Round ${top.pair} has no ${under} load`);
      return [top, other];
    });
}

/** Each round's app load against its `target` load. */
export const ratiosTo = (visits: FirstVisit[], target: VisitTarget): number[] =>
  pairedWith(visits, target).map(([app, other]) => app.idleMs / other.idleMs);

/** The median of each milestone over `loads`. */
function medianOf(loads: Milestones[]): Milestones {
  const names = Object.keys(loads[0] ?? {}) as (keyof Milestones)[];
  return Object.fromEntries(
    names.map((name) => [name, stats(loads.map((m) => m[name])).median]),
  ) as Milestones;
}

/** How far the app is behind its `target` load at each milestone: the median of the rounds' differences. */
export function milestoneGaps(visits: FirstVisit[], target: VisitTarget): Milestones {
  return medianOf(
    pairedWith(visits, target).map(
      ([app, other]) =>
        Object.fromEntries(
          Object.entries(app.milestones).map(([name, at]) => [
            name,
            at - other.milestones[name as keyof Milestones],
          ]),
        ) as Milestones,
    ),
  );
}

/** Each page's median of each milestone over its visits. */
export function medianMilestones(visits: FirstVisit[]): Partial<Record<VisitTarget, Milestones>> {
  const targets = [...new Set(visits.map((v) => v.target))];
  return Object.fromEntries(
    targets.map((target) => [
      target,
      medianOf(visits.filter((v) => v.target === target).map((v) => v.milestones)),
    ]),
  );
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
    milestones: medianMilestones(visits),
    ...(sameData
      ? {
          sameDataRatio: quartiles(ratiosTo(visits, 'same-data')),
          sameData: idle('same-data'),
          behindSameData: milestoneGaps(visits, 'same-data'),
        }
      : {}),
  };
}
