/**
 * The second baseline: bare MapLibre drawing the app's own basemap files (its countries, Guatemala's
 * departments, label points and places) with the app's glyph files and its colours and zooms, one
 * source a file and plain layers, and nothing of the app's code. The app against it is what the app's
 * code costs; this page against the 110m one is what the richer data costs.
 */

import * as maplibregl from 'maplibre-gl';
import countries from '../../geodata/basemap/countries.geojson?url';
import departments from '../../geodata/basemap/guatemala-departments.geojson?url';
import labels from '../../geodata/basemap/labels.geojson?url';
import places from '../../geodata/places/places.geojson?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

import { absolute, initialView, sizedContainer } from '../baseline/page.ts';

maplibregl.setWorkerUrl(workerUrl);

// Copied from src/map/view.ts and src/theme.ts rather than imported, so nothing of the app rides along.
const DEFAULT_BOUNDS: maplibregl.LngLatBoundsLike = [
  [-117, -4.5],
  [-66, 40],
];
const REGULAR = 'Noto Sans Regular';
const BOLD = 'Noto Sans Bold';
const LABEL = { 'text-color': '#2b2b2b', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 };

const container = sizedContainer();
const source = (url: string): maplibregl.GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: absolute(url),
});

const map = new maplibregl.Map({
  container,
  style: {
    version: 8,
    // Appended, not resolved: URL() would percent-encode the braces MapLibre looks for.
    glyphs: `${absolute('./')}glyphs/{fontstack}/{range}.pbf`,
    sources: {
      countries: source(countries),
      departments: source(departments),
      labels: source(labels),
      places: source(places),
    },
    layers: [
      { id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': '#f3f0e8' } },
      {
        id: 'departments-line',
        type: 'line',
        source: 'departments',
        minzoom: 6,
        paint: { 'line-color': '#b3aa98', 'line-width': 0.8, 'line-dasharray': [3, 2] },
      },
      {
        id: 'countries-line',
        type: 'line',
        source: 'countries',
        paint: {
          'line-color': '#8a8478',
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.6],
        },
      },
      {
        id: 'department-labels',
        type: 'symbol',
        source: 'labels',
        minzoom: 6.5,
        filter: ['==', ['get', 'kind'], 'department'],
        layout: { 'text-field': ['get', 'name'], 'text-font': [REGULAR], 'text-size': 12 },
        paint: LABEL,
      },
      {
        id: 'places',
        type: 'symbol',
        source: 'places',
        minzoom: 3,
        layout: {
          'text-field': ['concat', '\u2022 ', ['get', 'name']],
          'text-font': [REGULAR],
          'text-size': 12,
          'text-anchor': 'left',
        },
        paint: LABEL,
      },
      {
        id: 'country-labels',
        type: 'symbol',
        source: 'labels',
        filter: ['==', ['get', 'kind'], 'country'],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [BOLD],
          'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 7, 15],
          'text-transform': 'uppercase',
        },
        paint: LABEL,
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
