/**
 * Frames while the map is dragged, measured in pairs as first visits are: each page loaded in a new
 * context of one browser, left to settle, then dragged; the pages alternate and the ratio is taken
 * round by round, so that a slow minute of the machine weighs on both halves of a pair.
 */
import type { Browser } from 'playwright-core';
import { mapHandle } from '../scripts/app-page.ts';
import { type Drag, dragMap } from './drag-map.ts';
import { alternatingVisits, pairedWith, type VisitTarget } from './first-visit.ts';
import { loadToMilestones, type Served, sleep } from './measure.ts';
import { METHOD } from './method.ts';
import { type Quartiles, quartiles } from './stats.ts';

export interface DragVisit extends Drag {
  target: VisitTarget;
  pair: number;
}

/** `served` loaded in a new context of `browser`, left METHOD.drag.settleMs after its first idle, dragged. */
async function loadAndDrag(browser: Browser, served: Served): Promise<Drag> {
  const context = await browser.newContext({ viewport: METHOD.viewport });
  try {
    const page = await context.newPage();
    await loadToMilestones(page, served, { what: `${served.target} before a drag` });
    await sleep(METHOD.drag.settleMs);
    return await dragMap(page, await mapHandle(page));
  } finally {
    await context.close();
  }
}

/** METHOD.drag.pairs rounds of a drag of each of `pages`, in turn, in `browser`. */
export const dragVisits = (
  browser: Browser,
  pages: Served[],
  log: (visit: DragVisit) => void = () => {},
): Promise<DragVisit[]> =>
  alternatingVisits(pages, METHOD.drag.pairs, 0, (served) => loadAndDrag(browser, served), log);

export interface DragSummary {
  pairs: number;
  app: Quartiles;
  baseline: Quartiles;
  sameData?: Quartiles;
  /** Renders a second, app ÷ bare MapLibre, round by round. */
  ratio: Quartiles;
  /** …app ÷ the same-data page: what the app's own code costs a drag. */
  sameDataRatio?: Quartiles;
  /** …the same-data page ÷ bare MapLibre: what the richer data costs. */
  dataRatio?: Quartiles;
}

/** Each round's `over` renders a second divided by its `under`'s. */
const roundRatios = (visits: DragVisit[], over: VisitTarget, under: VisitTarget): number[] =>
  pairedWith(visits, under, over).map(([top, bottom]) => top.rendersPerSecond / bottom.rendersPerSecond);

export function summariseDrags(visits: DragVisit[]): DragSummary {
  const of = (target: VisitTarget) =>
    quartiles(visits.filter((v) => v.target === target).map((v) => v.rendersPerSecond));
  const ratio = roundRatios(visits, 'app', 'baseline');
  const sameData = visits.some((v) => v.target === 'same-data');
  return {
    pairs: ratio.length,
    app: of('app'),
    baseline: of('baseline'),
    ratio: quartiles(ratio),
    ...(sameData
      ? {
          sameData: of('same-data'),
          sameDataRatio: quartiles(roundRatios(visits, 'app', 'same-data')),
          dataRatio: quartiles(roundRatios(visits, 'same-data', 'baseline')),
        }
      : {}),
  };
}
