import { describe, expect, it } from 'vitest';
import {
  type FirstVisit,
  medianMilestones,
  milestoneGaps,
  summariseFirstVisits,
} from '../../bench/first-visit.ts';
import type { Milestones } from '../../bench/measure.ts';
import { milestonesTable } from '../../bench/report.ts';

/** A load whose milestones are each `start` plus a step of its own, so that no two coincide. */
const load = (start: number, steps: number[] = [0, 100, 300, 400, 800, 1000, 1100]): Milestones => {
  const [d, a, m, c, t, l, i] = steps.map((step) => start + step) as number[];
  return {
    domContentLoaded: d,
    webglAsked: a,
    webglMade: m,
    mapCreated: c,
    firstTile: t,
    mapLoad: l,
    idle: i,
  } as Milestones;
};

const visit = (target: FirstVisit['target'], pair: number, milestones: Milestones): FirstVisit => ({
  target,
  pair,
  restMs: 10_000,
  idleMs: milestones.idle,
  milestones,
});

describe("rested first visits' milestones", () => {
  // The app's median visit is not the median at every milestone: the third load is slow only late.
  const visits = [
    visit('app', 1, load(300)),
    visit('same-data', 1, load(100)),
    visit('baseline', 1, load(90)),
    visit('app', 2, load(200)),
    visit('same-data', 2, load(150)),
    visit('baseline', 2, load(80)),
    visit('app', 3, load(250, [0, 100, 300, 400, 1400, 1600, 1700])),
    visit('same-data', 3, load(120)),
    visit('baseline', 3, load(70)),
  ];

  it("takes each page's median of each milestone apart, not the median visit's", () => {
    const medians = medianMilestones(visits);
    // domContentLoaded: 200, 250, 300 -> 250; firstTile: 1000, 1100, 1650 -> 1100; idle: 1300, 1400, 1950 -> 1400.
    expect(medians.app).toEqual({
      domContentLoaded: 250,
      webglAsked: 350,
      webglMade: 550,
      mapCreated: 650,
      firstTile: 1100,
      mapLoad: 1300,
      idle: 1400,
    });
    expect(medians['same-data']).toEqual(load(120));
    expect(medians.baseline).toEqual(load(80));
  });

  it('takes the gap to the same-data page pair by pair', () => {
    // Pairs' differences at the first tile: 200, 50, 730 -> 200; the medians' difference would be 180.
    expect(milestoneGaps(visits, 'same-data')).toEqual({
      domContentLoaded: 130,
      webglAsked: 130,
      webglMade: 130,
      mapCreated: 130,
      firstTile: 200,
      mapLoad: 200,
      idle: 200,
    });
  });

  it('tables every milestone in the order the app reaches them, each page in its column', () => {
    const rows = milestonesTable(summariseFirstVisits(visits));
    expect(rows.slice(2).map((row) => row.split(' | ')[0])).toEqual([
      '| DOMContentLoaded',
      '| WebGL context asked for (in `new Map()`)',
      '| WebGL context made',
      '| map handed to the page (the app: with its interface built)',
      "| first tile on the page (MapLibre's first `sourcedata` event with a tile)",
      "| the map's `load` event",
      '| first idle',
    ]);
    expect(rows[6]).toBe(
      "| first tile on the page (MapLibre's first `sourcedata` event with a tile) | 1100 ms | 920 ms | 880 ms | +200 ms |",
    );
  });

  it('says a page that is ahead is ahead, and leaves out what was not measured', () => {
    const ahead = [visit('app', 1, load(100)), visit('same-data', 1, load(130))];
    expect(milestonesTable(summariseFirstVisits([...ahead, visit('baseline', 1, load(50))]))[8]).toBe(
      '| first idle | 1200 ms | 1230 ms | 1150 ms | −30 ms |',
    );
    const withoutSameData = [visit('app', 1, load(100)), visit('baseline', 1, load(50))];
    expect(milestonesTable(summariseFirstVisits(withoutSameData))[8]).toBe(
      '| first idle | 1200 ms | — | 1150 ms | — |',
    );
    expect(milestonesTable({ milestones: medianMilestones([visit('same-data', 1, load(100))]) })).toEqual([]);
  });
});
