/** What the benchmark does, in numbers: the measuring code follows these and the report cites them. */
export const METHOD = {
  viewport: { width: 1280, height: 800 },
  /** Measured runs of each page unless `--runs N` says otherwise. */
  runs: 5,
  dragMs: 2000,
  clicksPerRun: 3,
  /** The Alta Verapaz polygon. */
  clickAt: [-90.2, 15.6] as [number, number],
  exportWarmup: 5,
  exportRuns: 20,
} as const;

export type Target = 'app' | 'baseline';
