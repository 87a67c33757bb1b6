/** Medians and ranges over the measured runs, app and baseline side by side. */

import type { DragSummary } from './drag.ts';
import { bytesByKind } from './files.ts';
import type { FirstVisitSummary } from './first-visit.ts';
import type { Run } from './measure.ts';
import type { Target } from './method.ts';
import type { RestedSecondSummary } from './rested-second-visit.ts';
import type { SecondVisit } from './second-visit.ts';
import type { SlowSummary } from './slow-first-view.ts';

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export type Pair = Record<Target, Stats>;

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

export interface Quartiles extends Stats {
  /** The first and third quartiles (linear between the closest ranks, as numpy's default). */
  q1: number;
  q3: number;
}

export function quartiles(values: number[]): Quartiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const rank = q * (sorted.length - 1);
    const low = Math.floor(rank);
    const high = Math.min(low + 1, sorted.length - 1);
    return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (rank - low);
  };
  return { ...stats(values), q1: at(0.25), q3: at(0.75) };
}

/** The measured (not warm-up) runs of each page, in the order they ran. */
export function byTarget(runs: Run[]): Record<Target, Run[]> {
  const measured = runs.filter((r) => !r.warmup);
  return {
    app: measured.filter((r) => r.target === 'app'),
    baseline: measured.filter((r) => r.target === 'baseline'),
  };
}

export function summarise(
  runs: Run[],
  exportMs: number[],
  secondVisits: SecondVisit[],
  drag: DragSummary,
  firstVisit: FirstVisitSummary,
  restedSecondVisit: RestedSecondSummary,
  slow: SlowSummary,
) {
  const of = byTarget(runs);
  const pair = (value: (r: Run) => number): Pair => ({
    app: stats(of.app.map(value)),
    baseline: stats(of.baseline.map(value)),
  });
  const [firstApp, firstBaseline] = [of.app[0], of.baseline[0]];
  if (!firstApp || !firstBaseline) throw new Error('No measured run of the app or of the baseline');
  return {
    /** Rested first visits, each in a new browser: what the idle budget is checked on. */
    firstVisit,
    /** Drags in rounds of the three pages, each loaded and settled: what the drag budget is checked on. */
    drag,
    /** Second visits and PNG saves in the browser started again on a first visit's profile. */
    restedSecondVisit,
    /** A phone on a slow connection, with and without the first view's picture. */
    slow,
    /** The older method's first idle: loads back to back in one warm browser. */
    idle: pair((r) => r.idleMs),
    phases: {
      domContentLoaded: pair((r) => r.phases.domContentLoaded),
      mapCreated: pair((r) => r.phases.mapCreated),
      mapLoad: pair((r) => r.phases.mapLoad),
    },
    fps: pair((r) => r.drag.rendersPerSecond),
    rendersIn2s: pair((r) => r.drag.renders),
    rafIn2s: pair((r) => r.drag.frames),
    popup: stats(of.app.flatMap((r) => r.clickToPopupMs)),
    png: stats(of.app.flatMap((r) => r.pngMs ?? [])),
    svg: stats(of.app.flatMap((r) => r.svgMs ?? [])),
    dateToIdle: stats(of.app.flatMap((r) => r.timeline?.dateToIdleMs ?? [])),
    stillFps: stats(of.app.map((r) => r.timeline?.stillFps ?? Number.NaN)),
    playingFps: stats(of.app.map((r) => r.timeline?.playingFps ?? Number.NaN)),
    /** Each run's frames while playing over its frames standing still. */
    playRatio: stats(
      of.app.map((r) => (r.timeline ? r.timeline.playingFps / r.timeline.stillFps : Number.NaN)),
    ),
    export: stats(exportMs),
    secondVisit: stats(secondVisits.map((v) => v.idleMs)),
    /** The fewest of a second visit's responses that came from the worker, as a share of them all. */
    fromWorker: Math.min(...secondVisits.map((v) => v.fromWorker / v.responses)),
    registrationGzip: Math.max(...secondVisits.map((v) => v.registration.reduce((n, f) => n + f.gzip, 0))),
    appBytes: bytesByKind(firstApp.files),
    baselineBytes: bytesByKind(firstBaseline.files),
  };
}

export type Summary = ReturnType<typeof summarise>;
