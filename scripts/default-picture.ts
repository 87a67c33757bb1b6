import { DEFAULT_BOUNDS, defaultPadding } from '../src/data/default-view.ts';
import { TIMELINE } from '../src/data/time.ts';
import { firstViewSvg } from '../src/first-view/svg.ts';
import { REPORT_LAYER_IDS } from '../src/layers/registry.ts';
import { fitBounds, type PictureView } from '../src/picture/project.ts';
import { mapSvg } from '../src/picture/svg.ts';
import { ROOT, readBasemap, readReportLayers } from './io.ts';

/** Where the picture for browsers without WebGL is committed (npm run picture writes it). */
export const DEFAULT_PICTURE = 'public/default-view.svg';
export const DEFAULT_PICTURE_PATH = `${ROOT}${DEFAULT_PICTURE}`;

/** The map's size in the README's desktop screenshot: 1280 × 800 less the header, side panel and timeline. */
export const DEFAULT_PICTURE_SIZE = { width: 930, height: 722 } as const;

/** The default view at that size, as the map fits its default bounds. */
export function defaultPictureView(): PictureView {
  const { width, height } = DEFAULT_PICTURE_SIZE;
  return fitBounds(DEFAULT_BOUNDS, defaultPadding(width), width, height);
}

/**
 * The SVG of the default view on the report's date with every layer: what a reader without WebGL
 * sees. It names no link: the page can be served from anywhere, and the picture is the same for all.
 */
export function defaultPictureSvg(): string {
  return mapSvg({
    view: defaultPictureView(),
    basemap: readBasemap(),
    data: readReportLayers(),
    visible: REPORT_LAYER_IDS,
    date: TIMELINE.report,
    permalink: '',
  });
}

/** The picture a first visit shows while the map loads, as an SVG: the default view's shapes on the report's date, without words (src/first-view/svg.ts). */
export const firstViewPictureSvg = (): string => firstViewSvg(readBasemap(), readReportLayers());
