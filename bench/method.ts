import type { Graphics } from '../scripts/browser.ts';

/** What the benchmark does, in numbers: the measuring code follows these and the report cites them. */
export const METHOD = {
  viewport: { width: 1280, height: 800 },
  /**
   * As the browser chooses, as a reader's does (scripts/browser.ts's Graphics); `--graphics
   * swiftshader` measures as every figure before 2026-12-08 was (docs/PERFORMANCE.md).
   */
  graphics: 'browser' as Graphics,
  /** Measured runs of each page unless `--runs N` says otherwise. */
  runs: 5,
  dragMs: 2000,
  /**
   * Drags measured apart from the runs above, as first visits are: rounds of each page in a new context,
   * in turn, each dragged once it has stood this long after its first idle, the ratio taken round by round.
   */
  drag: { pairs: 10, settleMs: 2000 },
  clicksPerRun: 3,
  /** The Alta Verapaz polygon. */
  clickAt: [-90.2, 15.6] as [number, number],
  /**
   * Slider days (from 1 Nov 2006) a run moves the timeline to, across its boundaries: 2006-12-15,
   * 2008-01-01, 2010-12-25, 2011-02-19, 2011-11-30, 2012-01-15, and back to 2008-01-01.
   */
  dates: [44, 426, 1515, 1571, 1855, 1901, 426],
  /** The standing map's frames are counted this long; then the story plays through, five steps. */
  stillMs: 3000,
  playMs: 5 * 4500,
  /** PNG saves a run, after the timeline. */
  pictures: 3,
  /**
   * First visits: pairs of loads, each in a new browser after a rest with nothing running. The rest
   * is the shortest after which a longer one changed nothing (`npm run bench -- --rest-sweep`).
   */
  firstVisit: { pairs: 10, restMs: 10_000 },
  /**
   * Second visits as a reader has them: a first visit in a new profile, then the browser started
   * again on it, each after the first visits' rest; the first PNG save follows each second visit.
   */
  restedSecondVisit: { pairs: 6 },
  /** `--profile`: traced first visits of the app and the same-data page, as first visits are made. */
  profile: { pairs: 3 },
  restSweepMs: [0, 5_000, 10_000, 20_000],
  restSweepPairs: 4,
  exportWarmup: 5,
  exportRuns: 20,
} as const;

export type Target = 'app' | 'baseline';
