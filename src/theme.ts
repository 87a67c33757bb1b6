/**
 * Every colour the map draws with. The layers' colours come from the Okabe–Ito palette and Paul
 * Tol's muted olive, which stay apart under the common forms of colour blindness
 * (https://jfly.uni-koeln.de/color/, https://personal.sron.nl/~pault/); tests/unit/colours.test.ts
 * checks each area's drawn tint against the sea, the land and the other areas.
 * Text colours are dark on light halos so labels keep WCAG AA contrast (≥ 4.5:1) over land and sea.
 */
export const theme = {
  ocean: '#c9dde8',
  land: '#f3f0e8',
  landFocus: '#ebe6d9',
  countryBorder: '#8a8478',
  departmentBorder: '#b3aa98',
  countryLabel: '#2b2b2b',
  departmentLabel: '#4a4a4a',
  labelHalo: '#ffffff',

  transitFlow: '#c2410c',
  transitFlowText: '#9a3412',
  displacement: '#7b2d8e',
  altaVerapazFill: '#e69f00',
  altaVerapazOutline: '#7a4a00',
  // Olive: the army's colour, and apart from the sea, the land and Alta Verapaz in every vision.
  militarisedFill: '#999933',
  militarisedOutline: '#4d4d1a',
  annotationText: '#1a1a1a',
} as const;

export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_BOLD = 'Noto Sans Bold';

/** The red, green and blue channels (0–255) of a `#rrggbb` colour. */
export const channels = (hex: string): number[] =>
  [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/**
 * An area's tint as it shows on land: `fill` at `fillOpacity` over `theme.land`, as one opaque
 * colour. Drawn opaque, an area costs MapLibre no blending, looks the same whatever lies under it
 * (Alta Verapaz is as orange with the militarised tint on as off), and matches its legend swatch.
 */
export function areaColour({ fill, fillOpacity }: { fill: string; fillOpacity: number }): string {
  const over = channels(theme.land);
  return `#${channels(fill)
    .map((c, i) => Math.round(c * fillOpacity + (over[i] as number) * (1 - fillOpacity)))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/**
 * The reader's own layers, one colour a file in turn: each stays ΔE ≥ 12 from the report's colours,
 * the sea and the land, and apart from the others, in normal vision, deuteranopia and protanopia
 * (tests/unit/your-data-colours.test.ts), so a reader's file never passes for the report's.
 */
export const yourDataPalette = ['#1e88e5', '#009e73', '#cc79a7', '#222222', '#882255', '#56b4e9'] as const;
