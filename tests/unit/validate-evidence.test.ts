import { describe, expect, it } from 'vitest';
import { formatProblem, validateFeatureCollection } from '../../src/data/validate.ts';
import { DATE_PRECISIONS } from '../../src/data/validate-evidence.ts';
import { calendarDate } from '../../src/pipeline/date-range.ts';

/** The gate's lines for one feature with these properties. */
function check(properties: Record<string, unknown>): string[] {
  const input = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', id: 'f', geometry: null, properties }],
  };
  return validateFeatureCollection(input, { file: 'a.geojson' }).map(formatProblem);
}

describe('calendarDate', () => {
  it.each([
    { iso: '2012-01-15', earliest: '2012-01-15', latest: '2012-01-15' },
    { iso: '2006-12', earliest: '2006-12-01', latest: '2006-12-31' },
    { iso: '2011-11', earliest: '2011-11-01', latest: '2011-11-30' },
    { iso: '2011', earliest: '2011-01-01', latest: '2011-12-31' },
    { iso: '2012-02', earliest: '2012-02-01', latest: '2012-02-29' },
    { iso: '2011-02', earliest: '2011-02-01', latest: '2011-02-28' },
    { iso: '2012-02-29', earliest: '2012-02-29', latest: '2012-02-29' },
    { iso: '2000-02-29', earliest: '2000-02-29', latest: '2000-02-29' },
    { iso: '2011-04-30', earliest: '2011-04-30', latest: '2011-04-30' },
  ])('reads $iso as $earliest to $latest', ({ iso, earliest, latest }) => {
    expect(calendarDate(iso)).toMatchObject({ earliest, latest });
  });

  it.each([
    '2012-13-45',
    '2012-13',
    '2012-00',
    '2012-01-00',
    '2011-02-30',
    '2011-02-29',
    '1900-02-29',
    '2011-04-31',
    '2012-1-5',
    '20120115',
    '2012-01-15T00:00:00Z',
    ' 2012',
    '12',
    '',
  ])('rejects %j', (iso) => {
    expect(calendarDate(iso)).toBeUndefined();
  });
});

