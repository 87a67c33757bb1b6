/**
 * Frames while the map is dragged, measured in pairs as first visits are: each page loaded in a new
 * context of one browser, left to settle, then dragged; the pages alternate and the ratio is taken
 * round by round, so that a slow minute of the machine weighs on both halves of a pair.
 */
import { performance } from 'node:perf_hooks';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Browser, JSHandle, Page } from 'playwright-core';
import { mapHandle } from '../scripts/app-page.ts';
import { alternatingVisits, pairedWith, type VisitTarget } from './first-visit.ts';
import { loadToMilestones, type Served, sleep } from './measure.ts';
import { METHOD } from './method.ts';
import { type Counted, startCounting, stopCounting } from './page-scripts.ts';
import { type Quartiles, quartiles } from './stats.ts';

export type Drag = Counted & { rendersPerSecond: number };

/** A drag at about 60 mouse events a second, swinging around the centre so the map stays in view. */
export async function dragMap(page: Page, map: JSHandle<MapLibreMap>): Promise<Drag> {
  const box = await page.locator('#map canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('The map canvas has no box');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await map.evaluate(startCounting);
  await page.mouse.down();
  const start = performance.now();
  for (let t = 0; t < METHOD.dragMs; t = performance.now() - start) {
    const phase = (t / METHOD.dragMs) * 2 * Math.PI;
    await page.mouse.move(cx + 200 * Math.sin(phase), cy + 100 * Math.sin(2 * phase));
    await sleep(16 - ((performance.now() - start) % 16));
  }
  await page.mouse.move(cx, cy);
  await page.mouse.up();
  const counted = await page.evaluate(stopCounting);
  return { ...counted, rendersPerSecond: (counted.renders / counted.ms) * 1000 };
}

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
