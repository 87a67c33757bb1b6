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
    yours:
      yourFiles.length > 0
        ? { title: t.yourData.title, entries: yourFiles.flatMap((file) => yourLegend(file, t)) }
        : null,
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

/** How far a line of a reader's key by a column sits in from its file's name. */
const INDENT = 16;
/** Where a row's words start after its swatch, and the swatch's width with its gap. */
const SWATCH = 28;

/**
 * Where a reader's legend row goes, for the PNG and the SVG alike: its dot's left edge (where it has
 * a colour: a file's name over its key has none), its words' left edge, and the room left for them.
 */
export function yourRowPlace(
  entry: YourLegendEntry,
  x: number,
  textWidth: number,
): { dot: number; text: number; width: number } {
  const at = entry.indent ? x + INDENT : x;
  const text = entry.colour ? at + SWATCH : at;
  return { dot: at, text, width: textWidth - (text - x - SWATCH) };
}

/** Room for a legend row's words: the frame's width less its margins, the swatch and the scale bar. */
export const legendTextWidth = (width: number): number => Math.max(60, width - 2 * 10 - SWATCH - 112);
