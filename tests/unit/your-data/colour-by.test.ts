import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { en, es } from '../../../src/i18n/index.ts';
import {
  CATEGORY_COLOURS,
  COLOUR_KEY,
  type ColourScheme,
  colourColumns,
  colourExpression,
  colourOf,
  fileLegend,
  legendEntries,
  mapValue,
  NO_VALUE_COLOUR,
  numberOf,
  OTHER_COLOUR,
  RAMP,
  schemeFor,
} from '../../../src/your-data/colour-by.ts';
import { properties, type YourFeature } from '../../../src/your-data/types.ts';
import { read } from './helpers.ts';

/** Features as the readers make them: prototype-free properties, one column. */
const features = (column: string, values: unknown[]): YourFeature[] =>
  values.map((value, id) => ({
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [0, 0] },
    properties: properties([[column, value]]),
  }));

const COLOUR_PAINT = {
  type: 'color',
  'property-type': 'data-driven',
  expression: { interpolated: false, parameters: ['zoom', 'feature'] },
} as never;

/** The scheme's expression as MapLibre compiles and evaluates it, for a feature with this `_c`. */
function drawn(scheme: ColourScheme, value: number | undefined): string {
  const compiled = createExpression(colourExpression(scheme), COLOUR_PAINT);
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  const feature = { type: 'Point', properties: value === undefined ? {} : { [COLOUR_KEY]: value } } as never;
  // A literal colour comes back as written; a computed one as MapLibre's Color (0–1 channels).
  const result = compiled.value.evaluate({ zoom: 5 }, feature) as
    | string
    | { r: number; g: number; b: number };
  if (typeof result === 'string') return result.toLowerCase();
  return `#${[result.r, result.g, result.b]
    .map((c) =>
      Math.round(c * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Every feature drawn by the expression in the colour colourOf gives it (what a picture would use). */
function expectExpressionAgrees(scheme: ColourScheme, list: YourFeature[]): void {
  for (const f of list)
    expect(drawn(scheme, mapValue(scheme, f.properties)), JSON.stringify(f.properties)).toBe(
      colourOf(scheme, f.properties),
    );
}

describe('colour by a column: categories', () => {
  const values = [
    ...['pista', 'pista', 'pista', 'lancha', 'lancha', 'avioneta'],
    ...['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    '',
    '  ',
    null,
  ];
  const list = features('tipo', values);

  it('keeps the eight most frequent values, ties in the order first seen, and counts the rest as other', () => {
    const scheme = schemeFor(list, 'tipo');
    expect(scheme).toEqual({
      kind: 'categories',
      column: 'tipo',
      values: [
        { value: 'pista', count: 3 },
        { value: 'lancha', count: 2 },
        ...['avioneta', 'a', 'b', 'c', 'd', 'e'].map((value) => ({ value, count: 1 })),
      ],
      other: 2,
      missing: 3,
    });
  });

  it('lists each category with its colour and count, then other and no value, in both languages', () => {
    const scheme = schemeFor(list, 'tipo') as ColourScheme;
    const entries = legendEntries(scheme, en);
    expect(entries).toHaveLength(10);
    expect(entries[0]).toEqual({ label: 'pista', colour: CATEGORY_COLOURS[0], count: 3 });
    expect(entries.slice(-2)).toEqual([
      { label: 'other', colour: OTHER_COLOUR, count: 2 },
      { label: 'no value', colour: NO_VALUE_COLOUR, count: 3 },
    ]);
    expect(
      legendEntries(scheme, es)
        .slice(-2)
        .map((e) => e.label),
    ).toEqual(['otros', 'sin valor']);
    expect(new Set(entries.map((e) => e.colour)).size).toBe(10);
  });

  it('draws each feature through a match expression in its legend colour', () => {
    const scheme = schemeFor(list, 'tipo') as ColourScheme;
    expect(colourExpression(scheme)[0]).toBe('match');
    expectExpressionAgrees(scheme, list);
    expect(colourOf(scheme, list[0]?.properties ?? null)).toBe(CATEGORY_COLOURS[0]);
    expect(colourOf(scheme, list[12]?.properties ?? null)).toBe(OTHER_COLOUR);
    expect(colourOf(scheme, list[13]?.properties ?? null)).toBe(NO_VALUE_COLOUR);
  });

  it('has no other entry where eight values or fewer, and no "no value" where every cell is filled', () => {
    const scheme = schemeFor(features('k', ['x', 'y', 'x', true, { a: 1 }]), 'k') as ColourScheme;
    expect(legendEntries(scheme, en).map((e) => e.label)).toEqual(['x', 'y', 'true', '{"a":1}']);
  });
});

describe('colour by a column: a numeric range', () => {
  const kilos = [1200.5, 350, 80, 42.25, 5000, 15, 620, 95, 2100, 310, 7.5, 150, 900, 48, 2800];

  it('breaks at quantiles rounded to two significant figures, five classes of three', () => {
    const scheme = schemeFor(features('kilos', [...kilos, null]), 'kilos');
    expect(scheme).toMatchObject({
      kind: 'range',
      min: 7.5,
      max: 5000,
      breaks: [47, 130, 460, 1400],
      missing: 1,
    });
    expect(scheme?.kind === 'range' && scheme.classes.map((c) => c.count)).toEqual([3, 3, 3, 3, 3]);
  });

  it('shows the breaks in the legend, numbers written in the page language', () => {
    const scheme = schemeFor(features('kilos', [...kilos, '']), 'kilos') as ColourScheme;
    expect(legendEntries(scheme, en)).toEqual([
      { label: '7.5 – 47', colour: RAMP[0], count: 3 },
      { label: '47 – 130', colour: RAMP[1], count: 3 },
      { label: '130 – 460', colour: RAMP[2], count: 3 },
      { label: '460 – 1400', colour: RAMP[3], count: 3 },
      { label: '1400 – 5000', colour: RAMP[4], count: 3 },
      { label: 'no value', colour: NO_VALUE_COLOUR, count: 1 },
    ]);
    expect(legendEntries(scheme, es)[0]?.label).toBe('7,5 – 47');
  });

  it('draws each feature through a step expression in its class colour, no value apart', () => {
    const list = features('kilos', [...kilos, null]);
    const scheme = schemeFor(list, 'kilos') as ColourScheme;
    expect(colourExpression(scheme)[0]).toBe('case');
    expectExpressionAgrees(scheme, list);
    // On a break, a value is in the class above: as the legend's "47 – 130" begins at 47.
    expect(drawn(scheme, 47)).toBe(RAMP[1]);
    expect(drawn(scheme, 46.9)).toBe(RAMP[0]);
    expect(drawn(scheme, undefined)).toBe(NO_VALUE_COLOUR);
  });

  it('gives five values or fewer a class each, labelled with the value, spread along the ramp', () => {
    const scheme = schemeFor(features('n', [3, 1, 2, 3, 1]), 'n') as ColourScheme;
    expect(legendEntries(scheme, en)).toEqual([
      { label: '1', colour: RAMP[0], count: 2 },
      { label: '2', colour: RAMP[2], count: 1 },
      { label: '3', colour: RAMP[4], count: 2 },
    ]);
  });

  it('breaks years at years, written without a thousands separator; groups from five digits', () => {
    const years = [2005, 2006, 2006, 2007, 2008, 2008, 2009, 2010, 2011, 2011, 2012, 2012];
    const scheme = schemeFor(features('year', years), 'year') as ColourScheme;
    expect(scheme.kind === 'range' && scheme.breaks.every(Number.isInteger)).toBe(true);
    expect(legendEntries(scheme, en).map((e) => e.label)).toEqual([
      // A class holding one year is labelled with it alone.
      '2005',
      '2006 – 2008',
      '2008 – 2010',
      '2010',
      '2011 – 2012',
    ]);
    const big = schemeFor(features('n', [1000, 25_000, 98_000.5]), 'n') as ColourScheme;
    expect(legendEntries(big, en).map((e) => e.label)).toEqual(['1000', '25,000', '98,000.5']);
  });

  it('draws a column of one value in one colour, with a valid expression', () => {
    const list = features('n', [5, 5, null]);
    const scheme = schemeFor(list, 'n') as ColourScheme;
    expect(legendEntries(scheme, en).map((e) => e.label)).toEqual(['5', 'no value']);
    expectExpressionAgrees(scheme, list);
  });

  it('leaves out no class where many values tie: each class listed holds features', () => {
    const values = [...Array(40).fill(0), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const scheme = schemeFor(features('n', values), 'n') as ColourScheme;
    expect(scheme.kind === 'range' && scheme.classes.every((c) => c.count > 0)).toBe(true);
    expect(scheme.kind === 'range' && scheme.classes.reduce((s, c) => s + c.count, 0)).toBe(50);
  });

  it('reads numbers written as text (KML, GPX), but not codes with leading zeros or decimal commas', () => {
    expect([' 12.5 ', '-3', '1e3', '.5'].map(numberOf)).toEqual([12.5, -3, 1000, 0.5]);
    expect(['01234', '12,5', '1 200', 'NaN', 'Infinity', true].map(numberOf)).toEqual(
      Array(6).fill(undefined),
    );
    expect(schemeFor(features('n', ['1', '2.5', '10']), 'n')?.kind).toBe('range');
    expect(schemeFor(features('n', ['01', '02', '10']), 'n')?.kind).toBe('categories');
    expect(schemeFor(features('n', [1, 2, 'n/a']), 'n')?.kind).toBe('categories');
  });

  it('reads a Spanish Excel file’s decimal commas as numbers: the CSV reader parsed them', () => {
    const data = read('spanish-excel/incautaciones.csv', { dateOrder: 'day-first' });
    const scheme = schemeFor(data.features, 'Kilos');
    expect(scheme).toMatchObject({ kind: 'range', min: 42.25, max: 1200.5 });
  });
});

describe('colour by a column: empty and hostile columns', () => {
  it('offers only columns with a value, and has no scheme for an empty one', () => {
    const list = features('empty', ['', null, '  ']);
    expect(schemeFor(list, 'empty')).toBeUndefined();
    expect(schemeFor(list, 'absent')).toBeUndefined();
    expect(colourColumns(list, ['empty', 'absent'])).toEqual([]);
    expect(fileLegend(list, 'empty', en)).toBeUndefined();
  });

  it('colours by columns named __proto__ and constructor, and by such values, reaching no prototype', () => {
    for (const column of ['__proto__', 'constructor', 'toString']) {
      const list = features(column, ['__proto__', 'constructor', '__proto__', 'x']);
      const scheme = schemeFor(list, column);
      expect(scheme, column).toMatchObject({
        kind: 'categories',
        column,
        values: [
          { value: '__proto__', count: 2 },
          { value: 'constructor', count: 1 },
          { value: 'x', count: 1 },
        ],
      });
      expect(list.map((f) => mapValue(scheme as ColourScheme, f.properties))).toEqual([0, 1, 0, 2]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never reads an inherited member: on an ordinary object, "constructor" is no value', () => {
    const list: YourFeature[] = [
      { type: 'Feature', id: 0, geometry: { type: 'Point', coordinates: [0, 0] }, properties: { a: 1 } },
    ];
    expect(schemeFor(list, 'constructor')).toBeUndefined();
    expect(colourColumns(list, ['a', 'constructor', 'toString'])).toEqual(['a']);
  });

  it('keeps a value holding markup as its characters, for the legend to show as text', () => {
    const list = features('x', ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>', 'b']);
    expect(fileLegend(list, 'x', en)?.entries[0]?.label).toBe('<img src=x onerror=alert(1)>');
  });
});
