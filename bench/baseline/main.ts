import fontRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import countries from 'bench-data/countries-110m.geojson?url';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

import { absolute, initialView, sizedContainer } from './page.ts';

maplibregl.setWorkerUrl(workerUrl);

// Copied from src/map/view.ts rather than imported, so nothing of the app rides along.
const DEFAULT_BOUNDS: maplibregl.LngLatBoundsLike = [
  [-117, -4.5],
  [-66, 40],
];
const FONT = 'Noto Sans Regular';

const container = sizedContainer();

const map = new maplibregl.Map({
  container,
  style: {
    version: 8,
    'font-faces': { [FONT]: absolute(fontRegular) },
    sources: { countries: { type: 'geojson', data: absolute(countries) } },
    // A fill, a line and a label layer and nothing else: no background layer.
    layers: [
      { id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': '#f3f0e8' } },
      {
        id: 'countries-line',
        type: 'line',
        source: 'countries',
        paint: { 'line-color': '#8a8478', 'line-width': 1 },
      },
      {
        id: 'country-labels',
        type: 'symbol',
        source: 'countries',
        layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 12 },
        paint: { 'text-color': '#2b2b2b', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
      },
    ],
  },
  ...initialView(container, DEFAULT_BOUNDS),
  attributionControl: false,
});
(window as unknown as { __map: unknown }).__map = map;
map.once('idle', () => {
  container.dataset.ready = 'true';
});
