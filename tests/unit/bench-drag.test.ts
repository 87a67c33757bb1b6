import { describe, expect, it } from 'vitest';
import { type DragVisit, summariseDrags } from '../../bench/drag.ts';

const drag = (target: DragVisit['target'], pair: number, rendersPerSecond: number): DragVisit => ({
  target,
  pair,
  rendersPerSecond,
  renders: rendersPerSecond * 2,
  frames: rendersPerSecond * 2,
  ms: 2000,
});

describe('paired drags', () => {
  // Renders a second of app, same-data page and bare MapLibre in each round. The ratio is of each
  // round's pages (median 10 ÷ 12), not of the pages' medians (15 ÷ 19).
  const rounds = [
    [10, 11, 12],
    [15, 16, 20],
    [18, 19, 19],
  ];
  const visits = rounds.flatMap(([app, sameData, bare], i) => [
    drag('app', i + 1, app as number),
    drag('same-data', i + 1, sameData as number),
    drag('baseline', i + 1, bare as number),
  ]);

  it('takes each ratio round by round', () => {
    const s = summariseDrags(visits);
    expect(s.pairs).toBe(3);
    expect(s.app.median).toBe(15);
    expect(s.baseline.median).toBe(19);
    expect(s.ratio.median).toBeCloseTo(10 / 12);
    expect(s.ratio.q3).toBeCloseTo((10 / 12 + 18 / 19) / 2);
    expect(s.sameDataRatio?.median).toBeCloseTo(15 / 16);
    expect(s.dataRatio?.median).toBeCloseTo(11 / 12);
  });

  it('leaves the same-data figures out when that page was not dragged', () => {
    const s = summariseDrags(visits.filter((v) => v.target !== 'same-data'));
    expect(s.sameData).toBeUndefined();
    expect(s.sameDataRatio).toBeUndefined();
    expect(s.dataRatio).toBeUndefined();
  });

  it('refuses a round that lacks a page', () => {
    expect(() => summariseDrags(visits.filter((v) => !(v.target === 'baseline' && v.pair === 2)))).toThrow(
      /round 2 has no baseline/i,
    );
  });
});
