/** What the app must hold against the baseline and in absolute terms; `npm run bench` fails otherwise. */
import { iqr, KB, kb, ms, ratio, ratioIqr } from './format.ts';
import type { LargeSummary } from './large-files.ts';
import type { Stats, Summary } from './stats.ts';

export const BUDGETS = {
  /** A rested first visit in a new browser: the median of the pairs' ratios. */
  firstVisitRatio: 1.2,
  /** The same, against bare MapLibre drawing the app's own basemap files. */
  sameDataRatio: 1.1,
  dragRatio: 0.95,
  appJsGzip: 40 * KB,
  dataFontsGzip: 150 * KB,
  clickToPopupMs: 100,
  exportMs: 50,
  dateToIdleMs: 50,
  pngMs: 1500,
  svgMs: 300,
  playRatio: 0.9,
  /** A second visit, served by the service worker, against the first (no worker yet). */
  secondVisitRatio: 1,
  /** A phone on a slow connection: the first view's picture painted, from navigation start. */
  slowPictureMs: 1500,
  /** …and the map ready with the picture over without it: no later, within the noise of 5 pairs. */
  slowReadyRatio: 1.05,
  registrationGzip: 3 * KB,
};

export interface BudgetResult {
  name: string;
  value: string;
  ok: boolean;
}

/** The older method's ratio (loads back to back in one warm browser), reported beside the new one. */
export const idleRatio = (s: Summary) => s.idle.app.median / s.idle.baseline.median;
export const dragRatio = (s: Summary) => s.fps.app.median / s.fps.baseline.median;
export const secondVisitRatio = (s: Summary) => s.secondVisit.median / s.idle.app.median;

export function checkBudgets(s: Summary): BudgetResult[] {
  const appJs = s.appBytes['App JS'].gzip;
  const dataFonts = s.appBytes.Data.gzip + s.appBytes.Fonts.gzip;
  return [
    {
      name: `First visit (a new browser, rested): first idle ≤ ${BUDGETS.firstVisitRatio}× baseline (median of ${s.firstVisit.pairs} pairs)`,
      value: `${ratioIqr(s.firstVisit.ratio)}`,
      ok: s.firstVisit.ratio.median <= BUDGETS.firstVisitRatio,
    },
    ...(s.firstVisit.sameDataRatio
      ? [
          {
            name: `First visit: first idle ≤ ${BUDGETS.sameDataRatio}× bare MapLibre with the app's basemap files`,
            value: `${ratioIqr(s.firstVisit.sameDataRatio)}`,
            ok: s.firstVisit.sameDataRatio.median <= BUDGETS.sameDataRatio,
          },
        ]
      : []),
    {
      name: `Map renders while dragging ≥ ${BUDGETS.dragRatio}× baseline (median of ${s.drag.pairs} rounds)`,
      value: `${ratioIqr(s.drag.ratio)}`,
      ok: s.drag.ratio.median >= BUDGETS.dragRatio,
    },
    {
      name: `Second visit, the browser started again, from the service worker: first idle ≤ ${BUDGETS.secondVisitRatio}× its first visit's (median of ${s.restedSecondVisit.pairs} pairs)`,
      value: `${ratio(s.restedSecondVisit.ratio.median)}× (IQR ${ratio(s.restedSecondVisit.ratio.q1)}–${ratio(s.restedSecondVisit.ratio.q3)}; ${Math.round(s.restedSecondVisit.fromWorker * 100)}% from the worker)`,
      ok:
        s.restedSecondVisit.ratio.median <= BUDGETS.secondVisitRatio && s.restedSecondVisit.fromWorker === 1,
    },
    {
      name: `Slow phone connection: the first view's picture painted ≤ ${ms(BUDGETS.slowPictureMs)} (median of ${s.slow.pairs})`,
      value: s.slow.picture ? `${iqr(s.slow.picture, ms)}` : 'not painted in every load',
      ok: s.slow.picture !== null && s.slow.picture.median <= BUDGETS.slowPictureMs,
    },
    {
      name: `Slow phone connection: map ready with the picture ≤ ${BUDGETS.slowReadyRatio}× without it (median of pairs)`,
      value: `${ratioIqr(s.slow.readyRatio)}`,
      ok: s.slow.readyRatio.median <= BUDGETS.slowReadyRatio,
    },
    {
      name: `Offline registration loaded after ready (workbox-window) ≤ ${kb(BUDGETS.registrationGzip)} gzipped`,
      value: kb(s.registrationGzip),
      ok: s.registrationGzip > 0 && s.registrationGzip <= BUDGETS.registrationGzip,
    },
    {
      name: `App's own JS ≤ ${kb(BUDGETS.appJsGzip)} gzipped`,
      value: kb(appJs),
      ok: appJs <= BUDGETS.appJsGzip,
    },
    {
      name: `Data + fonts on first load ≤ ${kb(BUDGETS.dataFontsGzip)} gzipped`,
      value: kb(dataFonts),
      ok: dataFonts <= BUDGETS.dataFontsGzip,
    },
    {
      name: `Click → popup ≤ ${BUDGETS.clickToPopupMs} ms (median)`,
      value: ms(s.popup.median),
      ok: s.popup.median <= BUDGETS.clickToPopupMs,
    },
    {
      name: `Timeline date change → map idle ≤ ${BUDGETS.dateToIdleMs} ms (median)`,
      value: ms(s.dateToIdle.median),
      ok: s.dateToIdle.median <= BUDGETS.dateToIdleMs,
    },
    {
      name: `Frames while the story plays ≥ ${BUDGETS.playRatio}× standing still (median of runs)`,
      value: `${ratio(s.playRatio.median)}×`,
      ok: s.playRatio.median >= BUDGETS.playRatio,
    },
    {
      name: `Save image (PNG, 2×), the first save after a rested second visit ≤ ${BUDGETS.pngMs} ms (median of ${s.restedSecondVisit.pairs})`,
      value: `${iqr(s.restedSecondVisit.png, ms)}`,
      ok: s.restedSecondVisit.png.median <= BUDGETS.pngMs,
    },
    {
      name: `Save vector image (SVG) ≤ ${BUDGETS.svgMs} ms (median)`,
      value: ms(s.svg.median),
      ok: s.svg.median <= BUDGETS.svgMs,
    },
    {
      name: `Export build ≤ ${BUDGETS.exportMs} ms (median)`,
      value: ms(s.export.median),
      ok: s.export.median <= BUDGETS.exportMs,
    },
  ];
}

