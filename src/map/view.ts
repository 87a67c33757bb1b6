import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './worker.ts';
import type { StyleSpecification } from 'maplibre-gl';
import { DEFAULT_BOUNDS, defaultPadding } from '../data/default-view.ts';
import { LIMITS, type View } from '../data/hash.ts';
import type { Messages } from '../i18n/index.ts';
import { theme } from '../theme.ts';
import { OutsideControl } from './controls.ts';
import { reducedMotion } from './motion.ts';

export interface MapViewOptions {
  container: HTMLElement;
  style: StyleSpecification;
  /** A view from a link; the default frames the whole corridor. */
  view?: View;
  onError: (message: string) => void;
  /** The words of MapLibre's controls and of the credits. */
  t: Messages;
  /** Where the scale bar and the credits go: under the map, not over it. */
  footer: HTMLElement;
}

export function createMapView({
  container,
  style,
  view,
  onError,
  t,
  footer,
}: MapViewOptions): maplibregl.Map {
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
      : { bounds: DEFAULT_BOUNDS, fitBoundsOptions: { padding: defaultPadding(container.clientWidth) } }),
    maxZoom: LIMITS.maxZoom,
    minZoom: LIMITS.minZoom,
    maxPitch: LIMITS.maxPitch,
    attributionControl: false,
    // MapLibre's default label fade: with none it places every label again on every frame of a drag.
    // Readers who ask for less motion get labels without it.
    ...(reducedMotion().matches ? { fadeDuration: 0 } : {}),
    cooperativeGestures: false,
    // The generated style is validated by the unit tests, not again at every load.
    validateStyle: false,
    locale: { ...t.mapControls },
  });
  // The sea is the page's background seen through the transparent canvas, not a background layer that
  // paints every pixel of every frame (docs/PERFORMANCE.md). Set only once a map exists, so a browser
  // without WebGL keeps a plain page.
  document.documentElement.style.setProperty('--sea', theme.ocean);
  // Registered before the first source loads, so no failure can pass unreported.
  map.on('error', (event) => onError(event.error?.message ?? t.page.mapError));
  map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
  // The map's column goes full screen, so that its credits and timeline, under it, go with it.
  map.addControl(
    new maplibregl.FullscreenControl({ container: container.parentElement ?? container }),
    'top-right',
  );
  // Every credit from the start (MapLibre adds a source's once its tiles are drawn), so the credits
  // under the map take their final height before the map's first frame.
  const sourceCredits = Object.values(style.sources).flatMap((source) =>
    'attribution' in source && source.attribution ? [source.attribution] : [],
  );
  map.addControl(new OutsideControl(new maplibregl.ScaleControl({ unit: 'metric' }), footer));
  map.addControl(
    new OutsideControl(
      new maplibregl.AttributionControl({
        compact: false,
        customAttribution: [t.credits.report, ...sourceCredits],
      }),
      footer,
    ),
  );
  return map;
}
