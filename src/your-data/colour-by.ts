/**
 * "Colour by a column" for a reader's file, as data: which values or ranges a column's colours stand
 * for, the MapLibre expression that draws them, and the legend's entries. Pure (no DOM, no map), so
 * the legend, the map and a picture's legend say the same, and unit tests check it.
 *
 * A column whose every value is a number is a range, in at most five classes on a sequential ramp;
 * any other is categories, the eight most frequent values each in a colour and the rest "other".
 * Empty cells are "no value", drawn and listed, never dropped.
 */
import type { Messages } from '../i18n/index.ts';
import type { YourFeature } from './types.ts';

/**
 * The one property the map's worker gets for a coloured column: a fixed key, whatever the column is
 * called, so a column named `__proto__` or `constructor` never reaches the worker as a key.
 */
export const COLOUR_KEY = '_c';

export const MAX_CATEGORIES = 8;
export const CLASSES = 5;

/**
 * Paul Tol's muted scheme (https://personal.sron.nl/~pault/), made for colour-blind readers, less
 * three colours too close to the report's: his olive is the report's militarised tint, and his sand
 * and dark green come within ΔE 12 of Alta Verapaz's tint and the report's olive outline under
 * protanopia or deuteranopia; in their place his bright scheme's green and Okabe–Ito's yellow.
 * tests/unit/your-data-colours.test.ts keeps each ΔE ≥ 12 from the others and from the report's.
 * The first two, most frequent, values get the darkest and the lightest, most apart.
 */
export const CATEGORY_COLOURS = [
  '#332288',
  '#f0e442',
  '#cc6677',
  '#44aa99',
  '#882255',
  '#88ccee',
  '#228833',
  '#aa4499',
] as const;

/** Values past the eighth: a dark grey, apart from every category colour in all three visions. */
export const OTHER_COLOUR = '#333333';

/** Empty cells: a light grey, the usual "no data" look, still ΔE ≥ 12 from the land it sits on. */
export const NO_VALUE_COLOUR = '#c0c0c0';

/**
 * cividis (Nuñez, Anderton and Renslow 2018), as matplotlib lists it, at 0, ¼, ½, ¾ and 1: a ramp
 * made to read the same, dark blue to yellow, under red–green colour blindness, whose lightness
 * rises steadily, so a class's order shows even in greyscale print. Sequential ColorBrewer ramps
 * start near white and vanish on the land or the sea; viridis's blue end passes for the report's
 * purple under deuteranopia (ΔE 1).
 */
export const RAMP = ['#00224e', '#434e6c', '#7d7c78', '#bcae6c', '#fee838'] as const;

export interface Categories {
  kind: 'categories';
  column: string;
  /** The most frequent values first (ties in the order first seen), at most MAX_CATEGORIES. */
  values: { value: string; count: number }[];
  /** How many features hold one of the other values. */
  other: number;
  missing: number;
}

export interface Range {
  kind: 'range';
  column: string;
  min: number;
  max: number;
  /** Each class's lower bound after the first: a value v is in class `breaks.filter(b => b <= v).length`. */
  breaks: number[];
  /** Each class's smallest and largest value and how many features fall in it. */
  classes: { low: number; high: number; count: number }[];
  missing: number;
}

export type ColourScheme = Categories | Range;

export interface LegendEntry {
  label: string;
  colour: string;
  count: number;
}

/** A property's value without ever reading an inherited one (a column named `constructor`). */
const cellOf = (properties: Record<string, unknown> | null, column: string): unknown =>
  properties && Object.hasOwn(properties, column) ? properties[column] : undefined;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A value as a number where it is one: numbers, and text that is only a number as KML and GPX
 * write theirs. Decimal commas are the CSV reader's business (it reads them where the file has
 * them); codes with leading zeros ("01234") stay text, as the CSV reader keeps them.
 */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!NUMBER.test(text) || /^[+-]?0\d/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** A value as a category's text, as the popup shows it; undefined for an empty cell. */
