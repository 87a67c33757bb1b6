/**
 * First visits as a reader has them: each load in a browser started for it alone (a new, empty
 * profile: no HTTP cache, no compiled code, no GPU shader cache), after a rest, app and baseline
 * alternating; the ratio is taken pair by pair, so a slow minute of the machine weighs on both.
 */
import { launchBrowser } from '../scripts/browser.ts';
import { phasesOf, probedPage, type Served, sleep, withTimeout } from './measure.ts';
import { METHOD, type Target } from './method.ts';
import { type Quartiles, quartiles } from './stats.ts';

export interface FirstVisit {
  target: Target;
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

/** `pairs` pairs, each load after `restMs` of nothing, the order swapping every pair. */
export async function firstVisits(
  app: Served,
  baseline: Served,
  pairs: number,
  restMs: number,
  log: (visit: FirstVisit) => void = () => {},
): Promise<FirstVisit[]> {
  const visits: FirstVisit[] = [];
  for (let pair = 1; pair <= pairs; pair++) {
    const order = pair % 2 === 1 ? [app, baseline] : [baseline, app];
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
  app: Quartiles;
  baseline: Quartiles;
}

export function summariseFirstVisits(visits: FirstVisit[]): FirstVisitSummary {
  const of = (target: Target) => visits.filter((v) => v.target === target);
  const app = of('app');
  const baseline = of('baseline');
  const ratios = app.map((a) => {
    const b = baseline.find((v) => v.pair === a.pair);
    if (!b) throw new Error(`First visits: pair ${a.pair} has no baseline load`);
    return a.idleMs / b.idleMs;
  });
  return {
    pairs: ratios.length,
    restMs: visits[0]?.restMs ?? 0,
    ratio: quartiles(ratios),
    app: quartiles(app.map((v) => v.idleMs)),
    baseline: quartiles(baseline.map((v) => v.idleMs)),
  };
}
