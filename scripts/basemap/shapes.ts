/** Polygon shapes as the basemap handles them: cleaning, rounding, winding, checks and label points. */
import { area, booleanClockwise, booleanPointInPolygon, kinks, polygon, rewind } from '@turf/turf';
import type { BBox, MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';

export type Ring = Position[];
/** Always a list of polygons, whatever the input type, so every step handles one shape. */
export type Shape = Ring[][];
export interface Area {
  id: string;
  properties: Record<string, string>;
  shape: Shape;
}

/** About 11 m, far below a pixel at zoom 8; world-atlas's 50m file is quantized to 0.0036° × 0.0017°. */
export const DECIMALS = 4;

export function at<T>(items: readonly T[], index: number): T {
  const item = items[index < 0 ? items.length + index : index];
  if (item === undefined) throw new Error(`index ${index} out of range (length ${items.length})`);
  return item;
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const samePosition = (a: Position, b: Position): boolean => at(a, 0) === at(b, 0) && at(a, 1) === at(b, 1);
const pointKey = (p: Position): string => `${at(p, 0)},${at(p, 1)}`;

function withoutRepeats(ring: Ring): Ring {
  return ring.filter((p, i) => i === 0 || !samePosition(p, at(ring, i - 1)));
}

/** Drops repeated vertices, then rings left with fewer than 4 positions and polygons without an exterior. */
export function cleanShape(shape: Shape): Shape {
  return shape.flatMap((rings) => {
    const [outer, ...holes] = rings.map(withoutRepeats);
    if (outer === undefined || outer.length < 4) return [];
    return [[outer, ...holes.filter((ring) => ring.length >= 4)]];
  });
}

/** The polygons of a geometry as plain two-number positions, not yet cleaned. */
export function polygonsOf(geometry: Polygon | MultiPolygon): Shape {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((ring) => ring.map((p) => [at(p, 0), at(p, 1)])));
}

export function toGeometry(shape: Shape): Polygon | MultiPolygon {
  return shape.length === 1
    ? { type: 'Polygon', coordinates: at(shape, 0) }
    : { type: 'MultiPolygon', coordinates: shape };
}

export function ringBBox(ring: Ring): BBox {
  const xs = ring.map((p) => at(p, 0));
  const ys = ring.map((p) => at(p, 1));
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return at(a, 0) <= at(b, 2) && at(a, 2) >= at(b, 0) && at(a, 1) <= at(b, 3) && at(a, 3) >= at(b, 1);
}

export function round(value: number): number {
  const scale = 10 ** DECIMALS;
  const rounded = Math.round(value * scale) / scale;
  return Object.is(rounded, -0) ? 0 : rounded;
}

const roundPosition = (p: Position): Position => [round(at(p, 0)), round(at(p, 1))];

function rewindShape(shape: Shape): Shape {
  // reverse: false is RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
  // turf types the result as any GeoJSON; given a geometry it returns one of the same type.
  const geometry = rewind(toGeometry(shape), { reverse: false }) as Polygon | MultiPolygon;
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Rounds, drops the vertices and rings rounding merged, and winds as RFC 7946 asks. Every step works
 * one vertex at a time or keeps whole rings, so two borders that were identical stay identical.
 */
export function finishShape(shape: Shape): Shape {
  return rewindShape(cleanShape(shape.map((rings) => rings.map((ring) => ring.map(roundPosition)))));
}

/** Throws unless every ring is closed, long enough, wound as RFC 7946 asks and rounded. */
export function checkShape(id: string, shape: Shape): void {
  for (const rings of shape) {
    rings.forEach((ring, i) => {
      if (ring.length < 4 || !samePosition(at(ring, 0), at(ring, -1))) throw new Error(`${id}: bad ring`);
      if (booleanClockwise(ring) !== i > 0) throw new Error(`${id}: ring ${i} wound the wrong way`);
      if (ring.some((p) => p.some((v) => round(v) !== v))) throw new Error(`${id}: unrounded coordinate`);
    });
  }
}

export function kinkCount(shape: Shape): number {
  return kinks(toGeometry(shape)).features.length;
}

export function areaKm2(shape: Shape): number {
  return area(toGeometry(shape)) / 1e6;
}

export function contains(shape: Shape, point: Position): boolean {
  return booleanPointInPolygon(point, toGeometry(shape));
}

function largestPolygon(shape: Shape): Ring[] {
  return shape.reduce((best, rings) => (area(polygon(rings)) > area(polygon(best)) ? rings : best));
}

/** The pole of inaccessibility of the largest polygon, rounded like the shapes. */
export function labelPoint(shape: Shape, precision: number): Position {
  const rings = largestPolygon(shape);
  const point = roundPosition(polylabel(rings as [number, number][][], precision));
  if (!booleanPointInPolygon(point, polygon(rings))) throw new Error(`label ${pointKey(point)} is outside`);
  return point;
}