export function categoryOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The columns worth offering: those with a value in at least one feature. */
export function colourColumns(features: readonly YourFeature[], columns: readonly string[]): string[] {
  return columns.filter((column) =>
    features.some((f) => categoryOf(cellOf(f.properties, column)) !== undefined),
  );
}

/** How a column colours the file, or undefined where no feature has a value in it. */
export function schemeFor(features: readonly YourFeature[], column: string): ColourScheme | undefined {
  const values = features.map((f) => cellOf(f.properties, column));
  const present = values.filter((v) => categoryOf(v) !== undefined);
  if (present.length === 0) return undefined;
  const missing = values.length - present.length;
  const numbers = present.map(numberOf);
  if (numbers.every((n) => n !== undefined)) return range(column, numbers as number[], missing);
  // A Map, not an object: a value "__proto__" is a key like any other.
  const counts = new Map<string, number>();
  for (const v of present) {
    const text = categoryOf(v) as string;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  // Array.prototype.sort is stable: equal counts keep the order first seen.
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const kept = sorted.slice(0, MAX_CATEGORIES).map(([value, count]) => ({ value, count }));
  const other = sorted.slice(MAX_CATEGORIES).reduce((sum, [, count]) => sum + count, 0);
  return { kind: 'categories', column, values: kept, other, missing };
}

/** The p-quantile of sorted numbers, interpolated between ranks (R's and NumPy's default, type 7). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const a = sorted[low] as number;
  const b = sorted[Math.min(low + 1, sorted.length - 1)] as number;
  return a + (h - low) * (b - a);
}

/**
 * Quantile breaks, rounded to two significant figures (more only where two would merge classes):
 * each class holds about as many features as the next, which suits the skewed counts analysts
 * bring (seizures in kilos: a few huge, most small, which equal intervals would put in one class),
 * and a legend of 1,200 – 3,500 reads better than 1,187.25 – 3,492.5. Five values or fewer are a
 * class each.
 */
function breaksOf(sorted: readonly number[]): number[] {
  const distinct = [...new Set(sorted)];
  if (distinct.length <= CLASSES) return distinct.slice(1);
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  let best: number[] = [];
  for (let digits = 2; digits <= 6 && best.length < CLASSES - 1; digits++) {
    const breaks: number[] = [];
    for (let i = 1; i < CLASSES; i++) {
      const rounded = Number(quantile(sorted, i / CLASSES).toPrecision(digits));
      if (rounded > min && rounded <= max && rounded > (breaks.at(-1) ?? -Infinity)) breaks.push(rounded);
    }
    if (breaks.length > best.length) best = breaks;
  }
  // A break with no value before the next one would make an empty class: it goes.
  return best.filter((b, i) => sorted.some((v) => v >= b && v < (best[i + 1] ?? Infinity)));
}

function range(column: string, numbers: number[], missing: number): Range {
  const sorted = [...numbers].sort((a, b) => a - b);
  const breaks = breaksOf(sorted);
  const classes = [...breaks.map(() => 0), 0].map(() => ({ low: Infinity, high: -Infinity, count: 0 }));
  for (const v of sorted) {
    const c = classes[classIndex(breaks, v)] as Range['classes'][number];
    c.low = Math.min(c.low, v);
    c.high = Math.max(c.high, v);
    c.count += 1;
  }
  return {
    kind: 'range',
    column,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    breaks,
    classes,
    missing,
  };
}

const classIndex = (breaks: readonly number[], v: number): number => breaks.filter((b) => b <= v).length;

/** The ramp's colours for this many classes, spread from one end to the other. */
export function rampColours(classes: number): string[] {
  if (classes <= 1) return [RAMP[RAMP.length - 1] as string];
  return Array.from(
    { length: classes },
    (_, i) => RAMP[Math.round((i * (RAMP.length - 1)) / (classes - 1))] as string,
  );
}

/**
 * What the map's copy of a feature holds under COLOUR_KEY: a category's index (-1 for "other"), or
 * the number itself for a range; undefined for no value, which the expression draws as such.
 */
export function mapValue(
  scheme: ColourScheme,
  properties: Record<string, unknown> | null,
): number | undefined {
  const value = cellOf(properties, scheme.column);
  if (categoryOf(value) === undefined) return undefined;
  if (scheme.kind === 'range') return numberOf(value);
  const text = categoryOf(value);
  const index = scheme.values.findIndex((v) => v.value === text);
  return index >= 0 ? index : -1;
}

/** The colour a feature is drawn in, as the expression gives it: for pictures drawn off the map. */
export function colourOf(scheme: ColourScheme, properties: Record<string, unknown> | null): string {
  const value = mapValue(scheme, properties);
  if (value === undefined) return NO_VALUE_COLOUR;
  if (scheme.kind === 'categories') return value < 0 ? OTHER_COLOUR : (CATEGORY_COLOURS[value] as string);
  return rampColours(scheme.classes.length)[classIndex(scheme.breaks, value)] as string;
}

/**
 * The MapLibre expression for a layer's colour: `match` on the category's index, or `step` on the
 * number at the breaks; anything else (no value) in NO_VALUE_COLOUR. Plain arrays, so this module
 * needs nothing of maplibre-gl.
 */
export function colourExpression(scheme: ColourScheme): unknown[] {
  const input = ['get', COLOUR_KEY];
  if (scheme.kind === 'categories') {
    const stops = scheme.values.flatMap((_, i) => [i, CATEGORY_COLOURS[i] as string]);
    return ['match', input, ...stops, -1, OTHER_COLOUR, NO_VALUE_COLOUR];
  }
  const colours = rampColours(scheme.classes.length);
  // `step` needs a stop: a column of one value is one colour.
  const step =
    scheme.breaks.length === 0
      ? colours[0]
      : ['step', input, colours[0], ...scheme.breaks.flatMap((b, i) => [b, colours[i + 1] as string])];
  return ['case', ['==', ['typeof', input], 'number'], step, NO_VALUE_COLOUR];
}

/**
 * The legend's lines for a scheme, in the page's language: each value or range with its colour and
 * how many features it holds, then "other" and "no value" where there are any. For the legend here
 * and for a picture's legend.
 */
export function legendEntries(scheme: ColourScheme, t: Messages): LegendEntry[] {
  // Grouped from five digits only, so that a year reads 2008, not 2,008 (engines before 'min2' group all).
  const number = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 6, useGrouping: 'min2' });
  const words = t.yourData.colourBy;
  const entries: LegendEntry[] =
    scheme.kind === 'categories'
      ? scheme.values.map((v, i) => ({
          label: v.value,
          colour: CATEGORY_COLOURS[i] as string,
          count: v.count,
        }))
      : scheme.classes.map((c, i) => {
          const colours = rampColours(scheme.classes.length);
          const low = i === 0 ? scheme.min : (scheme.breaks[i - 1] as number);
          const high = i === scheme.classes.length - 1 ? scheme.max : (scheme.breaks[i] as number);
          return {
            label:
              c.low === c.high
                ? number.format(c.low)
                : words.between(number.format(low), number.format(high)),
            colour: colours[i] as string,
            count: c.count,
          };
        });
  if (scheme.kind === 'categories' && scheme.other > 0)
    entries.push({ label: words.other, colour: OTHER_COLOUR, count: scheme.other });
  if (scheme.missing > 0)
    entries.push({ label: words.noValue, colour: NO_VALUE_COLOUR, count: scheme.missing });
  return entries;
}

/** A file's colour legend by one column, or undefined where it has no value in that column. */
export function fileLegend(
  features: readonly YourFeature[],
  column: string,
  t: Messages,
): { column: string; kind: ColourScheme['kind']; entries: LegendEntry[] } | undefined {
  const scheme = schemeFor(features, column);
  return scheme && { column, kind: scheme.kind, entries: legendEntries(scheme, t) };
}
