import type { Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_LABEL_LAYERS, COVERED_STATE } from '../style/covered.ts';
import { MAP_SOURCE } from '../style/source.ts';

/** Sent on the map's container while a picture of it is drawn: `detail` is true at the start. */
const PICTURE = 'map-picture';

/** Tells the map that a picture of it is being drawn, every name shown; the returned function ends it. */
export function pictureStarts(map: MapLibreMap): () => void {
  const container = map.getContainer();
  container.dispatchEvent(new CustomEvent(PICTURE, { detail: true }));
  return () => container.dispatchEvent(new CustomEvent(PICTURE, { detail: false }));
}

/** The map's own controls, closed or open, as boxes on the page. */
const controlBoxes = (map: MapLibreMap): DOMRect[] =>
  [...map.getContainer().querySelectorAll('.maplibregl-ctrl')]
    .map((control) => control.getBoundingClientRect())
    .filter((box) => box.width > 0 && box.height > 0);

/**
 * Hides each basemap name that a control covers, once the map rests and whenever a control opens,
 * closes or the map changes size; shows it again once it is clear. MapLibre places names without
 * knowing the page's buttons, so a name under one would read as a fragment ("PER" for Peru). While a
 * picture is drawn (`pictureStarts`) every name shows: no control covers a picture. Returns `stop`.
 */
export function hideCoveredLabels(map: MapLibreMap): () => void {
  let hidden = new Set<string | number>();
  let drawing = false;
  const set = (ids: Set<string | number>) => {
    for (const id of hidden)
      if (!ids.has(id)) map.setFeatureState({ source: MAP_SOURCE, id }, { [COVERED_STATE]: false });
    for (const id of ids)
      if (!hidden.has(id)) map.setFeatureState({ source: MAP_SOURCE, id }, { [COVERED_STATE]: true });
    hidden = ids;
  };
  const update = () => {
    if (drawing || !map.isStyleLoaded()) return;
    const canvas = map.getCanvasContainer().getBoundingClientRect();
    const layers = BASEMAP_LABEL_LAYERS.filter((id) => map.getLayer(id));
    const ids = new Set<string | number>();
    for (const box of controlBoxes(map))
      for (const feature of map.queryRenderedFeatures(
        [
          [box.left - canvas.left, box.top - canvas.top],
          [box.right - canvas.left, box.bottom - canvas.top],
        ],
        { layers },
      ))
        if (feature.id !== undefined) ids.add(feature.id);
    // Setting a state draws a frame, and the next rest would ask again: only a change is set.
    if (ids.size !== hidden.size || [...ids].some((id) => !hidden.has(id))) set(ids);
  };
  const picture = (event: Event) => {
    drawing = (event as CustomEvent<boolean>).detail;
    if (drawing) set(new Set());
    else update();
  };
  const container = map.getContainer();
  map.on('idle', update);
  // A menu opening or closing (a `toggle` does not bubble) changes what the controls cover.
  container.addEventListener('toggle', update, true);
  container.addEventListener(PICTURE, picture);
  return () => {
    map.off('idle', update);
    container.removeEventListener('toggle', update, true);
    container.removeEventListener(PICTURE, picture);
  };
}
