/**
 * What the page says about a reader's file, in the page's language: its legend line, its refusal
 * or skipped rows (the readers' rules.ts words them in English only), and its colour. Pure, so the
 * legend, the text list and the announcements say the same and a unit test checks it.
 */
import type { Messages } from '../i18n/index.ts';
import { yourDataPalette } from '../theme.ts';
import type { ReadProblem } from '../your-data/rules.ts';
import type { Skipped, YourData } from '../your-data/types.ts';

const number = (value: number, t: Messages): string => new Intl.NumberFormat(t.locale).format(value);

/** "120 features" / "1 entidad". */
export const featureCount = (count: number, t: Messages): string =>
  t.yourData.features(number(count, t), count === 1);

/** "3 of 120 rows had no coordinates: rows 7, 19, 44, …". */
export function skippedLine(s: Skipped, t: Messages): string {
  const more = s.count > s.first.length ? ', …' : '';
  const numbers = s.first.map((n) => number(n, t)).join(', ') + more;
  return t.yourData.skipped(
    number(s.count, t),
    number(s.of, t),
    s.unit,
    t.yourData.rules[s.rule],
    numbers,
    s.first.length === 1,
  );
}

const oneLine = (text: string): string => text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();

/** "seizures.csv: line 3, column 7: this is not valid JSON: Unexpected token", as formatReadProblem. */
export function problemLine(p: ReadProblem, t: Messages): string {
  const where = p.at ? t.yourData.at(p.at.line, p.at.column) : '';
  const detail = p.detail ? `: ${oneLine(p.detail)}` : '';
  return `${oneLine(p.file)}: ${where}${t.yourData.rules[p.rule]}${detail}`;
}

/** Everything worth telling about a file that was read: its count, what was left out, warnings. */
export function readLines(data: YourData, t: Messages): string[] {
  return [
    t.yourData.added(data.file, featureCount(data.features.length, t)),
    ...data.skipped.map((s) => skippedLine(s, t)),
    ...data.problems.map((p) => problemLine(p, t)),
  ];
}

/** The n-th file's colour (0-based), round the palette. */
export const paletteColour = (n: number): string => yourDataPalette[n % yourDataPalette.length] as string;
