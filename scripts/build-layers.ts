/**
 * npm run geodata:layers
 * Builds geodata/layers/*.geojson from the authored evidence in geodata/sources/ and the Natural Earth
 * boundaries in geodata/basemap/, and refuses to write anything that fails the validation gate. Also
 * writes geodata/layers/anchors.json, each feature's label and popup point, so the page need not work
 * them out on every load.
 */
import { writeFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buildExport } from '../src/data/export.ts';
import { anchorsFile } from '../src/data/features.ts';
import { buildReportLayers } from '../src/layers/build.ts';
import { REPORT_LAYERS, type ReportData } from '../src/layers/registry.ts';
import { gateOrExit } from './gate.ts';
import { LAYERS_DIR, ROOT, readJson } from './io.ts';

type Boundaries = FeatureCollection<Polygon | MultiPolygon>;

const authored = Object.fromEntries(
  REPORT_LAYERS.map((l) => [l.id, readJson(`${ROOT}geodata/sources/${l.id}.json`)]),
) as ReportData;
const layers = buildReportLayers({
  authored,
  countries: readJson<Boundaries>(`${ROOT}geodata/basemap/countries.geojson`),
  departments: readJson<Boundaries>(`${ROOT}geodata/basemap/guatemala-departments.geojson`),
});
gateOrExit(layers);
for (const file of buildExport(layers)) {
  writeFileSync(`${LAYERS_DIR}/${file.name}`, file.text);
  console.log(`wrote geodata/layers/${file.name}`);
}
writeFileSync(`${LAYERS_DIR}/anchors.json`, anchorsFile(layers));
console.log('wrote geodata/layers/anchors.json');
