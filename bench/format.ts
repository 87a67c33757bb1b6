import type { Quartiles, Stats } from './stats.ts';

export const KB = 1000;

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
export const kb = (n: number) => `${(n / KB).toFixed(1)} kB`;
export const range = (s: Stats, unit: (n: number) => string) =>
  `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`;
// Three decimals: at two, a ratio of 0.896 would read 0.90 beside a failed 0.9 budget.
export const ratio = (value: number) => value.toFixed(3);
/** A median and its interquartile range: "940 ms (IQR 911 ms–976 ms)". */
export const iqr = (q: Quartiles, unit: (n: number) => string) =>
  `${unit(q.median)} (IQR ${unit(q.q1)}–${unit(q.q3)})`;
/** A ratio's median and interquartile range: "1.178× (IQR 1.089–1.351)". */
export const ratioIqr = (q: Quartiles) => `${ratio(q.median)}× (IQR ${ratio(q.q1)}–${ratio(q.q3)})`;
