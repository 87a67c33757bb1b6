import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  type Boundary,
  boundaryInWords,
  changesBetween,
  dayAt,
  dayIndex,
  featureInterval,
  type Interval,
  labelWithSpan,
  shortBoundary,
  stateAt,
  stateText,
  TIMELINE,
  timelineEvents,
} from '../../src/data/time.ts';
import { addDateRanges } from '../../src/pipeline/date-range.ts';

/** A feature's properties as the pipeline writes them, with the `_earliest`/`_latest` columns. */
function interval(start: [string, string], end?: [string, string]): Interval | undefined {
  const properties: Record<string, unknown> = {
    date_start: start[0],
    date_start_precision: start[1],
    date_start_source: 'a source',
  };
  if (end) Object.assign(properties, { date_end: end[0], date_end_precision: end[1], date_end_source: 'b' });
  const [feature] = addDateRanges({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties, geometry: null }],
  }).features;
  return featureInterval(feature?.properties ?? null);
}

const states = (i: Interval | undefined, days: string[]) => days.map((d) => stateAt(i, d).state);

describe('intervals and states', () => {
  it('a day is a day: in force from that day, not before', () => {
    const day = interval(['2011-11-29', 'day']);
    expect(states(day, ['2011-11-28', '2011-11-29', '2011-11-30'])).toEqual([
      'not-yet',
      'in-force',
      'in-force',
    ]);
  });

  it('a month could mean any of its days: uncertain until its last day', () => {
    const month = interval(['2006-12', 'month']);
    expect(month?.start).toMatchObject({ earliest: '2006-12-01', latest: '2006-12-31' });
    expect(
      states(month, ['2006-11-30', '2006-12-01', '2006-12-15', '2006-12-30', '2006-12-31', '2007-01-01']),
    ).toEqual(['not-yet', 'uncertain', 'uncertain', 'uncertain', 'in-force', 'in-force']);
    expect(stateAt(month, '2006-12-15').boundary).toBe('start');
  });

  it('"day, approximate" is three days either side', () => {
    const about = interval(['2011-02-18', 'day, approximate']);
    expect(about?.start).toMatchObject({ earliest: '2011-02-15', latest: '2011-02-21' });
    expect(states(about, ['2011-02-14', '2011-02-15', '2011-02-20', '2011-02-21'])).toEqual([
      'not-yet',
      'uncertain',
      'uncertain',
      'in-force',
    ]);
  });

  it('an inferred year is still that year, and says it is inferred', () => {
    const year = interval(['2011', 'year, inferred']);
    expect(year?.start).toMatchObject({
      earliest: '2011-01-01',
      latest: '2011-12-31',
      precision: 'year, inferred',
    });
    expect(states(year, ['2010-12-31', '2011-01-01', '2011-12-30', '2011-12-31'])).toEqual([
      'not-yet',
      'uncertain',
      'uncertain',
      'in-force',
    ]);
    expect(boundaryInWords(year?.start as NonNullable<Interval['start']>)).toBe('some day in 2011');
  });

  it('an end: in force the day before, ended on the day it is lifted; a month end is uncertain', () => {
    const lifted = interval(['2010-12-19', 'day'], ['2011-02-18', 'day']);
    expect(states(lifted, ['2010-12-18', '2010-12-19', '2011-02-17', '2011-02-18', '2011-02-19'])).toEqual([
      'not-yet',
      'in-force',
      'in-force',
      'ended',
      'ended',
    ]);
    const monthEnd = interval(['2010-12-19', 'day'], ['2011-02', 'month']);
    expect(states(monthEnd, ['2011-01-31', '2011-02-01', '2011-02-27', '2011-02-28'])).toEqual([
      'in-force',
      'uncertain',
      'uncertain',
      'ended',
    ]);
    expect(stateAt(monthEnd, '2011-02-10').boundary).toBe('end');
  });

  it('a feature with no start is undated, on every day', () => {
    const none = featureInterval({ date_start: null, date_start_earliest: null, date_start_latest: null });
    expect(none).toBeUndefined();
    expect(states(none, [TIMELINE.first, TIMELINE.report])).toEqual(['undated', 'undated']);
  });
});

describe('days on the slider', () => {
  it('count from the first day, across a leap year', () => {
    expect(dayIndex(TIMELINE.first)).toBe(0);
    expect(dayAt(dayIndex('2008-02-29'))).toBe('2008-02-29');
    expect(dayAt(dayIndex(TIMELINE.report))).toBe(TIMELINE.report);
    expect(dayIndex('2006-12-01')).toBe(30);
  });
  it('move by a month inside the month', () => {
    expect(addMonths('2011-01-31', 1)).toBe('2011-02-28');
    expect(addMonths('2012-01-31', 1)).toBe('2012-02-29');
    expect(addMonths('2011-03-15', -1)).toBe('2011-02-15');
    expect(addMonths('2011-12-15', 1)).toBe('2012-01-15');
  });
});

