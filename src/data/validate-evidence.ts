/**
 * Rules on the report's evidence as authored: each date is a real calendar date, written as precisely
 * as its precision says, and an end is not before its start; each excerpt is a quote, not a blank.
 */
import { calendarDate, type DayRange, precisionUnit, type Unit } from '../pipeline/date-range.ts';
import { excerptKeys } from './excerpts.ts';
import { describe, type JsonObject, type Report } from './problems.ts';

/** The dated properties; each has a `<key>_precision` sibling, and the end may not precede the start. */
const DATE_START = 'date_start';
const DATE_END = 'date_end';

/**
 * Every precision a date may carry: its unit, which must be how the date is written (YYYY-MM-DD is
 * "day…", YYYY-MM "month…", YYYY "year…"), alone or with one qualifier: approximate (the popup says
 * "about") or inferred (the project's reading where the report is silent, e.g. a year).
 */
export const DATE_PRECISIONS = [
  'day',
  'day, approximate',
  'day, inferred',
  'month',
  'month, approximate',
  'month, inferred',
  'year',
  'year, approximate',
  'year, inferred',
] as const;

// Short, as a problem line keeps 80 characters of its value: DATE_PRECISIONS in one pattern.
const PRECISION_HINT = 'day|month|year[, approximate|inferred]';

/** The evidence rules on one feature's properties. */
export function checkEvidence(properties: JsonObject, report: Report): void {
  checkDates(properties, report);
  checkExcerpts(properties, report);
}

/**
 * `excerpt` is the quote every feature carries, so it is text; `excerpt_2`, … may be null (no further
 * quote), as normalise writes them for a feature with fewer. Blank text would show an empty quote.
 */
function checkExcerpts(properties: JsonObject, report: Report): void {
  for (const key of excerptKeys(properties)) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim() !== '') continue;
    if (key === 'excerpt') {
      report(
        'excerpt',
        `${key}: ${describe(value)} is not a non-empty string; every feature quotes the report`,
      );
    } else if (value !== null) {
      report('excerpt', `${key}: ${describe(value)} is not a non-empty string (or null for no quote)`);
    }
  }
}

/**
 * The date rules on one feature's properties. An end is wrong for certain only when its latest day is
 * before the start's earliest: "2011-11-05" may end something that started in "2011-11", so it passes.
 */
function checkDates(properties: JsonObject, report: Report): void {
  const start = checkDate(properties, DATE_START, report);
  const end = checkDate(properties, DATE_END, report);
  if (start && end && end.latest < start.earliest) {
    report(
      'date-order',
      `${DATE_END} "${properties[DATE_END]}" is before ${DATE_START} "${properties[DATE_START]}"`,
    );
  }
}

function checkDate(properties: JsonObject, key: string, report: Report): DayRange | undefined {
  const value = properties[key];
  const precisionKey = `${key}_precision`;
  const precision = properties[precisionKey];
  // null means "no value" throughout the gate; normalise writes it for keys a feature lacks.
  if (value === undefined || value === null) {
    if (precision !== undefined && precision !== null) {
      report('date-precision', `${precisionKey}: ${describe(precision)} without a ${key}`);
    }
    return undefined;
  }
  const range = typeof value === 'string' ? calendarDate(value) : undefined;
  if (typeof value !== 'string' || range === undefined) {
    report('date', `${key}: ${describe(value)} is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    return undefined;
  }
  checkPrecision(precisionKey, precision, key, value, range.unit, report);
  return range;
}

function checkPrecision(
  precisionKey: string,
  precision: unknown,
  key: string,
  iso: string,
  unit: Unit,
  report: Report,
): void {
  if (precision === undefined || precision === null) {
    const given = precision === undefined ? 'absent' : 'null';
    report('date-precision', `${precisionKey}: ${given}, needed for ${key} "${iso}"`);
  } else if (!DATE_PRECISIONS.some((p) => p === precision)) {
    report('date-precision', `${precisionKey}: ${describe(precision)} is not ${PRECISION_HINT}`);
  } else if (precisionUnit(String(precision)) !== unit) {
    report('date-precision', `${precisionKey}: ${describe(precision)}, but "${iso}" is a ${unit}`);
  }
}
