import type { Map as MapLibreMap } from 'maplibre-gl';
import { pictureStarts } from './covered-labels.ts';

/** How long MapLibre fades labels in: what a capture waits when the map never comes to rest. */
const LABEL_FADE_MS = 350;

/**
 * Resolves once the map has drawn at its new pixel ratio: at its next idle, or, where frames are so
 * slow that the route's moving highlight always has one pending (WebKit drew 2x frames slower than
 * its 120 ms steps here), at the first frame with every tile loaded and its labels faded in.
 */
function drawnAtNewRatio(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      map.off('idle', finish);
      map.off('render', check);
      resolve();
    };
    const check = () => {
      if (!map.areTilesLoaded()) return;
      map.off('render', check);
      setTimeout(finish, LABEL_FADE_MS);
    };
    map.on('idle', finish);
    map.on('render', check);
    map.triggerRepaint();
  });
}

/**
 * The map as drawn at `scale` device pixels per CSS pixel, copied to a canvas of its own. MapLibre
 * keeps no drawing buffer between frames, so the copy is taken in the same task as a redraw; the
 * pixel ratio goes back to the screen's afterwards.
 */
export async function captureMap(map: MapLibreMap, scale: number): Promise<HTMLCanvasElement> {
  const previous = map.getPixelRatio();
  const ends = pictureStarts(map);
  map.setPixelRatio(scale);
  try {
    await drawnAtNewRatio(map);
    map.redraw();
    const source = map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    copy.getContext('2d')?.drawImage(source, 0, 0);
    return copy;
  } finally {
    map.setPixelRatio(previous);
    ends();
  }
}
