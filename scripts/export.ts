/**
 * npm run export -- DIR
 * Writes the three report layers, and a zip of them, into DIR: byte for byte what the page downloads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildExport, ZIP_NAME, zipExport } from '../src/data/export.ts';
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
for (const file of files) writeFileSync(join(dir, file.name), file.text);
writeFileSync(join(dir, ZIP_NAME), zipExport(files));
console.log(`Wrote ${[...files.map((f) => f.name), ZIP_NAME].join(', ')} to ${resolve(dir)}`);
