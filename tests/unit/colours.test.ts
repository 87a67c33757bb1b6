import { describe, expect, it } from 'vitest';
import { REPORT_LAYERS } from '../../src/layers/registry.ts';
import { areaColour, channels, theme } from '../../src/theme.ts';

type Rgb = [number, number, number];
type Matrix = [Rgb, Rgb, Rgb];

const toLinear = (c: number): number => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (v: number): number => {
  const c = Math.min(1, Math.max(0, v));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
};

/** sRGB (D65) to CIELAB, for CIE76 ΔE: the Euclidean distance between two Lab colours. */
function lab([r, g, b]: Rgb): Rgb {
  const [R, G, B] = [r, g, b].map(toLinear) as Rgb;
  const x = (0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / 0.95047;
  const y = 0.2126729 * R + 0.7151522 * G + 0.072175 * B;
  const z = (0.0193339 * R + 0.119192 * G + 0.9503041 * B) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: Rgb, b: Rgb): number => Math.hypot(...lab(a).map((v, i) => v - (lab(b)[i] as number)));

/** Machado, Oliveira and Fernandes (2009), severity 1, applied to linear RGB. */
const MACHADO: Record<string, Matrix | null> = {
  'normal vision': null,
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};
function simulate(rgb: Rgb, matrix: Matrix | null): Rgb {
  if (!matrix) return rgb;
  const linear = rgb.map(toLinear);
  return matrix.map((row) =>
    fromLinear(row.reduce((sum, m, i) => sum + m * (linear[i] as number), 0)),
  ) as Rgb;
}

const rgb = (hex: string): Rgb => channels(hex) as Rgb;
const areas = REPORT_LAYERS.flatMap(({ name, look }) =>
  look.kind === 'area' ? [{ name, colour: areaColour(look) }] : [],
);
const grounds = [
  { name: 'the sea', colour: theme.ocean },
  { name: 'plain land', colour: theme.land },
];
const MIN_DELTA_E = 12;

describe('area tints as drawn', () => {
  it('checks every area layer', () => {
    expect(areas.map((a) => a.name)).toEqual(['Alta Verapaz', 'Militarised policing']);
  });

  it('measures ΔE as CIE76 does: black to white is 100, a colour to itself 0', () => {
    expect(deltaE([0, 0, 0], [255, 255, 255])).toBeCloseTo(100, 3);
    expect(deltaE(rgb(theme.ocean), rgb(theme.ocean))).toBe(0);
    // Machado's matrices leave a grey grey.
    const grey = simulate([128, 128, 128], MACHADO.deuteranopia as Matrix);
    for (const c of grey) expect(c).toBeCloseTo(128, 0);
  });

  for (const [vision, matrix] of Object.entries(MACHADO)) {
    it(`differ from the sea, plain land and each other by ΔE ≥ ${MIN_DELTA_E}, in ${vision}`, () => {
      const seen = (hex: string) => simulate(rgb(hex), matrix);
      const close: string[] = [];
      areas.forEach((area, i) => {
        for (const other of [...grounds, ...areas.slice(i + 1)]) {
          const d = deltaE(seen(area.colour), seen(other.colour));
          if (d < MIN_DELTA_E) close.push(`${area.name} vs ${other.name}: ΔE ${d.toFixed(1)}`);
        }
      });
      expect(close).toEqual([]);
    });
  }
});
