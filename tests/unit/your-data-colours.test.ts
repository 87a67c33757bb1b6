import { describe, expect, it } from 'vitest';
import { REPORT_LAYERS } from '../../src/layers/registry.ts';
import { areaColour, theme, yourDataPalette } from '../../src/theme.ts';
import { paletteColour } from '../../src/ui/your-data-words.ts';
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
