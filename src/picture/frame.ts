import { dayInWords, TIMELINE } from '../data/time.ts';
import { en, type Messages } from '../i18n/index.ts';
import { REPORT_LAYERS, type ReportLayerId } from '../layers/registry.ts';
import { areaColour } from '../theme.ts';
import { type PictureFile, type YourLegendEntry, yourLegend } from './your-legend.ts';

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
  /** The reader's files' entries under their own heading ("Your data"), apart from the report's. */
  yours: { title: string; entries: YourLegendEntry[] } | null;
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
  /** The reader's own files drawn in the picture: keyed and credited apart, never as the report's. */
  yourFiles?: readonly PictureFile[];
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
    yours: yourFiles.length > 0 ? { title: t.yourData.title, entries: yourFiles.flatMap(yourLegend) } : null,
    credits:
      yourFiles.length > 0
        ? [...credits(t), t.yourData.credit(yourFiles.map((f) => f.name).join(', '))]
        : credits(t),
    note: legend.some((entry) => entry.swatch.kind === 'lines') ? t.picture.schematic : null,
    permalink,
  };
}

/** One row of a picture's legend, top to bottom: the report's layers, then the reader's under their heading. */
export type LegendRow =
  | { kind: 'report'; entry: LegendEntry }
  | { kind: 'heading'; text: string }
  | { kind: 'yours'; entry: YourLegendEntry };

/** The legend's rows, which the PNG and the SVG lay out alike. */
export const legendRows = (frame: PictureFrame): LegendRow[] => [
  ...frame.legend.map((entry): LegendRow => ({ kind: 'report', entry })),
  ...(frame.yours
    ? [
        { kind: 'heading', text: frame.yours.title } as const,
        ...frame.yours.entries.map((entry): LegendRow => ({ kind: 'yours', entry })),
      ]
    : []),
];

/** Room for a legend row's words: the frame's width less its margins, the swatch and the scale bar. */
export const legendTextWidth = (width: number): number => Math.max(60, width - 2 * 10 - 28 - 112);
