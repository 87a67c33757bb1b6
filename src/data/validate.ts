/**
 * Validation gate for the GeoJSON layer files: geojson-validation for the structure, plus the RFC 7946
 * rules it leaves out and this project's rules on ids and properties. Pure: callers read the files.
 */
// @ts-expect-error geojson-validation ships no type declarations; GjvApi below types the two calls used.
import gjvModule from 'geojson-validation';

export type Rule =
  | 'geojson'
  | 'finite'
  | 'longitude'
  | 'latitude'
  | 'ring-closed'
  | 'ring-length'
  | 'winding-exterior'
  | 'winding-hole'
  | 'precision'
  | 'dimensions'
  | 'crs'
  | 'id-missing'
  | 'id-unique'
  | 'property-type'
  | 'property-flat'
  | 'property-required';

export interface Problem {
  file: string;
  id: string;
  rule: Rule;
  value: string;
}

export interface ValidateOptions {
  file: string;
  required?: readonly string[];
}

interface GjvApi {
  valid(object: unknown, trace: true): unknown;
  isFeature(object: unknown, trace: true): unknown;
}

const gjv = gjvModule as GjvApi;

const COLLECTION = '(collection)';
const MAX_VALUE_LENGTH = 80;
const MAX_DECIMALS = 6;
// RFC 7946 §3.1.8 discourages nesting GeometryCollections; the cap only keeps hostile input from
// exhausting the stack, so it is far above anything a real file contains.
const MAX_COLLECTION_DEPTH = 32;
// geojson-validation checks ring closure and length too; our own ring rules report them with the
// offending value, so its messages would only duplicate them.
const GJV_RING_MESSAGES = [
  'The first and last positions must be equivalent',
  'coordinates must have at least four positions',
];

type JsonObject = Record<string, unknown>;
type Report = (rule: Rule, value: string) => void;

export function validateFeatureCollection(input: unknown, options: ValidateOptions): Problem[] {
  const problems: Problem[] = [];
  const reporter =
    (id: string): Report =>
    (rule, value) => {
      problems.push({ file: options.file, id, rule, value });
    };
  const collection = reporter(COLLECTION);
  if (!isJsonObject(input)) {
    collection('geojson', `expected a FeatureCollection object, got ${jsonType(input)}`);
    return problems;
  }
  if (input.type !== 'FeatureCollection') {
    collection('geojson', `type is ${describe(input.type)}, expected "FeatureCollection"`);
    return problems;
  }
  // Features are validated one by one below, so a malformed feature is reported under its own id.
  const shell = Array.isArray(input.features) ? { ...input, features: [] } : input;
  for (const message of gjvMessages(() => gjv.valid(shell, true))) collection('geojson', message);
  checkCrs(input, collection);
  if (!Array.isArray(input.features)) return problems;

  const features: readonly unknown[] = input.features;
  const required = options.required ?? [];
  const types = new Map<string, { type: string; id: string }>();
  const firstIndexById = new Map<string, number>();
  features.forEach((feature, index) => {
    const id = featureLabel(feature, index);
    const report = reporter(id);
    checkFeature(feature, required, report);
    if (!isJsonObject(feature)) return;
    checkIdUnique(feature.id, index, firstIndexById, report);
    checkPropertyTypes(feature.properties, id, types, report);
  });
  return problems;
}

/** Validates each file, then checks that feature ids are unique across all of them. */
export function validateAll(
  files: readonly { file: string; data: unknown; required?: readonly string[] }[],
): Problem[] {
  const problems: Problem[] = [];
  const firstFileById = new Map<string, number>();
  files.forEach(({ file, data, required }, fileIndex) => {
    problems.push(...validateFeatureCollection(data, { file, required }));
    for (const { id, index } of featureIds(data)) {
      const first = firstFileById.get(id);
      if (first === undefined) firstFileById.set(id, fileIndex);
      else if (first !== fileIndex) {
        const value = `${id} at #${index} (first in ${files[first]?.file})`;
        problems.push({ file, id, rule: 'id-unique', value });
      }
    }
  });
  return problems;
}

export function formatProblem(p: Problem): string {
  return `${oneLine(p.file)}: feature ${truncate(oneLine(p.id))}: ${p.rule}: ${truncate(oneLine(p.value))}`;
}

function checkFeature(feature: unknown, required: readonly string[], report: Report): void {
  for (const message of gjvMessages(() => gjv.isFeature(feature, true))) report('geojson', message);
  if (!isJsonObject(feature)) return;
  checkCrs(feature, report);
  checkIdPresent(feature, report);
  checkProperties(feature.properties, required, report);
  checkGeometry(feature.geometry, '', 0, report);
}

