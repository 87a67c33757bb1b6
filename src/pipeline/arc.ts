import { bearing, bezierSpline, destination, distance, lineString, midpoint, simplify } from '@turf/turf';
import type { LineString, Position } from 'geojson';
import { roundPosition } from './precision.ts';

export interface ArcOptions {
  /** Sideways bulge of the arc at its middle, as a share of the straight distance. Positive bends left. */
  bend?: number;
}

/**
 * A smooth schematic arc from one point to another: a spline through the two ends and a point pushed
 * sideways from the midpoint. It ends exactly on both points, so legs that share a point chain.
 */
export function schematicArc(from: Position, to: Position, { bend = 0.15 }: ArcOptions = {}): LineString {
  const start = roundPosition(from);
  const end = roundPosition(to);
  const length = distance(start, end);
  const sideways = bearing(start, end) - 90 * Math.sign(bend);
  const control = destination(midpoint(start, end), length * Math.abs(bend), sideways).geometry.coordinates;
  const spline = bezierSpline(lineString([start, control, end]), { resolution: 4000 });
  // The spline is dense; thinning to about 0.01° keeps it smooth at every zoom the map allows.
  const thinned = simplify(spline, { tolerance: 0.01, highQuality: true }).geometry.coordinates;
  const coordinates = thinned.map(roundPosition);
  coordinates[0] = start;
  coordinates[coordinates.length - 1] = end;
  return { type: 'LineString', coordinates };
}
