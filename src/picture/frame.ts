import { dayInWords, TIMELINE } from '../data/time.ts';
import { REPORT_LAYERS, type ReportLayerId } from '../layers/registry.ts';
import { areaColour } from '../theme.ts';

/** The page's title, which every picture of the map carries. */
export const PICTURE_TITLE = 'Cocaine transit through Guatemala, as reported by BBC News on 15 January 2012';

/** The sources a picture must always name, whatever it shows. */
export const PICTURE_CREDITS = [
  'Report: BBC News, 15 January 2012',
  'Boundaries: Natural Earth (public domain)',
  'Places: GeoNames (CC BY 4.0)',
] as const;

export const SCHEMATIC_NOTE = 'Routes are schematic: the report names countries, not paths.';

export interface LegendEntry {
  id: ReportLayerId;
  name: string;
  /** A line layer's colours (the route, then the displacement), or an area's tint and outline. */
  swatch: { kind: 'lines'; colours: string[] } | { kind: 'area'; fill: string; outline: string };
}

/** What frames a picture of the map (PNG, SVG, print): the same words and keys in each. */
export interface PictureFrame {
  title: string;
  /** "As of 19 December 2010", the timeline's date. */
  asOf: string;
  legend: LegendEntry[];
  credits: readonly string[];
  /** The schematic note, when the routes are in the picture. */
  note: string | null;
  /** The link that reopens the view, written out in full; empty for a picture of no one view. */
  permalink: string;
}

export function pictureFrame({
  visible,
  date = TIMELINE.report,
  permalink,
}: {
  visible: readonly ReportLayerId[];
  date?: string;
  permalink: string;
}): PictureFrame {
  const legend: LegendEntry[] = REPORT_LAYERS.filter((layer) => visible.includes(layer.id)).map(
    ({ id, name, look }) => ({
      id,
      name,
      swatch:
        look.kind === 'flows'
          ? { kind: 'lines', colours: [look.route, look.displacement] }
          : { kind: 'area', fill: areaColour(look), outline: look.outline },
    }),
  );
  return {
    title: PICTURE_TITLE,
    asOf: `As of ${dayInWords(date)}`,
    legend,
    credits: PICTURE_CREDITS,
    note: legend.some((entry) => entry.swatch.kind === 'lines') ? SCHEMATIC_NOTE : null,
    permalink,
  };
}
