/** Saving the view as SVG: loaded on demand, like the PNG (src/map/save-picture.ts). */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BasemapData } from '../layers/basemap.ts';
import type { ReportData } from '../layers/registry.ts';
import { mapSvg } from '../picture/svg.ts';
import { download } from '../ui/download.ts';
import { type PictureState, pictureName } from './save-picture.ts';

export const SVG_MEDIA_TYPE = 'image/svg+xml';

/** The view as the map shows it now: its centre, zoom and CSS size (pictures are drawn north up). */
export function pictureView(map: MapLibreMap) {
  const { lng, lat } = map.getCenter();
  const canvas = map.getCanvas();
  return {
    center: [lng, lat] as [number, number],
    zoom: map.getZoom(),
    width: canvas.clientWidth,
    height: canvas.clientHeight,
  };
}

export function saveSvg(
  map: MapLibreMap,
  { basemap, data }: { basemap: BasemapData; data: ReportData },
  state: PictureState,
): void {
  const svg = mapSvg({ view: pictureView(map), basemap, data, ...state });
  download(pictureName(state.date, 'svg'), new Blob([svg], { type: SVG_MEDIA_TYPE }));
}
