import { describe, expect, it } from 'vitest';
import { type FirstVisit, medianMilestones } from '../../bench/first-visit.ts';
import type { Milestones } from '../../bench/measure.ts';
import { milestonesTable } from '../../bench/report.ts';

/** A load whose milestones are `start` plus each step, in the order a load reaches them. */
const load = (start: number): Milestones => ({
  domContentLoaded: start,
  webglAsked: start + 100,
  webglMade: start + 300,
  mapCreated: start + 400,
  firstTile: start + 800,
  mapLoad: start + 1000,
  idle: start + 1100,
});

const visit = (target: FirstVisit['target'], pair: number, start: number): FirstVisit => ({
  target,
  pair,
  restMs: 10_000,
  idleMs: start + 1100,
  milestones: load(start),
});

describe("rested first visits' milestones", () => {
  const visits = [
    visit('app', 1, 300),
    visit('same-data', 1, 100),
    visit('app', 2, 200),
    visit('same-data', 2, 150),
    visit('app', 3, 900),
    visit('same-data', 3, 120),
  ];

  it("takes each page's median of each milestone apart", () => {
    const medians = medianMilestones(visits);
    expect(medians.app).toEqual(load(300));
    expect(medians['same-data']).toEqual(load(120));
    expect(medians.baseline).toBeUndefined();
  });

  it('tables them in the order a load reaches them, with the app behind the same-data page', () => {
    const rows = milestonesTable({ milestones: medianMilestones(visits) });
    expect(rows).toHaveLength(2 + 7);
    expect(rows[2]).toBe('| DOMContentLoaded | 300 ms | 120 ms | — | +180 ms |');
    expect(rows[8]).toBe('| first idle | 1400 ms | 1220 ms | — | +180 ms |');
  });

  it('says a page that is ahead is ahead', () => {
    const [app, same] = [visit('app', 1, 100), visit('same-data', 1, 130)];
    expect(milestonesTable({ milestones: medianMilestones([app, same]) })[8]).toBe(
      '| first idle | 1200 ms | 1230 ms | — | −30 ms |',
    );
  });

  it('tables nothing without the app', () => {
    expect(milestonesTable({ milestones: medianMilestones([visit('same-data', 1, 100)]) })).toEqual([]);
  });
});
