import { dayInWords } from '../data/time.ts';
import { escapeXml } from '../formats/xml.ts';
import { en, type Messages } from '../i18n/index.ts';
import type { BasemapData } from '../layers/basemap.ts';
import type { ReportData, ReportLayerId } from '../layers/registry.ts';
import { theme } from '../theme.ts';
import { pictureFrame } from './frame.ts';
import { drawFrame } from './frame-svg.ts';
import { FONT_FAMILY, mapLabels } from './labels.ts';
import type { PictureView } from './project.ts';
import { makeScene, type Scene } from './scene.ts';
import { ARROWHEAD_PATH, countryShapes, departments, reportFills, reportShapes } from './shapes.ts';
import { element, group, num } from './xml.ts';
import type { PictureFile } from './your-legend.ts';
import { yourShapes } from './your-shapes.ts';

export type { PictureView } from './project.ts';

export interface PictureInput {
  view: PictureView;
  /** The frame's and the labels' language; English by default. */
  t?: Messages;
  basemap: BasemapData;
  data: ReportData;
  visible: readonly ReportLayerId[];
  /** The timeline's day, YYYY-MM-DD (src/data/time.ts). */
  date: string;
  /** The absolute link of the view; an empty one leaves the link out. */
  permalink: string;
  /** The reader's own files shown on the map, oldest first: drawn, keyed and credited apart from the report. */
  yourFiles?: readonly PictureFile[];
}

function describe(
  { center: [lng, lat], zoom, width, height }: PictureView,
  names: string[],
  date: string,
  files: readonly PictureFile[],
) {
  const layers = names.length > 0 ? `, showing ${names.join(', ')}` : ', with none of its layers shown';
  const ns = `${Math.abs(lat).toFixed(2)}° ${lat < 0 ? 'S' : 'N'}`;
  const ew = `${Math.abs(lng).toFixed(2)}° ${lng < 0 ? 'W' : 'E'}`;
  return (
    `A map of what the BBC News report of 15 January 2012 says about cocaine transit through Guatemala${layers}, ` +
    `as of ${dayInWords(date)}. Web Mercator, centred on ${ns}, ${ew} at zoom ${zoom.toFixed(2)}, ` +
    `${width} × ${height} pixels. Drawn from the map's data and theme: boundaries from Natural Earth, places ` +
    'from GeoNames. Each report layer is a group named by its id, and every word is text.' +
    (files.length > 0
      ? ` Also drawn, under the report's lines, the reader's own files, which are not part of the report: ${files.map((f) => f.name).join(', ')} (the group your-data; a file of many points in the map's clusters).`
      : '')
  );
}

/**
 * The map's layers in the picture, bottom first: the sea, the land, the report's tints, the reader's
 * files (over the tints and under every line, as the map stacks them), Guatemala's departments, the
 * borders, the report's lines and the labels. The land's shapes are `#country-shapes` in <defs>.
 */
export function mapLayers(
  scene: Scene,
  {
    calledOut,
    yourFiles = [],
    labels,
  }: { calledOut: Set<string>; yourFiles?: readonly PictureFile[]; labels?: string[] },
): string[] {
  const { style, view } = scene;
  return [
    element('rect', { id: 'sea', width: view.width, height: view.height, fill: theme.ocean }),
    element('use', {
      id: 'land',
      'xlink:href': '#country-shapes',
      fill: style.value<string>('countries-fill', 'fill-color'),
      stroke: 'none',
    }),
    ...reportFills(scene, calledOut),
    yourShapes(scene, yourFiles),
    departments(scene),
    element('use', {
      id: 'country-borders',
      'xlink:href': '#country-shapes',
      fill: 'none',
      stroke: style.value<string>('countries-line', 'line-color'),
      'stroke-width': style.number('countries-line', 'line-width'),
    }),
    ...reportShapes(scene),
    labels ? group({ id: 'labels' }, labels) : '',
  ].filter((part) => part !== '');
}

/**
 * The SVG picture of a view of the map, built from the data, the theme and the style rather than
 * from pixels: the sea, the land and its borders, the visible report layers as the timeline has them
 * on `date`, the reader's own files shown (over the report's tints, under its lines, as the map
 * stacks them: the group `your-data`), the labels, and the frame (title, date, legend, scale bar,
 * credits, note, link), which keys and credits the reader's files apart from the report. Each
 * report layer is a group named by its id (`<g id="transit-flows">`), with its fill, where it has
 * one, under the borders as `<id>-fill` and its labels as `<id>-labels`; every text is a <text>.
 * Pure: the same in the page and in Node, and it fetches nothing.
 */
export function mapSvg({
  view,
  basemap,
  data,
  visible,
  date,
  permalink,
  t = en,
  yourFiles = [],
}: PictureInput): string {
  const { width, height } = view;
  const scene = makeScene({ view, basemap, data, visible, date, t });
  const frame = pictureFrame({ visible, date, permalink, t, yourFiles });
  const framed = drawFrame(frame, view);
  // The frame is above and below the map, so the labels keep clear of nothing but its edges.
  const labels = mapLabels(scene, []);
  const total = framed.top + height + framed.bottom;
  const body = [
    element('title', {}, escapeXml(frame.title)),
    element(
      'desc',
      {},
      escapeXml(
        describe(
          view,
          scene.shown.map((l) => l.name),
          date,
          yourFiles,
        ),
      ),
    ),
    element(
      'defs',
      {},
      [
        element('clipPath', { id: 'view' }, element('rect', { width, height })),
        group({ id: 'country-shapes' }, countryShapes(scene)),
        element('path', { id: 'arrowhead', d: ARROWHEAD_PATH }),
      ].join('\n'),
    ),
    group(
      { id: 'map', transform: `translate(0 ${num(framed.top)})`, 'clip-path': 'url(#view)' },
      mapLayers(scene, { calledOut: labels.calledOut, yourFiles, labels: labels.groups }),
    ),
    framed.svg,
  ];
  const svg = element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      'xmlns:xlink': 'http://www.w3.org/1999/xlink',
      version: '1.1',
      width,
      height: num(total),
      viewBox: `0 0 ${num(width)} ${num(total)}`,
      'font-family': FONT_FAMILY,
    },
    `\n${body.join('\n')}\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
