/**
 * npm run geodata:layers [-- DIR]
 * Builds geodata/layers/*.geojson from the authored evidence in geodata/sources/ and the Natural Earth
 * boundaries in geodata/basemap/, and refuses to write anything that fails the validation gate. Also
 * writes geodata/layers/anchors.json, each feature's label and popup point, so the page need not work
 * them out on every load. DIR (default: this repository) is the directory holding geodata/, so tests
 * can build a broken copy without touching the committed files.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buildExport } from '../src/data/export.ts';
import { anchorsFile } from '../src/data/features.ts';
import { buildReportLayers } from '../src/layers/build.ts';
import { REPORT_LAYERS, type ReportData } from '../src/layers/registry.ts';
import { gateOrExit, gateSourcesOrExit, sourceFile } from './gate.ts';
import { ROOT, readJson } from './io.ts';

type Boundaries = FeatureCollection<Polygon | MultiPolygon>;

const root = resolve(process.argv[2] ?? ROOT);
const layersDir = join(root, 'geodata/layers');

const authored = Object.fromEntries(
  REPORT_LAYERS.map((l) => [l.id, readJson(join(root, sourceFile(l.id)))]),
) as ReportData;
gateSourcesOrExit(authored);
const layers = buildReportLayers({
  authored,
  countries: readJson<Boundaries>(join(root, 'geodata/basemap/countries.geojson')),
  departments: readJson<Boundaries>(join(root, 'geodata/basemap/guatemala-departments.geojson')),
});
gateOrExit(layers);
for (const file of buildExport(layers)) {
  writeFileSync(join(layersDir, file.name), file.text);
  console.log(`wrote geodata/layers/${file.name}`);
}
writeFileSync(join(layersDir, 'anchors.json'), anchorsFile(layers));
console.log('wrote geodata/layers/anchors.json');
