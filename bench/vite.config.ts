import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import { MAPLIBRE_CHUNK } from '../vite.config.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Generated, never committed: node_modules is ignored and survives between runs. */
const DATA_DIR = `${ROOT}node_modules/.cache/bench-baseline`;

const round4 = (value: unknown): unknown =>
  typeof value === 'number'
    ? Math.round(value * 1e4) / 1e4
    : Array.isArray(value)
      ? value.map(round4)
      : value;

/**
 * Natural Earth 110m countries from world-atlas as one GeoJSON file, written before the build so
 * that the page imports it with `?url` and fetches it exactly as the app fetches its basemap.
 * Coordinates are rounded to 4 decimals, as the app's basemap files are.
 */
function countriesGeoJson(): Plugin {
  return {
    name: 'bench-countries-110m',
    buildStart() {
      const topology = JSON.parse(
        readFileSync(`${ROOT}node_modules/world-atlas/countries-110m.json`, 'utf8'),
      ) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
      const countries = feature(topology, topology.objects.countries) as FeatureCollection;
      for (const f of countries.features) {
        if (f.geometry && 'coordinates' in f.geometry) {
          f.geometry.coordinates = round4(f.geometry.coordinates) as typeof f.geometry.coordinates;
        }
      }
      mkdirSync(DATA_DIR, { recursive: true });
      writeFileSync(`${DATA_DIR}/countries-110m.geojson`, JSON.stringify(countries));
    },
  };
}

export default defineConfig(
  mergeConfig(
    { build: { rolldownOptions: MAPLIBRE_CHUNK } },
    {
      root: fileURLToPath(new URL('baseline', import.meta.url)),
      base: './',
      // The app's config has no public/ for the baseline to copy.
      publicDir: false,
      resolve: { alias: [{ find: /^bench-data\//, replacement: `${DATA_DIR}/` }] },
      plugins: [countriesGeoJson()],
      build: {
        outDir: `${ROOT}dist-bench-baseline`,
        emptyOutDir: true,
        // As in the app: data and fonts are fetched as files, not inlined.
        assetsInlineLimit: 0,
        target: 'es2022',
        sourcemap: false,
      },
      worker: { format: 'es' },
    },
  ),
);
