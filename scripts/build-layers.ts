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
import { gateOrExit, readSourcesOrExit } from './gate.ts';
import { ROOT, readJson } from './io.ts';

type Boundaries = FeatureCollection<Polygon | MultiPolygon>;

const root = resolve(process.argv[2] ?? ROOT);
const layersDir = join(root, 'geodata/layers');

const read = <T>(file: string): T => readJson<T>(join(root, file), file);

const layers = buildReportLayers({
  authored: readSourcesOrExit(root),
  countries: read<Boundaries>('geodata/basemap/countries.geojson'),
  departments: read<Boundaries>('geodata/basemap/guatemala-departments.geojson'),
});
gateOrExit(layers);
for (const file of buildExport(layers)) {
  writeFileSync(join(layersDir, file.name), file.text);
  console.log(`wrote geodata/layers/${file.name}`);
}
writeFileSync(join(layersDir, 'anchors.json'), anchorsFile(layers));
console.log('wrote geodata/layers/anchors.json');