/** geojson-validation throws on some malformed input (e.g. an empty ring); that is a finding, not a crash. */
function gjvMessages(run: () => unknown): string[] {
  try {
    const messages = run();
    if (!Array.isArray(messages)) return [];
    return messages.map(String).filter((m) => !GJV_RING_MESSAGES.some((ring) => m.endsWith(ring)));
  } catch (error) {
    return [`geojson-validation threw: ${describeError(error)}`];
  }
}

/** RFC 7946 §4: the crs member of the 2008 format was removed; coordinates are always WGS 84. */
function checkCrs(object: JsonObject, report: Report): void {
  if (Object.hasOwn(object, 'crs')) report('crs', describe(object.crs));
}

/** RFC 7946 §3.2 makes id optional, string or number; the map and the export need a string on each one. */
function checkIdPresent(feature: JsonObject, report: Report): void {
  const id = feature.id;
  if (typeof id === 'string' && id !== '') return;
  report('id-missing', id === undefined ? '(absent)' : `${describe(id)} (${jsonType(id)})`);
}

function checkIdUnique(
  id: unknown,
  index: number,
  firstIndexById: Map<string, number>,
  report: Report,
): void {
  if (typeof id !== 'string' || id === '') return;
  const first = firstIndexById.get(id);
  if (first === undefined) firstIndexById.set(id, index);
  else report('id-unique', `${id} at #${index} (first at #${first})`);
}

/**
 * RFC 7946 §3.2: properties is an object or null. Flat, because MapLibre's tiling turns nested values
 * into strings.
 */
function checkProperties(properties: unknown, required: readonly string[], report: Report): void {
  if (properties !== null && properties !== undefined && !isJsonObject(properties)) {
    report('geojson', `properties is ${jsonType(properties)}, expected object or null`);
  }
  const props = isJsonObject(properties) ? properties : {};
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'object' && value !== null) report('property-flat', `${key}: ${describe(value)}`);
  }
  for (const key of required) {
    if (!Object.hasOwn(props, key) || props[key] === undefined) report('property-required', key);
  }
}

/** One JSON type per key across the file, so style expressions see one type; null means "no value". */
function checkPropertyTypes(
  properties: unknown,
  id: string,
  types: Map<string, { type: string; id: string }>,
  report: Report,
): void {
  if (!isJsonObject(properties)) return;
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    const type = jsonType(value);
    const seen = types.get(key);
    if (seen === undefined) types.set(key, { type, id });
    else if (seen.type !== type) report('property-type', `${key} is ${type}, was ${seen.type} on ${seen.id}`);
  }
}

/**
 * Walks the coordinates defensively: whatever is not the expected array shape is skipped here, because
 * geojson-validation already reports it. A null geometry (RFC 7946 §3.2) has nothing to check.
 */
function checkGeometry(geometry: unknown, path: string, depth: number, report: Report): void {
  if (!isJsonObject(geometry)) return;
  checkCrs(geometry, report);
  const coordinates = geometry.coordinates;
  const at = `${path}coordinates`;
  const position = (value: unknown, p: string) => checkPosition(value, p, report);
  switch (geometry.type) {
    case 'Point':
      position(coordinates, at);
      break;
    case 'MultiPoint':
    case 'LineString':
      eachItem(coordinates, at, position);
      break;
    case 'MultiLineString':
      eachItem(coordinates, at, (line, p) => eachItem(line, p, position));
      break;
    case 'Polygon':
      checkPolygon(coordinates, at, report);
      break;
    case 'MultiPolygon':
      eachItem(coordinates, at, (polygon, p) => checkPolygon(polygon, p, report));
      break;
    case 'GeometryCollection':
      checkGeometryCollection(geometry.geometries, path, depth, report);
      break;
  }
}

function checkGeometryCollection(geometries: unknown, path: string, depth: number, report: Report): void {
  if (depth >= MAX_COLLECTION_DEPTH) {
    report('geojson', `GeometryCollections nested more than ${MAX_COLLECTION_DEPTH} deep`);
    return;
  }
  eachItem(geometries, `${path}geometries`, (geometry, p) => {
    checkGeometry(geometry, `${p}.`, depth + 1, report);
  });
}

function checkPolygon(rings: unknown, path: string, report: Report): void {
  eachItem(rings, path, (ring, p, index) => {
    eachItem(ring, p, (position, pp) => checkPosition(position, pp, report));
    checkRing(ring, p, index === 0, report);
  });
}

