import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { stateAt } from '../../../src/data/time.ts';
import { dateInterval, parseDate } from '../../../src/your-data/dates.ts';
import { readFile } from '../../../src/your-data/read.ts';
import type { ReadResult } from '../../../src/your-data/types.ts';
import { read } from './helpers.ts';

describe('dates', () => {
  it("places each date on the report's timeline no more precisely than it is known", () => {
    const data = read('bom-csv/seizures.csv');
    const [year, month] = data.dates?.values ?? [];
    if (!year || !month) throw new Error('no dates');
    const y = dateInterval(year, 'seizures.csv, column date');
    const m = dateInterval(month, 'seizures.csv, column date');
    expect(stateAt(y, '2010-12-31').state).toBe('not-yet');
    expect(stateAt(y, '2011-06-01').state).toBe('uncertain');
    expect(stateAt(y, '2011-12-31').state).toBe('in-force');
    expect(stateAt(m, '2011-03-15').state).toBe('uncertain');
    expect(stateAt(m, '2011-04-01').state).toBe('in-force');
  });

  it.each([
    ['2011', 'year', '2011'],
    ['2011-03', 'month', '2011-03'],
    ['03/2011', 'month', '2011-03'],
    ['2011-03-04', 'day', '2011-03-04'],
    ['2011-03-04T23:59:00-06:00', 'day', '2011-03-04'],
  ])('%s is a %s', (text, unit, date) => {
    expect(parseDate(text)).toMatchObject({ unit, date, text });
  });

  it('leaves 04/03/2011 to the reader, and reads it either way once told', () => {
    expect(parseDate('04/03/2011')).toBe('slashed');
    expect(parseDate('04/03/2011', 'day-first')).toMatchObject({ date: '2011-03-04' });
    expect(parseDate('04/03/2011', 'month-first')).toMatchObject({ date: '2011-04-03' });
  });

  it('refuses dates that are not in the calendar', () => {
    expect(parseDate('2011-02-29')).toBeUndefined();
    expect(parseDate('2011-13')).toBeUndefined();
    expect(parseDate('31/02/2011', 'day-first')).toBeUndefined();
  });

  it('reads a column of bare years as dates only under a date-like name', () => {
    const csv = (header: string) => strToU8(`lat,lon,${header}\n15,-90,2011\n16,-91,2012\n`);
    const dated = readFile(csv('año'), 'a.csv') as ReadResult;
    const counted = readFile(csv('kilos'), 'b.csv') as ReadResult;
    expect(dated.ok && dated.dates?.values.map((d) => d?.unit)).toEqual(['year', 'year']);
    expect(counted.ok && counted.dates).toBeUndefined();
  });
});
