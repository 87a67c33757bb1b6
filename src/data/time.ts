import type { GeoJsonProperties } from 'geojson';
import { en, type Messages } from '../i18n/index.ts';
import { APPROXIMATE_DAYS, precisionUnit } from '../pipeline/date-range.ts';
import { formatDate } from './dates.ts';
import { excerptTexts, nonEmpty } from './excerpts.ts';

/**
 * The timeline's days: from the month before the report's first event (Mexico, December 2006) to the
 * report's own date, which is also the map's default date.
 */
export const TIMELINE = { first: '2006-11-01', report: '2012-01-15' } as const;

/**
 * Where a feature stands on a day. The day a measure starts counts as in force and the day it is
 * lifted as ended; a date known only to its month (or year, or within a few days) leaves every day of
 * its window before the last one uncertain, since the event may or may not have happened by then.
 */
export type TimeState = 'undated' | 'not-yet' | 'uncertain' | 'in-force' | 'ended';

/** One dated boundary of a feature: its first and last possible day, as written and sourced. */
export interface Boundary {
  earliest: string;
  latest: string;
  date: string;
  precision: string;
  source: string;
}

export interface Interval {
  start: Boundary;
  end?: Boundary;
}

export interface StateAt {
  state: TimeState;
  /** For `uncertain`: whether the start or the end is in doubt on that day. */
  boundary?: 'start' | 'end';
}

function boundary(p: Record<string, unknown>, key: string): Boundary | undefined {
  const earliest = nonEmpty(p[`${key}_earliest`]);
  const latest = nonEmpty(p[`${key}_latest`]);
  const date = nonEmpty(p[key]);
  if (!earliest || !latest || !date) return undefined;
  return {
    earliest,
    latest,
    date,
    precision: nonEmpty(p[`${key}_precision`]) ?? 'day',
    source: nonEmpty(p[`${key}_source`]) ?? 'source not recorded',
  };
}

/** A feature's interval from its `date_start_*` and `date_end_*` columns; undefined when it has no start. */
export function featureInterval(properties: GeoJsonProperties): Interval | undefined {
  const p = properties ?? {};
  const start = boundary(p, 'date_start');
  if (!start) return undefined;
  const end = boundary(p, 'date_end');
  return end ? { start, end } : { start };
}

/** The state on `day` (YYYY-MM-DD); ISO days compare as strings. */
export function stateAt(interval: Interval | undefined, day: string): StateAt {
  if (!interval) return { state: 'undated' };
  const { start, end } = interval;
  if (day < start.earliest) return { state: 'not-yet' };
  if (day < start.latest) return { state: 'uncertain', boundary: 'start' };
  if (!end || day < end.earliest) return { state: 'in-force' };
  if (day < end.latest) return { state: 'uncertain', boundary: 'end' };
  return { state: 'ended' };
}

const MS_PER_DAY = 86_400_000;
const utc = (day: string): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/** Days from the timeline's first day, and back: the slider's value. */
export const dayIndex = (day: string): number => Math.round((utc(day) - utc(TIMELINE.first)) / MS_PER_DAY);
export const dayAt = (index: number): string =>
  new Date(utc(TIMELINE.first) + index * MS_PER_DAY).toISOString().slice(0, 10);

/** The same day a month later or earlier, kept inside the month (31 January + 1 month: 29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** "19 December 2010" ("19 de diciembre de 2010"). */
export const dayInWords = (day: string, t: Messages = en): string => formatDate(day, 'day', t);

/** A boundary as precisely as it is known: "19 December 2010", "some day in December 2006". */
export function boundaryInWords({ date, precision }: Boundary, t: Messages = en): string {
  const unit = precisionUnit(precision);
  const text = formatDate(date, unit, t);
  if (unit === 'day' && precision.includes('approximate')) return t.dates.aboutWithin(text, APPROXIMATE_DAYS);
  return unit === 'day' ? t.dates.theDay(text) : t.dates.someDayIn(text);
}

/** A boundary for a map label, as precisely as it is known: "19 Dec 2010", "Dec 2006", "c. 18 Feb 2011". */
export function shortBoundary({ date, precision }: Boundary, t: Messages = en): string {
  const unit = date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
  // Intl writes some short months with a full stop ("sept.", "dic."); a map label has no room for it.
  const text = formatDate(date, unit, t, 'short').replace(/\.(?= )/g, '');
  return precision.includes('approximate') ? t.dates.circa(text) : text;
}

