/**
 * Text for the SVG picture: how wide Noto Sans sets it, where MapLibre would break its lines, and
 * escaping for XML. The picture is written without a DOM (in Node too), so nothing can measure text:
 * the widths are the fonts' own advances, as the map's glyph files hold them.
 */

/** The size the glyph files are drawn at (scripts/glyph-pbf.ts GLYPH_SIZE): advances are in its pixels. */
export const ADVANCE_SIZE = 24;

/**
 * Advances of printable ASCII (U+0020 to U+007E), in pixels at 24 px, as public/glyphs/ has them
 * (tests/unit/svg-text.test.ts checks them against the files).
 */
const ASCII_ADVANCES = {
  regular:
    '6 6 10 16 14 20 18 5 7 7 13 14 6 8 6 9 14 14 14 14 14 14 14 14 14 14 6 6 14 14 14 10 22 15 16 15 18 ' +
    '13 12 17 18 8 7 15 13 22 18 19 15 19 15 13 13 18 14 22 14 14 14 8 9 8 14 11 7 13 15 12 15 14 8 15 15 ' +
    '6 6 13 6 22 15 15 15 15 10 11 9 15 12 19 13 12 11 9 13 9 14',
  bold:
    '6 7 11 16 14 22 18 6 8 8 13 14 7 8 7 10 14 14 14 14 14 14 14 14 14 14 7 7 14 14 14 11 22 17 16 15 18 ' +
    '13 13 17 18 9 8 16 13 23 20 19 15 19 16 13 14 18 16 23 16 15 14 8 10 8 14 10 9 14 15 12 15 14 9 15 16 ' +
    '7 7 15 7 23 16 15 15 15 11 12 10 16 14 21 14 14 12 9 13 9 14',
} as const;

export type Weight = keyof typeof ASCII_ADVANCES;

const TABLES: Record<Weight, number[]> = {
  regular: ASCII_ADVANCES.regular.split(' ').map(Number),
  bold: ASCII_ADVANCES.bold.split(' ').map(Number),
};

/** Characters outside ASCII that the picture writes itself, at 24 px. */
const OTHER_ADVANCES: Record<string, number> = {
  '\u2022': 9,
  '\u2013': 12,
  '\u2014': 24,
  '\u2192': 14,
  // Not in the glyph files (the map never sets it); a whole em, so that a cut line is never too wide.
  '\u2026': 24,
};
/** An average lower-case advance, for a character known to neither table. */
const FALLBACK_ADVANCE = 14;

/** One character's advance at 24 px: ASCII from the table, an accented letter as its base letter. */
export function advance(char: string, weight: Weight): number {
  const table = TABLES[weight];
  const code = char.codePointAt(0) ?? 32;
  if (code >= 32 && code <= 126) return table[code - 32] as number;
  const known = OTHER_ADVANCES[char];
  if (known !== undefined) return known;
  const base = char.normalize('NFD').codePointAt(0) ?? code;
  return base >= 32 && base <= 126 ? (table[base - 32] as number) : FALLBACK_ADVANCE;
}

export interface Font {
  size: number;
  weight: Weight;
  /** Extra space after each character, in ems (MapLibre's text-letter-spacing). */
  letterSpacing?: number;
}

/** How wide a line of text is set, in CSS pixels. */
export function textWidth(text: string, { size, weight, letterSpacing = 0 }: Font): number {
  let units = 0;
  let count = 0;
  for (const char of text) {
    units += advance(char, weight);
    count += 1;
  }
  return (units / ADVANCE_SIZE) * size + count * letterSpacing * size;
}

/** Characters a line may end on, as MapLibre has them (src/symbol/tagged_string.ts `breakable`). */
const BREAKABLE = new Set([
  '\n',
  '\r',
  ' ',
  '&',
  ')',
  '+',
  '-',
  '/',
  '\u00ad',
  '\u00b7',
  '\u200b',
  '\u2010',
  '\u2013',
  '\u2027',
]);

interface Break {
  index: number;
  x: number;
  prior: Break | null;
  badness: number;
}

function badness(width: number, target: number, penalty: number, last: boolean): number {
  const ragged = (width - target) ** 2;
  if (last) return width < target ? ragged / 2 : ragged * 2;
  return ragged + Math.abs(penalty) * penalty;
}

function evaluateBreak(
  index: number,
  x: number,
  target: number,
  breaks: Break[],
  penalty: number,
  last: boolean,
): Break {
  let prior: Break | null = null;
  let least = badness(x, target, penalty, last);
  for (const candidate of breaks) {
    const cost = badness(x - candidate.x, target, penalty, last) + candidate.badness;
    if (cost <= least) {
      prior = candidate;
      least = cost;
    }
  }
  return { index, x, prior, badness: least };
}

/**
 * Lines of `text` as MapLibre breaks a point label with `text-max-width` (in ems): at every `\n`,
 * and where a line would run past the width, after a space or dash, into lines as even as they can
 * be, the last one short rather than long (a port of MapLibre's determineLineBreaks). Lines come
 * back without the spaces they were broken at.
 */
export function breakLines(text: string, font: Font, maxWidthEm: number): string[] {
  const chars = Array.from(text);
  const total = textWidth(text, font);
  const maxWidth = maxWidthEm * font.size;
  if (total <= maxWidth && !/[\n\r]/.test(text)) return [text];
  const target = total / Math.max(1, Math.ceil(total / maxWidth));
  const breaks: Break[] = [];
  let x = 0;
  chars.forEach((char, i) => {
    const previous = chars[i - 1];
    if (previous !== undefined && (BREAKABLE.has(previous) || (char === '(' && i < chars.length - 1))) {
      const penalty =
        (previous === '\n' || previous === '\r' ? -10000 : 0) +
        (previous === '(' ? 50 : 0) +
        (char === ')' ? 50 : 0);
      breaks.push(evaluateBreak(i, x, target, breaks, penalty, false));
    }
    if (!/\s/.test(char)) x += textWidth(char, font);
  });
  const indices: number[] = [];
  for (let b: Break | null = evaluateBreak(chars.length, x, target, breaks, 0, true); b; b = b.prior)
    indices.unshift(b.index);
  let start = 0;
  return indices.map((end) => {
    const line = chars.slice(start, end).join('').trim();
    start = end;
    return line;
  });
}

/**
 * Lines of `text` no wider than `width`, broken greedily at spaces as the PNG's frame breaks them,
 * and a word wider than the whole line (a long link) broken between characters.
 */
export function wrapWords(text: string, font: Font, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, font) <= width || !line) {
      line = next;
    } else {
      lines.push(line);
      line = word;
    }
    while (textWidth(line, font) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), font) > width) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `text` on one line no wider than `width`: whole where it fits, else cut and ended with "…". */
export function fitLine(text: string, font: Font, width: number): string {
  if (textWidth(text, font) <= width) return text;
  const chars = Array.from(text);
  let n = chars.length - 1;
  while (n > 1 && textWidth(`${chars.slice(0, n).join('')}\u2026`, font) > width) n -= 1;
  return `${chars.slice(0, n).join('').trimEnd()}\u2026`;
}
