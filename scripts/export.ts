/**
 * npm run export -- DIR
 * Writes every download the page offers into DIR, byte for byte: each layer as GeoJSON, KML and CSV
 * with its QGIS (.qml) and SLD styles, the GeoPackage, and the zip of everything with its README.txt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GEOPACKAGE_NAME, ZIP_NAME } from '../src/data/names.ts';
import { buildPackage, zipPackage } from '../src/formats/package.ts';
import { gateOrExit } from './gate.ts';
import { buildGeoPackage } from './geopackage.ts';
import { readReportLayers } from './io.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: npm run export -- DIR');
  process.exit(2);
}
const layers = readReportLayers();
gateOrExit(layers);
const pkg = buildPackage(layers);
const geoPackage = await buildGeoPackage(layers);
mkdirSync(resolve(dir), { recursive: true });
for (const file of pkg.files) writeFileSync(join(dir, file.name), file.text);
writeFileSync(join(dir, GEOPACKAGE_NAME), geoPackage);
writeFileSync(join(dir, ZIP_NAME), zipPackage(pkg, { geoPackage }));
const names = [...pkg.files.map((f) => f.name), GEOPACKAGE_NAME, ZIP_NAME];
console.log(`Wrote ${names.length} files to ${resolve(dir)}: ${names.join(', ')}`);
