import type { LayerLook } from '../layers/registry.ts';
import { channels, FONT_BOLD, FONT_REGULAR } from '../theme.ts';

/**
 * How the web map draws the report layers, in the numbers the QGIS and SLD styles need. The widths
 * are the paint values of src/style/flows.ts and report-layers.ts, in pixels; formats/ may not import
 * style/, so tests/unit/qml.test.ts compares these with the built style.
 */
export const FLOW = {
  casingWidth: 6.5,
  casingOpacity: 0.85,
  routeWidth: 4,
  displacementWidth: 3.5,
  /** MapLibre's line-dasharray, in line widths. */
  displacementDash: [2, 1.2],
  /** Pixels between arrowheads along a line (symbol-spacing). */
  arrowSpacing: 90,
  arrowSize: 18,
  arrowHalo: 1.5,
  labelSize: 12,
} as const;

export const LABEL_HALO_WIDTH = 1.8;

/** An area's text size at the zoom the map opens at: larger for the layer that is the map's focus. */
export const areaLabelSize = (emphasis: boolean): number => (emphasis ? 13 : 12);

/** The displacement's dash pattern in pixels: MapLibre scales its dashes by the line's width. */
export const displacementDashPx = (): number[] =>
  FLOW.displacementDash.map((d) => Math.round(d * FLOW.displacementWidth * 100) / 100);

/** The font family the map's labels use, without its style word. */
export const FONT_FAMILY = FONT_REGULAR.replace(/ Regular$/, '');
export const fontStyle = (bold: boolean): string =>
  (bold ? FONT_BOLD : FONT_REGULAR).slice(FONT_FAMILY.length + 1);

/** What a flow type looks like: its value in `flow_type`, line and text colours, and whether dashed. */
export interface FlowKind {
  value: 'route' | 'displacement';
  colour: string;
  textColour: string;
  width: number;
  dashed: boolean;
  /** How the legend names it: both are schematic, and a printed QGIS legend must say so. */
  legend: string;
}

export function flowKinds(look: Extract<LayerLook, { kind: 'flows' }>): FlowKind[] {
  return [
    {
      value: 'route',
      colour: look.route,
      textColour: look.routeText,
      width: FLOW.routeWidth,
      dashed: false,
      legend: 'Cocaine route (schematic)',
    },
    {
      value: 'displacement',
      colour: look.displacement,
      textColour: look.displacement,
      width: FLOW.displacementWidth,
      dashed: true,
      legend: 'Zetas moving into Guatemala (schematic)',
    },
  ];
}

/** QGIS writes colours as `r,g,b,a`, each 0–255. */
export const qgisColour = (hex: string, opacity = 1): string =>
  [...channels(hex), Math.round(opacity * 255)].join(',');
