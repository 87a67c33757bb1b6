import { en, type Messages } from '../i18n/index.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

/** `Intl`'s formatter for a locale and options, made once: making one is the costly part. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    // UTC: an ISO day is a calendar day, the same in every time zone.
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, format);
  }
  return format;
}

const PARTS: Record<'day' | 'month' | 'year', Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  year: { year: 'numeric' },
};

/**
 * An ISO 8601 date written as precisely as it is known and no more, in the language of `t`:
 * "2006-12" with precision "month" reads "December 2006" ("diciembre de 2006"), never
 * "1 December 2006". A precision that mentions "approximate" reads "about …" ("hacia …").
 */
export function formatDate(
  iso: string,
  precision: string,
  t: Messages = en,
  style: 'long' | 'short' = 'long',
): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const unit =
    precision.startsWith('day') && day ? 'day' : precision.startsWith('month') && month ? 'month' : 'year';
  const options =
    style === 'short' && unit !== 'year' ? { ...PARTS[unit], month: 'short' as const } : PARTS[unit];
  const date = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  const text = formatter(t.locale, options).format(date);
  return precision.includes('approximate') ? t.dates.about(text) : text;
}
