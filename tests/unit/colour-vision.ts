/**
 * Colour distance and simulated colour blindness for the colour tests: CIE76 ΔE (the Euclidean
 * distance in CIELAB, D65) and Machado, Oliveira and Fernandes (2009) at severity 1, in linear RGB.
 */
import { channels } from '../../src/theme.ts';

export type Rgb = [number, number, number];
type Matrix = [Rgb, Rgb, Rgb];

const toLinear = (c: number): number => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (v: number): number => {
  const c = Math.min(1, Math.max(0, v));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
};

function lab([r, g, b]: Rgb): Rgb {
  const [R, G, B] = [r, g, b].map(toLinear) as Rgb;
  const x = (0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / 0.95047;
  const y = 0.2126729 * R + 0.7151522 * G + 0.072175 * B;
  const z = (0.0193339 * R + 0.119192 * G + 0.9503041 * B) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

export const deltaE76 = (a: Rgb, b: Rgb): number => {
  const [la, lb] = [lab(a), lab(b)];
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
};

export const VISIONS: Record<string, Matrix | null> = {
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

export function simulate(rgb: Rgb, matrix: Matrix | null): Rgb {
  if (!matrix) return rgb;
  const linear = rgb.map(toLinear);
  return matrix.map((row) =>
    fromLinear(row.reduce((sum, m, i) => sum + m * (linear[i] as number), 0)),
  ) as Rgb;
}

export const rgb = (hex: string): Rgb => channels(hex) as Rgb;
