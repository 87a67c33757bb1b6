import { dayInWords, TIMELINE } from '../data/time.ts';
import { en, type Messages } from '../i18n/index.ts';
import { REPORT_LAYERS, type ReportLayerId } from '../layers/registry.ts';
import { areaColour } from '../theme.ts';

/** The page's title, which every picture of the map carries. */
export const PICTURE_TITLE = en.page.heading;

/** The sources a picture must always name, whatever it shows. */
const credits = (t: Messages) => [t.picture.creditReport, t.picture.creditBoundaries, t.picture.creditPlaces];
export const PICTURE_CREDITS = credits(en);

export const SCHEMATIC_NOTE = en.picture.schematic;

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
  t = en,
  yourFiles = [],
}: {
  visible: readonly ReportLayerId[];
  date?: string;
  permalink: string;
  /** The reader's own files drawn in the picture: credited apart, never as the report's. */
  yourFiles?: readonly string[];
  /** The frame's language; English by default. */
  t?: Messages;
}): PictureFrame {
  const legend: LegendEntry[] = REPORT_LAYERS.filter((layer) => visible.includes(layer.id)).map(
    ({ id, look }) => ({
      id,
      name: t.layers[id].name,
      swatch:
        look.kind === 'flows'
          ? { kind: 'lines', colours: [look.route, look.displacement] }
          : { kind: 'area', fill: areaColour(look), outline: look.outline },
    }),
  );
  return {
    title: t.page.heading,
    asOf: t.picture.asOf(dayInWords(date, t)),
    legend,
    credits: yourFiles.length > 0 ? [...credits(t), t.yourData.credit(yourFiles.join(', '))] : credits(t),
    note: legend.some((entry) => entry.swatch.kind === 'lines') ? t.picture.schematic : null,
    permalink,
  };
}
