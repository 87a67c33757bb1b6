import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './worker.ts';
import type { StyleSpecification } from 'maplibre-gl';
import { LIMITS, type View } from '../data/hash.ts';
import { REPORT_ATTRIBUTION } from '../style/index.ts';
import { theme } from '../style/theme.ts';
import { reducedMotion } from './motion.ts';

/**
 * Colombia (to its southern tip, 4.2° S) to the southern United States, all of Mexico, and the
 * route's end inside the US, centred on Central America.
 */
export const DEFAULT_BOUNDS: maplibregl.LngLatBoundsLike = [
  [-117, -4.5],
  [-66, 40],
];

/** Room for the legend, which sits over the map's top-left corner on wide screens. */
function defaultPadding(container: HTMLElement): maplibregl.PaddingOptions {
  const wide = container.clientWidth >= 700;
  return { top: 10, bottom: 10, right: 10, left: wide ? 250 : 10 };
}

export interface MapViewOptions {
  container: HTMLElement;
  style: StyleSpecification;
  /** A view from a link; the default frames the whole corridor. */
  view?: View;
  onError: (message: string) => void;
}

export function createMapView({ container, style, view, onError }: MapViewOptions): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style,
    ...(view
      ? {
          center: [view.lng, view.lat] as [number, number],
          zoom: view.zoom,
          bearing: view.bearing,
          pitch: view.pitch,
        }
      : { bounds: DEFAULT_BOUNDS, fitBoundsOptions: { padding: defaultPadding(container) } }),
    maxZoom: LIMITS.maxZoom,
    minZoom: LIMITS.minZoom,
    maxPitch: LIMITS.maxPitch,
    attributionControl: false,
    // Labels fade in and out over MapLibre's default 300 ms. Besides looking calmer, that lets MapLibre
    // place labels at most every 300 ms while the map moves: with no fade it places every label again
    // on every frame, about 7% of the frames of a drag (bench/). Readers who ask for less motion get
    // labels without the fade.
    ...(reducedMotion().matches ? { fadeDuration: 0 } : {}),
    cooperativeGestures: false,
    // The style is generated, and the unit tests run it through the style-spec validator (expecting no
    // errors), so it is not checked again on the page's main thread at every load (the validator takes
    // about 7 ms over this style, cold, in Node).
    validateStyle: false,
  });
  // The sea. MapLibre clears its canvas to transparent, so the colour behind it shows wherever no layer
  // draws: the same picture as a background layer, without painting every pixel of every frame once
  // more, which on a software-rendered GPU is about a tenth of each frame (bench/). On screen it is the
  // page's own background, not the map container's (page.css): with the container's, the browser
  // redrew it under the canvas in every frame of a drag, and making the header and panel layers of
  // their own gained nothing; with the page's, the two together took a drag from 0.86x to 0.95x of
  // the bare page's frames (paired runs). Set once the map exists, so that a browser without WebGL
  // keeps a plain page.
  document.documentElement.style.setProperty('--sea', theme.ocean);
  // Registered before the first source loads, so no failure can pass unreported.
  map.on('error', (event) => onError(event.error?.message ?? 'Unknown map error'));
  map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
  map.addControl(new maplibregl.FullscreenControl(), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(
    new maplibregl.AttributionControl({ compact: false, customAttribution: REPORT_ATTRIBUTION }),
  );
  return map;
}
