import { TIMELINE } from '../data/time.ts';
import { en } from '../i18n/index.ts';
import type { BasemapData } from '../layers/basemap.ts';
import { REPORT_LAYER_IDS, type ReportData } from '../layers/registry.ts';
import { latFromMercatorY, lngFromMercatorX, mercatorX, mercatorY } from '../picture/project.ts';
import { makeScene } from '../picture/scene.ts';
import { countryShapes } from '../picture/shapes.ts';
import { mapLayers } from '../picture/svg.ts';
import { element, group, num } from '../picture/xml.ts';
import { FIRST_VIEW, FIRST_VIEW_SIZE } from './place.ts';

/**
 * The picture a first visit shows while the live map loads (src/first-view/place.ts), as an SVG for
 * scripts/first-view-picture.ts to draw: the default view's layers on the report's date at the
 * picture's zoom, without a word (the picture is scaled to each screen's zoom, and its words would be
 * the wrong size). Its text alternative is the page's.
 */
export function firstViewSvg(basemap: BasemapData, data: ReportData): string {
  const [[west, south], [east, north]] = FIRST_VIEW.bounds;
  const { width, height } = FIRST_VIEW_SIZE;
  const view = {
    center: [
      lngFromMercatorX((mercatorX(west) + mercatorX(east)) / 2),
      latFromMercatorY((mercatorY(north) + mercatorY(south)) / 2),
    ] as [number, number],
    zoom: FIRST_VIEW.zoom,
    width,
    height,
  };
  const scene = makeScene({ view, basemap, data, visible: REPORT_LAYER_IDS, date: TIMELINE.report, t: en });
  const svg = element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      'xmlns:xlink': 'http://www.w3.org/1999/xlink',
      version: '1.1',
      width: num(width),
      height: num(height),
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      preserveAspectRatio: 'none',
    },
    `\n${[
      element('defs', {}, group({ id: 'country-shapes' }, countryShapes(scene))),
      ...mapLayers(scene, { calledOut: new Set() }),
    ].join('\n')}\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
