import type { Geometry, Position } from 'geojson';

/** RFC 7946 §11.2: six decimals are about 10 cm, far below anything this map shows. */
export const DECIMALS = 6;
const SCALE = 10 ** DECIMALS;

export function round(value: number): number {
  const rounded = Math.round(value * SCALE) / SCALE;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function roundPosition(position: Position): Position {
  return position.slice(0, 2).map(round);
}

export function roundGeometry<G extends Geometry | null>(geometry: G): G {
  if (geometry === null) return geometry;
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: roundPosition(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(roundPosition) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((line) => line.map(roundPosition)) };
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(roundPosition))),
      };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map(roundGeometry) };
  }
}
