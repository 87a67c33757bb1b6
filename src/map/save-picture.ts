/**
 * Saving pictures of the view: loaded on demand (src/main.ts imports it when a reader asks), so the
 * first load carries none of it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Messages } from '../i18n/index.ts';
import type { ReportLayerId } from '../layers/registry.ts';
import { pictureFrame } from '../picture/frame.ts';
import { composePng, pngBlob } from '../picture/png.ts';
import { metresPerPixel } from '../picture/scale.ts';
import type { PictureFile } from '../picture/your-legend.ts';
import { theme } from '../theme.ts';
import { download } from '../ui/download.ts';
import { captureMap } from './capture.ts';

/** Twice the screen's CSS pixels, whatever the screen's own density: sharp in print and on slides. */
export const PICTURE_SCALE = 2;

export interface PictureState {
  visible: readonly ReportLayerId[];
  date: string;
  permalink: string;
  /** The frame's language, and the SVG's labels'. */
  t?: Messages;
  /**
   * The reader's own files shown on the map, oldest first: the PNG has them as the map draws them,
   * the SVG draws them from their data; both key and credit them apart from the report.
   */
  yourFiles?: readonly PictureFile[];
}

export const pictureName = (date: string, extension: string) => `guatemala-transit-map-${date}.${extension}`;

/** The PNG of the view as drawn, framed with its sources, at `scale` pixels per CSS pixel. */
export async function pngOfView(map: MapLibreMap, state: PictureState, scale = PICTURE_SCALE): Promise<Blob> {
  const canvas = await captureMap(map, scale);
  const { lat } = map.getCenter();
  const framed = composePng({
    map: canvas,
    scale,
    frame: pictureFrame(state),
    metresPerPx: metresPerPixel(lat, map.getZoom()),
    sea: theme.ocean,
  });
  return pngBlob(framed);
}

export async function savePng(map: MapLibreMap, state: PictureState): Promise<void> {
  download(pictureName(state.date, 'png'), await pngOfView(map, state));
}
