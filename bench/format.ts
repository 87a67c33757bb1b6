import type { Stats } from './stats.ts';

export const KB = 1000;

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
export const kb = (n: number) => `${(n / KB).toFixed(1)} kB`;
export const range = (s: Stats, unit: (n: number) => string) =>
  `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`;
// Three decimals: at two, a ratio of 0.896 would read 0.90 beside a failed 0.9 budget.
export const ratio = (value: number) => value.toFixed(3);
