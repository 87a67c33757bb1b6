/**
 * How a read file crosses from the worker to the page without a full pass on the main thread
 * (issue 34; figures in docs/PERFORMANCE.md):
 *
 * - the map's copy (each feature's geometry, id and own colours) as a GeoJSON Blob, which the page
 *   hands to MapLibre as a blob: URL, so that MapLibre's own worker fetches and parses it;
 * - every feature as JSON text in one transferred buffer, one slice a feature: the popup decodes
 *   the one it shows, a download decodes them all (`features`, on first use). The text is about the
 *   file's size, where the same features as objects take several times it;
 * - their count, points and bounds, counted here;
 * - the rest of the result (dates, rows, skipped rows…) by structured clone, as before.
 *
 * `pack` runs in the worker, `unpack` on the page; neither imports anything heavy.
 */
import type { Drawable, YourData, YourFeature } from './types.ts';

/** The only properties the map's style reads: a feature's own colours (simplestyle, KML). */
export const STYLE_PROPERTIES = ['fill', 'stroke', 'marker-color', 'icon-color'] as const;

/**
 * How the map's copy crosses: as an object, cloned to the page and again to MapLibre's worker by
 * setData; or as a Blob, whose blob: URL MapLibre 6 fetches and parses on the page's thread (its
 * worker hands blob: URLs to the main thread: ajax.ts, makeRequest), then sends to its worker and
 * back. Measured in docs/PERFORMANCE.md (2026-12-07).
 */
export type MapAs = 'object' | 'blob';
export const MAP_AS: MapAs = 'object';

/** What the worker posts for a file that was read. */
export interface Packed extends Omit<YourData, 'features'> {
  packed: {
    map: Blob | GeoJSON.FeatureCollection;
    /** Feature i is `text.subarray(offsets[i], offsets[i + 1])`: `[geometry, properties]`. */
    text: Uint8Array;
    offsets: Uint32Array;
    count: number;
    points: number;
    bounds?: [number, number, number, number];
  };
}

/** Features a Blob part: big enough that parts are few, small enough that no string is huge. */
const CHUNK = 10_000;

/**
 * The map's copy keeps only the colours: every other property stays in the page's copy for the
 * popup, and MapLibre's worker transfer fails outright on a property named `constructor` (its
 * serializer reads it as the object's class).
 */
function colours(properties: YourFeature['properties']): string {
  let out = '';
  for (const key of STYLE_PROPERTIES) {
    const value = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (typeof value === 'string') out += `${out ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value)}`;
  }
  return `{${out}}`;
}

/** Grows `bounds` ([w, s, e, n]) by every position in `value`. */
function extend(bounds: number[], value: unknown): void {
  if (!Array.isArray(value)) return;
  if (typeof value[0] === 'number') {
    const x = value[0] as number;
    const y = value[1] as number;
    if (x < (bounds[0] as number)) bounds[0] = x;
    if (y < (bounds[1] as number)) bounds[1] = y;
    if (x > (bounds[2] as number)) bounds[2] = x;
    if (y > (bounds[3] as number)) bounds[3] = y;
  } else for (const inner of value) extend(bounds, inner);
}

function extendGeometry(bounds: number[], g: GeoJSON.Geometry): void {
  if (g.type === 'GeometryCollection') for (const inner of g.geometries) extendGeometry(bounds, inner);
  else extend(bounds, g.coordinates);
}

/** The result as the worker posts it, and the buffers to transfer with it. */
export function pack(data: YourData, mapAs: MapAs = MAP_AS): { message: Packed; transfer: ArrayBuffer[] } {
  const { features, ...rest } = data;
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(Math.max(1024, features.length * 96));
  const offsets = new Uint32Array(features.length + 1);
  let at = 0;
  const parts: string[] = ['{"type":"FeatureCollection","features":['];
  let chunk: string[] = [];
  let points = 0;
  const bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const objects: GeoJSON.Feature[] = [];
  features.forEach((feature, i) => {
    const geometry = JSON.stringify(feature.geometry);
    if (mapAs === 'object')
      objects.push({
        type: 'Feature',
        id: feature.id,
        geometry: feature.geometry,
        properties: JSON.parse(colours(feature.properties)),
      });
    else
      chunk.push(
        `${i ? ',' : ''}{"type":"Feature","id":${feature.id},"geometry":${geometry},"properties":${colours(feature.properties)}}`,
      );
    if (chunk.length === CHUNK) {
      parts.push(chunk.join(''));
      chunk = [];
    }
    if (feature.geometry?.type === 'Point') points += 1;
    if (feature.geometry) extendGeometry(bounds, feature.geometry);
    const text = `[${geometry},${JSON.stringify(feature.properties ?? null)}]`;
    // UTF-8 takes at most 3 bytes for each UTF-16 unit.
    if (buffer.length - at < text.length * 3) {
      const grown = new Uint8Array(Math.max(buffer.length * 2, at + text.length * 3));
      grown.set(buffer.subarray(0, at));
      buffer = grown;
    }
    at += encoder.encodeInto(text, buffer.subarray(at)).written;
    offsets[i + 1] = at;
  });
  parts.push(chunk.join(''), ']}');
  // Shrunk in place where the engine can (ArrayBuffer.prototype.transfer), else copied once.
  const raw = buffer.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
  const text = raw.transfer ? new Uint8Array(raw.transfer(at)) : buffer.slice(0, at);
  const message: Packed = {
    ...rest,
    packed: {
      map:
        mapAs === 'object'
          ? { type: 'FeatureCollection', features: objects }
          : new Blob(parts, { type: 'application/geo+json' }),
      text,
      offsets,
      count: features.length,
      points,
      ...((bounds[0] as number) <= (bounds[2] as number)
        ? { bounds: bounds as [number, number, number, number] }
        : {}),
    },
  };
  return { message, transfer: [text.buffer, offsets.buffer] };
}

/**
 * The page's side: the result with `features` decoded on first use (a download, the zip) and one
 * feature decoded on its own for the popup (`drawable.feature`).
 */
export function unpack(message: Packed): YourData {
  const { packed, ...rest } = message;
  const decoder = new TextDecoder();
  const decode = (id: number): YourFeature | undefined => {
    if (!Number.isInteger(id) || id < 0 || id >= packed.count) return undefined;
    const slice = packed.text.subarray(packed.offsets[id], packed.offsets[id + 1]);
    const [geometry, properties] = JSON.parse(decoder.decode(slice)) as [
      YourFeature['geometry'],
      YourFeature['properties'],
    ];
    return { type: 'Feature', id, geometry, properties };
  };
  const drawable: Drawable = {
    map: packed.map,
    count: packed.count,
    points: packed.points,
    ...(packed.bounds ? { bounds: packed.bounds } : {}),
    feature: decode,
  };
  let features: YourFeature[] | undefined;
  const data = { ...rest, drawable } as YourData;
  Object.defineProperty(data, 'features', {
    enumerable: true,
    get: () => {
      features ??= Array.from({ length: packed.count }, (_, id) => decode(id) as YourFeature);
      return features;
    },
  });
  return data;
}

export const isPacked = (result: unknown): result is Packed =>
  typeof result === 'object' && result !== null && 'packed' in result;
