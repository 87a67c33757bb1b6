import { describe, expect, it } from 'vitest';
import { REPORT_LAYERS } from '../../src/layers/registry.ts';
import { areaColour, theme, yourDataPalette } from '../../src/theme.ts';
import { paletteColour } from '../../src/ui/your-data-words.ts';
import {
  CATEGORY_COLOURS,
  MAX_CATEGORIES,
  NO_VALUE_COLOUR,
  OTHER_COLOUR,
  RAMP,
} from '../../src/your-data/colour-by.ts';
import { deltaE76, rgb, simulate, VISIONS } from './colour-vision.ts';

/** Everything of the report's a reader's colour must not be taken for, as it is drawn. */
const report = [
  { name: 'the sea', colour: theme.ocean },
  { name: 'plain land', colour: theme.land },
  { name: 'the transit route', colour: theme.transitFlow },
  { name: "the Zetas' move", colour: theme.displacement },
  ...REPORT_LAYERS.flatMap(({ name, look }) =>
    look.kind === 'area'
      ? [
          { name: `${name} (tint)`, colour: areaColour(look) },
          { name: `${name} (fill)`, colour: look.fill },
          { name: `${name} (outline)`, colour: look.outline },
        ]
      : [],
  ),
];
const MIN_DELTA_E = 12;

describe("the reader's palette (CIE76 ΔE, Machado 2009 simulation)", () => {
  it('measures what it should: every report area and both grounds are compared', () => {
    expect(report).toHaveLength(10);
    expect(deltaE76([0, 0, 0], [255, 255, 255])).toBeCloseTo(100, 3);
  });

  for (const [vision, matrix] of Object.entries(VISIONS)) {
    it(`keeps each colour ΔE ≥ ${MIN_DELTA_E} from the report's colours and from each other, in ${vision}`, () => {
      const seen = (hex: string) => simulate(rgb(hex), matrix);
      const close: string[] = [];
      yourDataPalette.forEach((colour, i) => {
        for (const other of [
          ...report,
          ...yourDataPalette.slice(i + 1).map((c) => ({ name: c, colour: c })),
        ]) {
          const d = deltaE76(seen(colour), seen(other.colour));
          if (d < MIN_DELTA_E) close.push(`${colour} vs ${other.name}: ΔE ${d.toFixed(1)}`);
        }
      });
      expect(close).toEqual([]);
    });
  }

  it('gives the files a different colour each, round the palette', () => {
    const first = yourDataPalette.map((_, i) => paletteColour(i));
    expect(new Set(first).size).toBe(yourDataPalette.length);
    expect(paletteColour(yourDataPalette.length)).toBe(paletteColour(0));
  });
});

/** Colours that must stay apart from each other and from every colour of the report's, in each vision. */
function tooClose(colours: readonly string[], matrix: (typeof VISIONS)[string]): string[] {
  const seen = (hex: string) => simulate(rgb(hex), matrix);
  const close: string[] = [];
  colours.forEach((colour, i) => {
    for (const other of [...report, ...colours.slice(i + 1).map((c) => ({ name: c, colour: c }))]) {
      const d = deltaE76(seen(colour), seen(other.colour));
      if (d < MIN_DELTA_E) close.push(`${colour} vs ${other.name}: ΔE ${d.toFixed(1)}`);
    }
  });
  return close;
}

describe('colour by a column (CIE76 ΔE, Machado 2009 simulation)', () => {
  it('has a colour for each of the eight categories, and other and no value apart from them', () => {
    expect(CATEGORY_COLOURS).toHaveLength(MAX_CATEGORIES);
    expect(RAMP).toHaveLength(5);
  });

  for (const [vision, matrix] of Object.entries(VISIONS)) {
    it(`keeps the categories, other and no value ΔE ≥ ${MIN_DELTA_E} apart and from the report's colours, in ${vision}`, () => {
      expect(tooClose([...CATEGORY_COLOURS, OTHER_COLOUR, NO_VALUE_COLOUR], matrix)).toEqual([]);
    });

    it(`keeps each step of the ramp and no value ΔE ≥ ${MIN_DELTA_E} apart and from the report's colours, in ${vision}`, () => {
      expect(tooClose([...RAMP, NO_VALUE_COLOUR], matrix)).toEqual([]);
    });
  }

  it('ramps from dark to light: each step lighter than the last, so its order shows in greyscale', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = rgb(hex).map((c) => c / 255) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const steps = RAMP.map(luminance);
    expect(steps.every((l, i) => i === 0 || l > (steps[i - 1] as number))).toBe(true);
  });
});
