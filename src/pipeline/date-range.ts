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

const FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const iso = (date: Date): string => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month, day));

/**
 * The days a date can mean: "2006-12" (month) is 2006-12-01 to 2006-12-31, "2012" (year) the whole
 * year, a day itself, and "day, approximate" APPROXIMATE_DAYS either side. A qualifier after the
 * precision's first word (", inferred") changes what the date is based on, not its span.
 */
export function dateRange(date: string, precision: string): DateRange {
  const match = FORM.exec(date);
  const unit = precision.split(/[ ,]/)[0];
  if (!match)
    throw new Error(`${JSON.stringify(date)} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m ?? '1') - 1;
  const form = d ? 'day' : m ? 'month' : 'year';
  if (unit !== form) throw new Error(`${date} is written to the ${form} but its precision is "${precision}"`);
  if (month < 0 || month > 11) throw new Error(`${date} is not a calendar date`);
  if (form === 'year') return { earliest: iso(utc(year, 0, 1)), latest: iso(utc(year, 11, 31)) };
  if (form === 'month') return { earliest: iso(utc(year, month, 1)), latest: iso(utc(year, month + 1, 0)) };
  const day = utc(year, month, Number(d));
  if (iso(day) !== date) throw new Error(`${date} is not a calendar date`);
  const spread = precision.includes('approximate') ? APPROXIMATE_DAYS : 0;
  return {
    earliest: iso(utc(year, month, Number(d) - spread)),
    latest: iso(utc(year, month, Number(d) + spread)),
  };
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
