import { area } from '@turf/area';
import { polygon as turfPolygon } from '@turf/helpers';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { roundPosition } from './precision.ts';

/**
 * The point a schematic flow starts or ends at for a country or province: the pole of inaccessibility
 * of its largest polygon, which always lies inside the shape (a centroid may not: think of Mexico's
 * curve or an archipelago).
 */
export function anchorPoint(geometry: Polygon | MultiPolygon): Position {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polygons.reduce((best, candidate) =>
    area(turfPolygon(candidate)) > area(turfPolygon(best)) ? candidate : best,
  );
  // polylabel wants 2-D positions; ours are, since the basemap is 2-D.
  return roundPosition(polylabel(largest as [number, number][][], 0.01));
}