/** RFC 7946 §3.1.6: rings are closed, have at least four positions, and follow the right-hand rule. */
function checkRing(ring: unknown, path: string, exterior: boolean, report: Report): void {
  if (!Array.isArray(ring)) return;
  if (ring.length < 4) report('ring-length', `${ring.length} positions at ${path}`);
  const first: unknown = ring[0];
  const last: unknown = ring[ring.length - 1];
  if (ring.length > 0 && !samePosition(first, last)) {
    report('ring-closed', `${describePosition(first)} != ${describePosition(last)} at ${path}`);
  }
  const area = signedArea(ring);
  if (area === undefined || area === 0) return;
  if (exterior && area < 0) report('winding-exterior', `clockwise at ${path}`);
  if (!exterior && area > 0) report('winding-hole', `counter-clockwise at ${path}`);
}

/** RFC 7946 §3.1.1: two or three elements (longitude, latitude, optional altitude), §4: WGS 84 ranges. */
function checkPosition(position: unknown, path: string, report: Report): void {
  if (!Array.isArray(position)) return;
  if (position.length > 3) report('dimensions', `${describePosition(position)} at ${path}`);
  position.forEach((value: unknown, axis) => {
    checkCoordinate(value, axis, `${path}[${axis}]`, report);
  });
}

function checkCoordinate(value: unknown, axis: number, path: string, report: Report): void {
  if (typeof value !== 'number') return;
  // JSON cannot spell NaN, but JSON.parse turns an overflowing literal such as 1e999 into Infinity.
  if (!Number.isFinite(value)) {
    report('finite', `${value} at ${path}`);
    return;
  }
  if (axis === 0 && Math.abs(value) > 180) report('longitude', `${value} at ${path}`);
  if (axis === 1 && Math.abs(value) > 90) report('latitude', `${value} at ${path}`);
  // RFC 7946 §11.2: six decimal places are about 10 cm, more is false precision and file bloat.
  if (decimalPlaces(value) > MAX_DECIMALS) report('precision', `${value} at ${path}`);
}

/** Counts decimals in the shortest round-trip string (not the binary expansion): 14.6 is 1, 1.5e-7 is 8. */
function decimalPlaces(n: number): number {
  const [mantissa = '', exponent = '0'] = String(Math.abs(n)).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent));
}

/** Shoelace on lon/lat: positive is counter-clockwise. Undefined when the ring has no usable positions. */
function signedArea(ring: readonly unknown[]): number | undefined {
  const points: [number, number][] = [];
  for (const position of ring) {
    if (!Array.isArray(position)) return undefined;
    const [x, y]: unknown[] = position;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      return undefined;
    }
    points.push([x, y]);
  }
  const origin = points[0];
  if (origin === undefined || points.length < 3) return undefined;
  // Relative to the first point, so large absolute longitudes do not eat the significant digits.
  const [x0, y0] = origin;
  let twice = 0;
  points.forEach(([x1, y1], i) => {
    const [x2, y2] = points[(i + 1) % points.length] ?? origin;
    twice += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  });
  return twice / 2;
}

function samePosition(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return Object.is(a, b);
  return a.length === b.length && a.every((value: unknown, i) => Object.is(value, b[i]));
}

function eachItem(
  value: unknown,
  path: string,
  visit: (item: unknown, path: string, index: number) => void,
): void {
  if (!Array.isArray(value)) return;
  value.forEach((item: unknown, index) => {
    visit(item, `${path}[${index}]`, index);
  });
}

function featureLabel(feature: unknown, index: number): string {
  return isJsonObject(feature) && typeof feature.id === 'string' && feature.id !== ''
    ? feature.id
    : `#${index}`;
}

function featureIds(input: unknown): { id: string; index: number }[] {
  if (!isJsonObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) return [];
  const features: readonly unknown[] = input.features;
  return features.flatMap((feature, index) =>
    isJsonObject(feature) && typeof feature.id === 'string' && feature.id !== ''
      ? [{ id: feature.id, index }]
      : [],
  );
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function describePosition(position: unknown): string {
  if (!Array.isArray(position)) return describe(position);
  return `[${position.map((value: unknown) => describe(value)).join(',')}]`;
}

/** JSON text where possible; numbers via String so Infinity does not read as JSON's null. */
function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : describe(error);
}

/** Escapes control characters and line separators, so one problem is always one line. */
function oneLine(text: string): string {
  return text.replace(
    /\p{Cc}|[\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function truncate(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_VALUE_LENGTH ? text : `${chars.slice(0, MAX_VALUE_LENGTH - 1).join('')}…`;
}
