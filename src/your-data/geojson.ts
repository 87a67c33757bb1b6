/**
 * GeoJSON (a FeatureCollection, a Feature or a bare geometry) and newline-delimited GeoJSON (one a
 * line). JSON.parse does the reading, which is fast; @placemarkio/check-geojson explains, with its
 * place in the file, a JSON that is not GeoJSON, and only then, since it builds a whole syntax tree.
 */
import { getIssues } from '@placemarkio/check-geojson';
import type { Geometry } from 'geojson';
import { lineColumn, parseJson } from '../data/json.ts';
import { countGeoJsonFeatures } from './count.ts';
import { type Converter, convert, converterFor, crsName } from './crs.ts';
import { findDates } from './dates.ts';
import type { FileBytes } from './file-bytes.ts';
import { checkCount, Refusal, refuse } from './rules.ts';
import { crossedIntoAntarctica, swapPosition } from './swap.ts';
import { decodeText } from './text.ts';
import {
  type Encoding,
  properties,
  type ReadOptions,
  sourceIdsOf,
  Tally,
  withinWorld,
  type YourData,
  type YourFeature,
} from './types.ts';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readGeoJson(file: FileBytes, name: string, options: ReadOptions = {}): YourData {
  // Counted in the bytes first, so a file of too many features is refused before it is parsed.
  checkCount(countGeoJsonFeatures(file.peek()));
  let { text, encoding } = decodeText(file.take());
  const parsed = parseJson(text, name);
  if (!parsed.ok) return refuse('json', parsed.problem.value, parsed.problem.at);
  const items = members(parsed.value, text);
  // The parsed value is the file now: the text goes before the features are made of it.
  text = '';
  checkCount(items.length);
  const tally = new Tally('features');
  // A crs the map cannot convert leaves the coordinates as they are: the range check then says so.
  const crs = crsName(parsed.value);
  const converter = crs === undefined ? undefined : converterFor(crs);
  // Swapped positions are offered back only where the file names no system of its own.
  const swap = crs === undefined && options.swapPositions ? swapPosition : undefined;
  const kept = collect(items, (n) => n + 1, tally, converter ?? swap);
  let data: YourData;
  try {
    data = result({ file: name, format: 'geojson', encoding }, kept, tally, items.length, options, !crs);
  } catch (error) {
    // Nothing within the world, in a system the map cannot convert: that is the line to give.
    if (crs && converter === null && error instanceof Refusal && error.problem.rule === 'no-features')
      refuse('no-projection', crs);
    throw error;
  }
  if (crs && converter) return { ...data, reprojectedFrom: crs };
  if (crs && converter === null)
    return { ...data, problems: [{ file: name, rule: 'no-projection', detail: crs }] };
  return data;
}

export function readNdjson(file: FileBytes, name: string, options: ReadOptions = {}): YourData {
  const { text, encoding } = decodeText(file.take());
  const tally = new Tally('lines');
  const items: unknown[] = [];
  const numbers: number[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  checkCount(lines.length - lines.filter((line) => line.trim() === '').length);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    numbers.push(index + 1);
    try {
      items.push(JSON.parse(line));
    } catch {
      items.push(undefined);
      tally.add('not-json', index + 1);
    }
  });
  const kept = collect(
    items,
    (n) => numbers[n] ?? n + 1,
    tally,
    options.swapPositions ? swapPosition : undefined,
  );
  return result({ file: name, format: 'ndjson', encoding }, kept, tally, items.length, options);
}

/** The features a GeoJSON value holds, or a refusal saying why it is not GeoJSON. */
function members(value: unknown, text: string): unknown[] {
  if (isObject(value)) {
    if (value.type === 'FeatureCollection' && Array.isArray(value.features)) return value.features;
    if (value.type === 'Feature') return [value];
    if (typeof value.type === 'string' && GEOMETRY_TYPES.has(value.type))
      return [{ type: 'Feature', geometry: value, properties: null }];
  }
  const issue = getIssues(text)[0];
  return refuse('geojson', issue?.message ?? 'no "type" of FeatureCollection, Feature or a geometry', {
    ...lineColumn(text, issue?.from ?? 0),
  });
}

