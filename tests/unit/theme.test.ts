import { describe, expect, it } from 'vitest';
import { channels, theme } from '../../src/theme.ts';

/** WCAG 2.1 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('map text colours', () => {
  // Every label is drawn with a light halo, and lies over land, sea or a mission fill; AA asks 4.5:1.
  const TEXT = [
    theme.countryLabel,
    theme.departmentLabel,
    theme.transitFlowText,
    theme.displacement,
    theme.altaVerapazOutline,
    theme.militarisedOutline,
    theme.annotationText,
  ];
  const GROUNDS = [theme.labelHalo, theme.land, theme.ocean, theme.landFocus];

  it('reach WCAG AA contrast (4.5:1) on the halo and on every ground they sit on', () => {
    for (const text of TEXT) {
      for (const ground of GROUNDS)
        expect(contrast(text, ground), `${text} on ${ground}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('sanity: the formula gives 21:1 for black on white', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
