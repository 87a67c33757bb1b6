/**
 * The reader's own files in a picture of the map: their legend entries and the colour each feature
 * is drawn in, for the PNG's and the SVG's frames and the SVG's shapes (./your-shapes.ts). Pure and
 * small: the PNG loads it without the SVG's drawing code. The map draws the files in
 * src/map/your-data-layers.ts; what the two must agree on (the properties holding a feature's own
 * colours, the widths and opacities) is written out here as the map's style has it.
 */
import type { Geometry } from 'geojson';
import type { Messages } from '../i18n/index.ts';
import { type ColourScheme, colourOf, legendEntries } from '../your-data/colour-by.ts';
import { CLUSTERING } from '../your-data/tile-layers.ts';
import type { DateColumn, YourFeature } from '../your-data/types.ts';

/** A reader's file as a picture needs it: its name, its palette colour, its features and dates. */
export interface PictureFile {
  name: string;
  /** The file's colour on the map (src/ui/your-data-words.ts paletteColour). */
  colour: string;
  features: readonly YourFeature[];
  dates?: DateColumn;
  /** The column the reader colours the file by, as the map does (src/your-data/colour-by.ts). */
  colourBy?: ColourScheme;
}

/** One row of a picture's "Your data" legend: a swatch and its words, or words alone over a key. */
export interface YourLegendEntry {
  label: string;
  colour?: string;
  /** A line of a file's key by a column, under the file's name. */
  indent?: boolean;
}

/**
 * The properties a feature's own colour is read from, first that parses wins (simplestyle's and
 * KML's as @tmcw/togeojson writes them), as src/map/your-data-layers.ts's `own(…)` reads them.
 */
export const OWN_COLOUR: Record<'area' | 'outline' | 'line' | 'point', readonly string[]> = {
  area: ['fill'],
  outline: ['stroke'],
  line: ['stroke'],
  point: ['marker-color', 'icon-color'],
};

/** The map's paint for the reader's layers (src/map/your-data-layers.ts): in force, then uncertain. */
export const LOOK = {
  fillOpacity: [0.3, 0.12],
  outline: { width: 1.5, opacity: [1, 0.4] },
  line: { width: 2.5, opacity: [1, 0.4] },
  point: { radius: 5, stroke: '#ffffff', strokeWidth: 1.5, opacity: [1, 0.35] },
  /**
   * A file of `from` points or more is clustered within `pixels` up to `maxZoom`, as the tile worker
   * clusters them (CLUSTERING); each bubble's radius steps up with its count ([from, radius]), ringed
   * white, its count in bold white.
   */
  cluster: {
    ...CLUSTERING,
    radius: [
      [0, 12],
      [100, 16],
      [1000, 21],
    ],
    strokeWidth: 2,
    textSize: 12,
  },
} as const;

const NAMED_COLOURS = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown ' +
    'burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan ' +
    'darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid ' +
    'darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet ' +
    'deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ' +
    'ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki ' +
    'lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow ' +
    'lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine ' +
    'mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen ' +
    'mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace ' +
    'olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred ' +
    'papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue ' +
    'saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey ' +
    'snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow ' +
    'yellowgreen transparent'
  ).split(' '),
);
const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)%?`;
const FUNCTIONAL = new RegExp(
  String.raw`^(?:rgba?|hsla?)\(\s*${NUMBER}(?:deg)?(?:\s*[,\s]\s*${NUMBER}){2}(?:\s*[,/]\s*${NUMBER})?\s*\)$`,
  'i',
);

/**
 * A CSS colour as MapLibre's `to-color` reads one (hex, rgb(), hsl(), a CSS name), trimmed; anything
 * else is no colour, and the next property or the file's colour is used, as on the map.
 */
export function cssColour(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(text) || FUNCTIONAL.test(text)) return text;
  return NAMED_COLOURS.has(text.toLowerCase()) ? text.toLowerCase() : undefined;
}

export type Part = keyof typeof OWN_COLOUR;

/** The colour a feature's part is drawn in: its own, where it has one that parses, else its file's. */
export function ownColour(feature: YourFeature, part: Part, fallback: string): string {
  const properties = feature.properties;
  for (const key of OWN_COLOUR[part]) {
    const colour = properties && Object.hasOwn(properties, key) ? cssColour(properties[key]) : undefined;
    if (colour) return colour;
  }
  return fallback;
}

/** The colour a feature's part is drawn in: by the file's column where the reader chose one, as on the map. */
export const featureColour = (file: PictureFile, feature: YourFeature, part: Part): string =>
  file.colourBy ? colourOf(file.colourBy, feature.properties) : ownColour(feature, part, file.colour);

/** Which of the map's layers draws a geometry: its area (with an outline), its line or its point. */
export function partOf(geometry: Geometry | null): 'area' | 'line' | 'point' | undefined {
  switch (geometry?.type) {
    case 'Polygon':
    case 'MultiPolygon':
      return 'area';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Point':
    case 'MultiPoint':
      return 'point';
    default:
      return undefined;
  }
}

/**
 * The legend entries of one reader's file, for every picture: the one place they are made. A file
 * coloured by a column: its name and the column, then the key's lines as the page's legend has them.
 * Otherwise one entry, the file's name with the colour its features are drawn in: the file's palette
 * colour, or its own colour where every feature has the same one (a My Maps layer of red pins is
 * keyed red).
 */
export function yourLegend(file: PictureFile, t: Messages): YourLegendEntry[] {
  if (file.colourBy) {
    const count = new Intl.NumberFormat(t.locale);
    return [
      { label: `${file.name}: ${t.yourData.colourBy.key(file.colourBy.column)}` },
      ...legendEntries(file.colourBy, t).map((e) => ({
        label: `${e.label} (${count.format(e.count)})`,
        colour: e.colour,
        indent: true,
      })),
    ];
  }
  const colours = new Set(
    file.features.flatMap((f) => {
      const part = partOf(f.geometry);
      return part ? [ownColour(f, part, file.colour)] : [];
    }),
  );
  const [only] = colours;
  return [{ label: file.name, colour: colours.size === 1 && only ? only : file.colour }];
}
