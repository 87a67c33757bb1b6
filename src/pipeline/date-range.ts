import type { FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';

type Authored = FeatureCollection<Geometry | null>;

/**
 * How far either side of its day a "day, approximate" date may fall. A week's window (three days
 * either side) covers a date reported as "at the weekend" or a decree published a day or two after
 * it was signed, without reaching into another month's news.
 */
export const APPROXIMATE_DAYS = 3;

export interface DateRange {
  /** The first and last day (YYYY-MM-DD) the date can mean at its precision. */
  earliest: string;
  latest: string;
}

const iso = (date: Date): string => date.toISOString().slice(0, 10);

export type Unit = 'day' | 'month' | 'year';

/** A date as written: its unit, and the first and last day it covers ("2006-12": 12-01 to 12-31). */
export interface DayRange extends DateRange {
  unit: Unit;
}

/**
 * An ISO 8601 calendar date in one of the three forms the sources use, checked against the Gregorian
 * calendar (2011-02-29 is not a date, 2012-02-29 is); undefined for anything else.
 */
export function calendarDate(iso: string): DayRange | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return undefined;
  const [, y = '', m, d] = match;
  const year = Number(y);
  if (m === undefined) return { unit: 'year', earliest: `${y}-01-01`, latest: `${y}-12-31` };
  const month = Number(m);
  if (month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  if (d === undefined) return { unit: 'month', earliest: `${y}-${m}-01`, latest: `${y}-${m}-${last}` };
  const day = Number(d);
  if (day < 1 || day > last) return undefined;
  return { unit: 'day', earliest: iso, latest: iso };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A precision's unit, the word before any qualifier: "day, approximate" is "day". */
export const precisionUnit = (precision: string): string => precision.split(/[ ,]/)[0] ?? '';

/**
 * The days a date can mean at its precision: a day itself, a month or a year whole, and "day,
 * approximate" APPROXIMATE_DAYS either side. A qualifier after the precision's unit (", inferred")
 * changes what the date is based on, not its span. The gate (src/data/validate-evidence.ts) reports
 * a bad date in one line before the pipeline runs; here it is an error.
 */
export function dateRange(date: string, precision: string): DateRange {
  const range = calendarDate(date);
  if (!range) throw new Error(`${JSON.stringify(date)} is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  if (precisionUnit(precision) !== range.unit) {
    throw new Error(`${date} is written to the ${range.unit} but its precision is "${precision}"`);
  }
  const { earliest, latest } = range;
  if (!precision.includes('approximate') || range.unit !== 'day') return { earliest, latest };
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const shifted = (days: number) => iso(new Date(Date.UTC(y, m - 1, d + days)));
  return { earliest: shifted(-APPROXIMATE_DAYS), latest: shifted(APPROXIMATE_DAYS) };
}

/** The date properties of a feature: each key with a `<key>_precision` sibling. */
const dateKeys = (properties: GeoJsonProperties): string[] =>
  Object.keys(properties ?? {}).filter((k) => `${k}_precision` in (properties ?? {}));

/**
 * Adds `<key>_earliest` and `<key>_latest` after each date's `<key>_precision`, so that GIS tools
 * type a column as a date in every layer while the ISO string keeps the precision it was given.
 * A date with no value gets null for both.
 */
export function addDateRanges(input: Authored): Authored {
  return {
    ...input,
    features: input.features.map((f) => {
      const properties: Record<string, unknown> = {};
      const keys = dateKeys(f.properties);
      for (const [k, v] of Object.entries(f.properties ?? {})) {
        properties[k] = v;
        const date = keys.find((key) => k === `${key}_precision`);
        if (date === undefined) continue;
        const value = f.properties?.[date];
        const range = typeof value === 'string' ? dateRange(value, String(v)) : null;
        properties[`${date}_earliest`] = range?.earliest ?? null;
        properties[`${date}_latest`] = range?.latest ?? null;
      }
      return { ...f, properties };
    }),
  };
}
