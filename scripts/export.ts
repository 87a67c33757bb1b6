/**
 * npm run export -- DIR
 * Writes the three report layers, and a zip of them, into DIR: byte for byte what the page downloads.
 * Beside each `<layer id>.geojson`, its QGIS style `<layer id>.qml` (QGIS loads it with the file) and
 * its SLD 1.1 style `<layer id>.sld`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildExport, ZIP_NAME, zipExport } from '../src/data/export.ts';
import { layerQml } from '../src/formats/qml.ts';
import { layerSld } from '../src/formats/sld.ts';
import { reportLayer } from '../src/layers/registry.ts';
import { gateOrExit } from './gate.ts';
import { readReportLayers } from './io.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: npm run export -- DIR');
  process.exit(2);
}
const layers = readReportLayers();
gateOrExit(layers);
const files = buildExport(layers);
mkdirSync(resolve(dir), { recursive: true });
const styles = files.flatMap((f) => [
  { name: `${f.layer}.qml`, text: layerQml(reportLayer(f.layer)) },
  { name: `${f.layer}.sld`, text: layerSld(reportLayer(f.layer)) },
]);
for (const file of [...files, ...styles]) writeFileSync(join(dir, file.name), file.text);
writeFileSync(join(dir, ZIP_NAME), zipExport(files));
console.log(`Wrote ${[...files, ...styles].map((f) => f.name).join(', ')}, ${ZIP_NAME} to ${resolve(dir)}`);
