/**
 * A file's date column, and each feature's date with its precision, as the report's dates are
 * modelled (src/pipeline/date-range.ts): ISO 8601 "2011", "2011-03" or "2011-03-04" (a time after
 * the day is dropped), or "04/03/2011", whose order the reader confirms once per file, never guessed.
 */

import type { Interval } from '../data/time.ts';
import { calendarDate } from '../pipeline/date-range.ts';
import type {
  DateColumn,
  DateOrder,
  FeatureDate,
  Question,
  ReadOptions,
  Skipped,
  YourFeature,
} from './types.ts';
import { Tally } from './types.ts';

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const MONTH_YEAR = /^(\d{1,2})[/.-](\d{4})$/;
/** Names that say a column holds dates, so that a column of bare years is read as dates only there. */
const DATE_NAME =
  /date|fecha|time|tiempo|when|cuando|cuándo|day|d[ií]a|year|a[ñn]o|month|mes|period|periodo/i;

const pad = (n: string) => n.padStart(2, '0');

/** The ISO date a cell means, 'slashed' when it needs the order confirmed, undefined if not a date. */
export function parseDate(text: string, order?: DateOrder): FeatureDate | 'slashed' | undefined {
  const cell = text.trim();
  const iso = ISO.exec(cell);
  if (iso) {
    const [, y, m, d] = iso;
    return dated([y, m, d].filter(Boolean).join('-'), cell);
  }
  const monthYear = MONTH_YEAR.exec(cell);
  if (monthYear) return dated(`${monthYear[2]}-${pad(monthYear[1] ?? '')}`, cell);
  const slashed = SLASHED.exec(cell);
  if (!slashed) return undefined;
  if (!order) return 'slashed';
  const [, a = '', b = '', y] = slashed;
  const [day, month] = order === 'day-first' ? [a, b] : [b, a];
  return dated(`${y}-${pad(month)}-${pad(day)}`, cell);
}

function dated(date: string, text: string): FeatureDate | undefined {
  const range = calendarDate(date);
  return range ? { ...range, date, text } : undefined;
}

/** The order some cell proves (a first number over 12 is a day), if the cells agree on one. */
function evidentOrder(cells: string[]): DateOrder | undefined {
  let dayFirst = false;
  let monthFirst = false;
  for (const cell of cells) {
    const m = SLASHED.exec(cell.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? undefined : dayFirst ? 'day-first' : 'month-first';
}

export interface Dating {
  dates?: DateColumn;
  question?: Question;
  tally: Tally;
}

/**
 * The first column where most filled cells are dates (bare years only under a date-like name), and
 * each feature's date. Slashed dates wait for the reader's order: the features come undated, with a
 * question, until the file is read again with `options.dateOrder`.
 */
export function findDates(
  features: readonly YourFeature[],
  columns: readonly string[],
  numbers: (index: number) => number,
  unit: Skipped['unit'],
  options: ReadOptions = {},
): Dating {
  const tally = new Tally(unit);
  const column = columns.find((name) => isDateColumn(features, name));
  if (column === undefined) return { tally };
  const cells = features.map((f) => cellText(f.properties?.[column]));
  if (!options.dateOrder && cells.some((c) => c !== '' && parseDate(c) === 'slashed')) {
    const examples = [...new Set(cells.filter((c) => SLASHED.test(c.trim())))].slice(0, 3);
    const evident = evidentOrder(cells);
    return { tally, question: { kind: 'date-order', column, examples, ...(evident ? { evident } : {}) } };
  }
  const values = cells.map((cell, index) => {
    if (cell === '') return null;
    const date = parseDate(cell, options.dateOrder);
    if (date === undefined || date === 'slashed') {
      tally.add('bad-date', numbers(index));
      return null;
    }
    return date;
  });
  const order =
    options.dateOrder && cells.some((c) => SLASHED.test(c.trim())) ? { order: options.dateOrder } : {};
  return { tally, dates: { column, ...order, values } };
}

function isDateColumn(features: readonly YourFeature[], column: string): boolean {
  let filled = 0;
  let dates = 0;
  for (const f of features) {
    const cell = cellText(f.properties?.[column]);
    if (cell === '') continue;
    filled += 1;
    const date = parseDate(cell);
    const bareYear = /^\d{4}$/.test(cell.trim());
    if (date !== undefined && (!bareYear || DATE_NAME.test(column))) dates += 1;
  }
  return filled > 0 && dates / filled >= 0.8;
}

const cellText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** A feature's date as the timeline's interval (src/data/time.ts): `stateAt` then places it on a day. */
export function dateInterval(date: FeatureDate, source: string): Interval {
  return {
    start: { earliest: date.earliest, latest: date.latest, date: date.date, precision: date.unit, source },
  };
}
