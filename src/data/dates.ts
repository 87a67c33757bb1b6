const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * An ISO 8601 date written as precisely as it is known and no more: "2006-12" with precision "month"
 * reads "December 2006", never "1 December 2006". A precision that mentions "approximate" reads "about …".
 */
export function formatDate(iso: string, precision: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  let text = year as string;
  if (precision.startsWith('month') && monthName) text = `${monthName} ${year}`;
  if (precision.startsWith('day') && monthName && day) text = `${Number(day)} ${monthName} ${year}`;
  return precision.includes('approximate') ? `about ${text}` : text;
}
