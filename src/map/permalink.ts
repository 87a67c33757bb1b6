import type { Map as MapLibreMap } from 'maplibre-gl';
import { formatHash, type HashState, type View } from '../data/hash.ts';

export function currentView(map: MapLibreMap): View {
  const { lng, lat } = map.getCenter();
  return { zoom: map.getZoom(), lat, lng, bearing: map.getBearing(), pitch: map.getPitch() };
}

/** Rewrites the address bar without adding history entries: the link always says what is shown. */
export function writeHash(state: HashState): void {
  const hash = formatHash(state);
  if (hash !== window.location.hash) {
    history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  }
}