describe('the date rule', () => {
  it('names each bad date, date_end too, and any value that is not a string', () => {
    expect(check({ date_start: 2012, date_end: '2011-02-30' })).toEqual([
      'a.geojson: feature f: date: date_start: 2012 is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)',
      'a.geojson: feature f: date: date_end: "2011-02-30" is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ]);
  });

  it('lets null stand for no date, as normalise writes for a key the feature lacks', () => {
    expect(check({ date_start: null, date_end: null })).toEqual([]);
  });
});

describe('the date-precision rule', () => {
  const FORMS = [
    { unit: 'day', iso: '2012-01-15' },
    { unit: 'month', iso: '2006-12' },
    { unit: 'year', iso: '2011' },
  ];
  const PAIRS = FORMS.flatMap(({ unit, iso }) =>
    DATE_PRECISIONS.map((precision) => ({ iso, precision, fits: precision.split(',')[0] === unit, unit })),
  );

  it('allows exactly these precisions', () => {
    expect(DATE_PRECISIONS).toEqual([
      'day',
      'day, approximate',
      'day, inferred',
      'month',
      'month, approximate',
      'month, inferred',
      'year',
      'year, approximate',
      'year, inferred',
    ]);
  });

  it.each(PAIRS)('$iso with $precision: fits $fits', ({ iso, precision, fits, unit }) => {
    expect(check({ date_start: iso, date_start_precision: precision })).toEqual(
      fits
        ? []
        : [
            `a.geojson: feature f: date-precision: date_start_precision: "${precision}", but "${iso}" is a ${unit}`,
          ],
    );
  });

  it.each([
    { precision: 'weekly', given: '"weekly"' },
    { precision: 'Day', given: '"Day"' },
    { precision: 'day approx', given: '"day approx"' },
    { precision: 'day, about', given: '"day, about"' },
    { precision: 3, given: '3' },
  ])('rejects the precision $given', ({ precision, given }) => {
    expect(check({ date_end: '2011-02-18', date_end_precision: precision })).toEqual([
      `a.geojson: feature f: date-precision: date_end_precision: ${given} is not day|month|year[, approximate|inferred]`,
    ]);
  });

  it('rejects two qualifiers, or one without its comma and space', () => {
    for (const precision of ['day, approximate, inferred', 'day,approximate', 'day approximate']) {
      const [line] = check({ date_end: '2011-02-18', date_end_precision: precision });
      expect(line).toMatch(
        /^a\.geojson: feature f: date-precision: date_end_precision: "day[ ,].* is not day\|/,
      );
    }
  });

  it('needs a precision beside every date, and no precision without a date', () => {
    expect(check({ date_start: '2011-11', date_end: '2011-12', date_end_precision: null })).toEqual([
      'a.geojson: feature f: date-precision: date_start_precision: absent, needed for date_start "2011-11"',
      'a.geojson: feature f: date-precision: date_end_precision: null, needed for date_end "2011-12"',
    ]);
    expect(check({ date_end: null, date_end_precision: 'day' })).toEqual([
      'a.geojson: feature f: date-precision: date_end_precision: "day" without a date_end',
    ]);
  });

  it('says nothing of the precision of a date that is not a date', () => {
    expect(check({ date_start: '2012-13-45', date_start_precision: 'month' })).toEqual([
      'a.geojson: feature f: date: date_start: "2012-13-45" is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ]);
  });
});

describe('the date-order rule', () => {
  const dated = (start: string, startUnit: string, end: string, endUnit: string) => ({
    date_start: start,
    date_start_precision: startUnit,
    date_end: end,
    date_end_precision: endUnit,
  });

  it.each([
    { start: '2010-12-19', end: '2010-12-19', endUnit: 'day', label: 'the same day' },
    { start: '2010-12-19', end: '2010-12', endUnit: 'month', label: 'the month the start falls in' },
    { start: '2010-12-19', end: '2010', endUnit: 'year', label: 'the year the start falls in' },
    { start: '2010-12', end: '2010-12-01', endUnit: 'day', label: 'the first day of the start month' },
  ])('accepts an end on $label, which may be after the start', ({ start, end, endUnit }) => {
    const startUnit = start.length === 10 ? 'day' : 'month';
    expect(check(dated(start, startUnit, end, endUnit))).toEqual([]);
  });

  it.each([
    { start: '2010-12-19', startUnit: 'day', end: '2010-12-18', endUnit: 'day' },
    { start: '2010-12-01', startUnit: 'day', end: '2010-11', endUnit: 'month' },
    { start: '2011', startUnit: 'year', end: '2010-12-31', endUnit: 'day, approximate' },
    { start: '2011-01', startUnit: 'month', end: '2010', endUnit: 'year' },
  ])('rejects $end before $start', ({ start, startUnit, end, endUnit }) => {
    expect(check(dated(start, startUnit, end, endUnit))).toEqual([
      `a.geojson: feature f: date-order: date_end "${end}" is before date_start "${start}"`,
    ]);
  });

  it('compares only real dates', () => {
    expect(check(dated('2012-13-45', 'day', '2010-01-01', 'day'))).toEqual([
      'a.geojson: feature f: date: date_start: "2012-13-45" is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ]);
  });
});

describe('the excerpt rule', () => {
  it('accepts a quote in excerpt and null for a further excerpt', () => {
    expect(check({ excerpt: 'In December', excerpt_2: null, excerpt_10: 'he said' })).toEqual([]);
  });

  it.each([
    { value: '', given: '""' },
    { value: ' \n\t', given: '" \\n\\t"' },
    { value: 42, given: '42' },
    { value: ['a quote'], given: '["a quote"]' },
  ])('rejects $given in excerpt_2', ({ value, given }) => {
    expect(
      check({ excerpt: 'In December', excerpt_2: value }).filter((l) => l.includes(': excerpt: ')),
    ).toEqual([
      `a.geojson: feature f: excerpt: excerpt_2: ${given} is not a non-empty string (or null for no quote)`,
    ]);
  });

  it('rejects null or blank in excerpt itself: every feature quotes the report', () => {
    for (const [value, given] of [
      [null, 'null'],
      ['', '""'],
    ]) {
      expect(check({ excerpt: value })).toEqual([
        `a.geojson: feature f: excerpt: excerpt: ${given} is not a non-empty string; every feature quotes the report`,
      ]);
    }
  });

  it('leaves keys that only look like excerpts alone', () => {
    expect(check({ excerpt: 'In December', excerpts: '', excerpt_note: 3, my_excerpt: null })).toEqual([]);
  });
});
