import {
  describe,
  describePosition,
  eachItem,
  isJsonObject,
  type JsonObject,
  type Report,
} from './problems.ts';

const MAX_DECIMALS = 6;
// RFC 7946 §3.1.8 discourages nesting GeometryCollections; the cap only keeps hostile input from
// exhausting the stack, so it is far above anything a real file contains.
const MAX_COLLECTION_DEPTH = 32;

/** RFC 7946 §4: the crs member of the 2008 format was removed; coordinates are always WGS 84. */
export function checkCrs(object: JsonObject, report: Report): void {
  if (Object.hasOwn(object, 'crs')) report('crs', describe(object.crs));
}

/**
 * Walks the coordinates defensively: whatever is not the expected array shape is skipped here, because
 * geojson-validation already reports it. A null geometry (RFC 7946 §3.2) has nothing to check.
 */
export function checkGeometry(geometry: unknown, path: string, depth: number, report: Report): void {
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
