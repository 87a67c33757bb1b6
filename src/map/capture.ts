import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The map as drawn at `scale` device pixels per CSS pixel, copied to a canvas of its own. MapLibre
 * keeps no drawing buffer between frames, so the copy is taken in the same task as a redraw; the
 * pixel ratio goes back to the screen's afterwards.
 */
export async function captureMap(map: MapLibreMap, scale: number): Promise<HTMLCanvasElement> {
  const previous = map.getPixelRatio();
  map.setPixelRatio(scale);
  try {
    await new Promise((resolve) => {
      map.once('idle', resolve);
      map.triggerRepaint();
    });
    map.redraw();
    const source = map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    copy.getContext('2d')?.drawImage(source, 0, 0);
    return copy;
  } finally {
    map.setPixelRatio(previous);
  }
}