/**
 * A map label with the span of a measure that has ended, so that the map says when it held at every
 * date: "Alta Verapaz: army special powers" and "19 Dec 2010 – 18 Feb 2011" under it.
 */
export function labelWithSpan(label: string, interval: Interval | undefined, t: Messages = en): string {
  if (!interval?.end) return label;
  return `${label}\n${shortBoundary(interval.start, t)} – ${shortBoundary(interval.end, t)}`;
}

/** What the popup and the text list say of a feature on `day`. */
export function stateText(interval: Interval | undefined, day: string, t: Messages = en): string {
  const { state, boundary: which } = stateAt(interval, day);
  const on = dayInWords(day, t);
  if (!interval) return t.state.undated;
  const start = boundaryInWords(interval.start, t);
  const end = interval.end ? boundaryInWords(interval.end, t) : '';
  switch (state) {
    case 'not-yet':
      return t.state.notYet(on, start);
    case 'uncertain':
      return which === 'start' ? t.state.uncertainStart(on, start) : t.state.uncertainEnd(on, end);
    case 'in-force':
      return t.state.inForce(on, start);
    default:
      return t.state.ended(on, end);
  }
}

export interface TimelineEvent {
  /** The feature whose start or end this is. */
  feature: string;
  kind: 'start' | 'end';
  /** The slider's day for the step: the first day the event may have happened. */
  day: string;
  title: string;
  /** The date with its precision, e.g. "December 2006 (to the month)", and the report's phrase. */
  when: string;
  reportDate: string | null;
  /** The report's own words for it, or null when the report does not tell it (a sourced end date). */
  excerpt: string | null;
  source: string;
}

/** The precision in words, with its qualifier: "to the day, approximate". */
export function precisionWords(precision: string, t: Messages = en): string {
  const qualifier = precision.match(/,\s*(approximate|inferred)$/)?.[1] as
    | 'approximate'
    | 'inferred'
    | undefined;
  const unit = precisionUnit(precision) as keyof Messages['dates']['precision'];
  const words = t.dates.precision[unit] ?? precision;
  return qualifier ? `${words}, ${t.dates.qualifier[qualifier]}` : words;
}

/** A feature's own words in the language of `t` (`name_es`…), else in English. */
export const inLanguage = (p: Record<string, unknown>, key: string, t: Messages): string | null =>
  (t.lang === en.lang ? null : nonEmpty(p[`${key}_${t.lang}`])) ?? nonEmpty(p[key]);

/** The excerpt that holds the report's phrase for the date, else the first. */
function excerptFor(p: Record<string, unknown>, phrase: string | null): string | null {
  const quotes = excerptTexts(p);
  const lower = phrase?.toLowerCase();
  return (lower && quotes.find((q) => q.toLowerCase().includes(lower))) ?? quotes[0] ?? null;
}

/** The report's dated events in order, each a step of the story: every start, then every end. */
export function timelineEvents(
  features: Iterable<{ id: string; properties: GeoJsonProperties }>,
  t: Messages = en,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const { id, properties } of features) {
    const interval = featureInterval(properties);
    if (!interval) continue;
    const p = properties ?? {};
    const name = inLanguage(p, 'name', t) ?? id;
    const reportDate = nonEmpty(p.date_in_report);
    const of = (kind: 'start' | 'end', b: Boundary): TimelineEvent => ({
      feature: id,
      kind,
      day: b.earliest,
      title: kind === 'start' ? name : t.timeline.ended(name),
      when: `${formatDate(b.date, precisionUnit(b.precision), t)} (${precisionWords(b.precision, t)})`,
      // The report dates starts only; an end comes from its own source.
      reportDate: kind === 'start' ? reportDate : null,
      excerpt: kind === 'start' ? excerptFor(p, reportDate) : null,
      source: b.source,
    });
    events.push(of('start', interval.start));
    if (interval.end) events.push(of('end', interval.end));
  }
  return events.sort((a, b) => a.day.localeCompare(b.day) || a.feature.localeCompare(b.feature));
}

/** What moving the map from one day to another changed, for a screen reader: "Honduras: in force." */
export function changesBetween(
  features: readonly { name: string; interval: Interval }[],
  from: string,
  to: string,
  t: Messages = en,
): string {
  const changed = features
    .map(({ name, interval }) => ({
      name,
      before: stateAt(interval, from).state,
      after: stateAt(interval, to).state,
    }))
    .filter(({ before, after }) => before !== after)
    .map(({ name, after }) => t.state.changed(name, t.state.words[after]));
  return changed.length > 0 ? changed.join(' ') : t.state.noChange;
}