describe('what is said of a state', () => {
  const mexico = interval(['2006-12', 'month']);
  it.each([
    ['2006-11-15', 'Not yet in force on 15 November 2006: from some day in December 2006'],
    ['2006-12-15', 'Date uncertain on 15 December 2006: it began some day in December 2006'],
    ['2008-01-01', 'In force on 1 January 2008, since some day in December 2006'],
  ])('%s', (day, text) => expect(stateText(mexico, day)).toBe(text));
  it('for an ended and an undated feature', () => {
    expect(stateText(interval(['2010-12-19', 'day'], ['2011-02-18', 'day']), '2012-01-15')).toBe(
      'Ended 18 February 2011: no longer in force on 15 January 2012',
    );
    expect(stateText(undefined, '2012-01-15')).toMatch(/^Undated: /);
  });
});

const layer = (id: string): FeatureCollection =>
  JSON.parse(readFileSync(new URL(`../../geodata/layers/${id}.geojson`, import.meta.url), 'utf8'));
const features = ['transit-flows', 'alta-verapaz', 'militarised-policing'].flatMap((id) =>
  layer(id).features.map((f) => ({ id: String(f.id), properties: f.properties })),
);
const byId = new Map(features.map((f) => [f.id, featureInterval(f.properties)]));

describe("the report's features", () => {
  it('every feature on the day before, on and after each of its boundaries', () => {
    const table: Record<string, string[]> = {};
    const days = (id: string, ...list: string[]) => {
      table[id] = states(byId.get(id), list);
    };
    days('MEX', '2006-11-30', '2006-12-01', '2006-12-31', '2007-01-01');
    days('GT-AV', '2010-12-18', '2010-12-19', '2010-12-20', '2011-02-17', '2011-02-18', '2011-02-19');
    days('HND', '2011-11-28', '2011-11-29', '2011-11-30');
    days('GTM', '2012-01-14', '2012-01-15');
    expect(table).toEqual({
      MEX: ['not-yet', 'uncertain', 'in-force', 'in-force'],
      'GT-AV': ['not-yet', 'in-force', 'in-force', 'in-force', 'ended', 'ended'],
      HND: ['not-yet', 'in-force', 'in-force'],
      GTM: ['not-yet', 'in-force'],
    });
    for (const id of ['route-1-col-gtm', 'route-2-gtm-mex', 'route-3-mex-usa', 'displacement-zetas-mex-gtm'])
      expect(stateAt(byId.get(id), '2009-06-01').state).toBe('undated');
  });

  it('say why the displacement has no interval, in its source column', () => {
    const move = features.find((f) => f.id === 'displacement-zetas-mex-gtm')?.properties;
    expect(move?.date_start).toBeNull();
    expect(String(move?.date_start_source)).toMatch(/^Undated: the report dates the move only relative/);
  });

  it('are the story steps in order, each with its date, precision and the words for it', () => {
    const events = timelineEvents(features);
    expect(events.map((e) => `${e.day} ${e.feature} ${e.kind}`)).toEqual([
      '2006-12-01 MEX start',
      '2010-12-19 GT-AV start',
      '2011-02-18 GT-AV end',
      '2011-11-29 HND start',
      '2012-01-15 GTM start',
    ]);
    const [mexico, siege, lifted] = events;
    expect(mexico).toMatchObject({ when: 'December 2006 (to the month)', reportDate: 'in December 2006' });
    expect(mexico?.excerpt).toContain('deployed by President Felipe Calderon in December 2006');
    expect(siege?.excerpt).toMatch(/^In December, outgoing President Alvaro Colom/);
    // The report does not tell the end: no words of its own, the source instead.
    expect(lifted).toMatchObject({ excerpt: null, reportDate: null, when: '18 February 2011 (to the day)' });
    expect(lifted?.source).toMatch(/^Diálogo/);
    for (const e of events) {
      expect(dayIndex(e.day)).toBeGreaterThan(0);
      expect(e.day <= TIMELINE.report).toBe(true);
    }
  });
});

describe('map labels', () => {
  it('carry the span of a measure that ended, as precisely as each date is known', () => {
    const siege = interval(['2010-12-19', 'day'], ['2011-02', 'month']);
    expect(labelWithSpan('Alta Verapaz: army special powers', siege)).toBe(
      'Alta Verapaz: army special powers\n19 Dec 2010 – Feb 2011',
    );
    expect(labelWithSpan('Since Dec 2006', interval(['2006-12', 'month']))).toBe('Since Dec 2006');
    expect(shortBoundary(interval(['2011-02-18', 'day, approximate'])?.start as Boundary)).toBe(
      'c. 18 Feb 2011',
    );
    expect(shortBoundary(interval(['2011', 'year, inferred'])?.start as Boundary)).toBe('2011');
  });
});

describe('what a screen reader hears of a change of date', () => {
  const named = ['MEX', 'HND'].map((id) => ({
    name: id === 'MEX' ? 'Mexico' : 'Honduras',
    interval: byId.get(id) as Interval,
  }));
  it('names each feature whose state changed, once', () => {
    expect(changesBetween(named, '2006-11-30', '2006-12-01')).toBe('Mexico: date uncertain.');
    expect(changesBetween(named, '2006-11-30', '2011-12-01')).toBe('Mexico: in force. Honduras: in force.');
    expect(changesBetween(named, '2008-01-01', '2008-01-02')).toBe('No change on the map.');
    expect(changesBetween(named, '2011-12-01', '2006-11-30')).toBe(
      'Mexico: not yet in force. Honduras: not yet in force.',
    );
  });
});