interface Kept {
  features: YourFeature[];
  /** Each kept feature's number in the file (from 1), or its line in NDJSON. */
  numbers: number[];
  /** Each kept feature's own id, if it has one. */
  ids: (string | number | null)[];
  /** Features beyond the world that would fit with latitude and longitude swapped, and that would not. */
  swappable: number;
  unswappable: number;
}

function collect(
  items: unknown[],
  number: (index: number) => number,
  tally: Tally,
  converter?: Converter,
): Kept {
  const features: YourFeature[] = [];
  const numbers: number[] = [];
  const ids: (string | number | null)[] = [];
  let swappable = 0;
  let unswappable = 0;
  items.forEach((item, index) => {
    if (item === undefined) return; // not JSON, already counted
    const given = isObject(item) ? item.geometry : undefined;
    if (!isObject(item) || item.type !== 'Feature' || given === null || given === undefined) {
      tally.add('no-geometry', number(index));
      return;
    }
    if (!validGeometry(given)) {
      tally.add('no-coordinates', number(index));
      return;
    }
    const geometry = converter ? convert(given, converter) : given;
    if (!withinWorld(geometry)) {
      tally.add('out-of-range', number(index));
      if (withinWorld(convert(geometry, swapPosition))) swappable += 1;
      else unswappable += 1;
      return;
    }
    const props = isObject(item.properties) ? Object.entries(item.properties) : [];
    features.push({ type: 'Feature', id: features.length, geometry, properties: properties(props) });
    numbers.push(number(index));
    ids.push(typeof item.id === 'string' || typeof item.id === 'number' ? item.id : null);
  });
  return { features, numbers, ids, swappable, unswappable };
}

/** A geometry MapLibre can draw: a known type whose every position is two or three finite numbers. */
function validGeometry(g: unknown): g is Geometry {
  if (!isObject(g) || typeof g.type !== 'string' || !GEOMETRY_TYPES.has(g.type)) return false;
  if (g.type === 'GeometryCollection')
    return Array.isArray(g.geometries) && g.geometries.length > 0 && g.geometries.every(validGeometry);
  const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[
    g.type as 'Point'
  ];
  return positions(g.coordinates, depth);
}

function positions(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  if (depth === 0)
    return (
      (value.length === 2 || value.length === 3) &&
      value.every((n) => typeof n === 'number' && Number.isFinite(n))
    );
  return value.length > 0 && value.every((v) => positions(v, depth - 1));
}

function result(
  base: { file: string; format: 'geojson' | 'ndjson'; encoding: Encoding },
  { features, numbers, ids, swappable, unswappable }: Kept,
  tally: Tally,
  of: number,
  options: ReadOptions,
  offerSwap = true,
): YourData {
  const unit: 'features' | 'lines' = base.format === 'ndjson' ? 'lines' : 'features';
  // Asked, as a CSV's columns are (csv.ts), unless the positions were swapped already.
  const swap =
    options.swapPositions === true || !offerSwap
      ? undefined
      : swappable > 0 && unswappable === 0
        ? { kind: 'swap-positions' as const, why: 'beyond-world' as const, count: swappable, unit }
        : crossedIntoAntarctica(features.map((f) => f.geometry))
          ? { kind: 'swap-positions' as const, why: 'south-of-60' as const, count: features.length, unit }
          : undefined;
  // A file whose every feature is swapped is still worth asking about, not refusing.
  if (features.length === 0 && !swap) tally.refuseEmpty(of);
  const columns = columnsOf(features);
  const dating = findDates(features, columns, (i) => numbers[i] ?? 0, unit, options);
  return {
    ok: true,
    ...base,
    features,
    columns,
    ...sourceIdsOf(ids),
    ...(dating.dates ? { dates: dating.dates } : {}),
    skipped: [...tally.skipped(of), ...dating.tally.skipped(features.length)],
    questions: [...(swap ? [swap] : []), ...(dating.question ? [dating.question] : [])],
    problems: [],
  };
}

/** Every property name, in the order first seen. */
export function columnsOf(features: readonly YourFeature[]): string[] {
  const seen = new Set<string>();
  for (const f of features) for (const key of Object.keys(f.properties ?? {})) seen.add(key);
  return [...seen];
}
