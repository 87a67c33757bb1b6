import type { Map as MapLibreMap } from 'maplibre-gl';
import { covers, pictureBox, place } from '../first-view/place.ts';
import { FIRST_VIEW_CLASS } from '../first-view/show.ts';

/**
 * The first view's picture (src/first-view/show.ts), shown while MapLibre loaded, kept exactly where
 * the map draws the same places from the moment the map exists (its controls are in and its view
 * fitted to them), and taken away once the map is ready: the live map then replaces it without a
 * jump. A map opened at another view than the default takes it away at once. Returns what removes
 * it early.
 */
export function followFirstView(map: MapLibreMap, defaultView: boolean): () => void {
  const figure = map.getContainer().querySelector<HTMLElement>(`.${FIRST_VIEW_CLASS}`);
  const picture = figure?.querySelector<HTMLElement>('.first-view__picture');
  if (!figure || !picture) return () => {};
  const follow = () => {
    const box = pictureBox((lngLat) => {
      const { x, y } = map.project(lngLat);
      return [x, y];
    });
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    // A picture that no longer fills the map (a drag to its edge) would show the sea where land is.
    if (!covers(box, width, height)) remove();
    else place(picture, box);
  };
  const remove = () => {
    map.off('move', follow);
    map.off('resize', follow);
    map.off('idle', remove);
    figure.remove();
  };
  if (!defaultView) {
    remove();
    return remove;
  }
  follow();
  map.on('move', follow);
  map.on('resize', follow);
  map.once('idle', remove);
  return remove;
}