/** A reader's large files (issue 34, `npm run bench -- --only large-files`). */
export const LARGE_FILE_BUDGETS = {
  /** 100,000 points from a 10 MB GeoJSON: the drop to the first frame with them drawn. */
  drawn100kMs: 2500,
  /** No main-thread task longer than this from the drop to drawn. */
  longestTaskMs: 200,
  /** Frames while dragging with the 100k file over frames without it. */
  dragRatio: 0.8,
  /** 1,000,000 CSV rows: drawn (clustered). */
  rows1mMs: 15_000,
  /** The tab's memory after the 100k file over before it. */
  memoryMB: 150,
};

export function checkLargeFileBudgets(s: LargeSummary): BudgetResult[] {
  const b = LARGE_FILE_BUDGETS;
  const spread = (x: Stats, unit: (n: number) => string) =>
    `${unit(x.median)} (${unit(x.min)}–${unit(x.max)})`;
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  const memory = s.points.tabDeltaMB ?? s.points.heapDeltaMB;
  return [
    {
      name: `100k points (10 MB GeoJSON): drop → drawn ≤ ${ms(b.drawn100kMs)} (median)`,
      value: spread(s.points.drawnMs, ms),
      ok: s.points.drawnMs.median <= b.drawn100kMs,
    },
    {
      name: `100k points: longest main-thread task from the drop to drawn ≤ ${ms(b.longestTaskMs)} (median)`,
      value: spread(s.points.longestTaskMs, ms),
      ok: s.points.longestTaskMs.median <= b.longestTaskMs,
    },
    {
      name: `100k points: frames while dragging ≥ ${b.dragRatio}× without the file (median)`,
      value: `${spread(s.points.fpsRatio, ratio)}×`,
      ok: s.points.fpsRatio.median >= b.dragRatio,
    },
    {
      name: `1M CSV rows: drawn (clustered) ≤ ${ms(b.rows1mMs)} (median)`,
      value: `${s.rows.outcome}, ${spread(s.rows.ms, ms)}`,
      ok: s.rows.outcome === 'drawn' && s.rows.ms.median <= b.rows1mMs,
    },
    {
      name: `100k points: ${s.points.tabDeltaMB ? "the tab's memory (every agent)" : 'the JS heap'} ≤ ${b.memoryMB} MB more than before (median)`,
      value: spread(memory, mb),
      ok: memory.median <= b.memoryMB,
    },
  ];
}
