/**
 * Simplification on shared arcs: each stretch of border between two junctions is one TopoJSON arc that
 * both neighbours reference, so simplifying the arc changes both polygons alike and leaves no sliver or
 * gap between them, which simplifying each polygon on its own would.
 */
import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { planarTriangleArea, presimplify, simplify, type Triangle } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

export type Areas<P extends GeoJsonProperties> = FeatureCollection<Polygon | MultiPolygon, P>;
type Weighted = [number, number, number];

/**
 * How far a vertex lies from the line through its neighbours, in degrees. Weighing by that rather than
 * by triangle area keeps narrow features (barrier islands, spits), whose triangles are small but which
 * stand well clear of the line, and gives the tolerance a meaning in pixels.
 */
export function triangleHeight(triangle: Triangle): number {
  const [a, b, c] = triangle;
  const base = Math.hypot(c[0] - a[0], c[1] - a[1]);
  return base === 0 ? Math.hypot(b[0] - a[0], b[1] - a[1]) : (2 * planarTriangleArea(triangle)) / base;
}

/**
 * Marks the most important inner vertex of every arc, two of a closed one, to be kept at any tolerance,
 * so that no ring collapses to a line and no small island disappears: a ring then has at least three
 * distinct vertices however few arcs it is made of.
 */
function keepSkeleton(arcs: Weighted[][]): void {
  for (const arc of arcs) {
    const first = arc[0];
    const last = arc[arc.length - 1];
    const closed = first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
    const inner = arc.slice(1, -1).sort((a, b) => b[2] - a[2]);
    for (const point of inner.slice(0, closed ? 2 : 1)) point[2] = Number.POSITIVE_INFINITY;
  }
}

/**
 * Visvalingam–Whyatt elimination on the arcs of a topology (topojson-simplify), weighted by
 * triangleHeight: drops the vertices, least important first, while each lies within `tolerance` degrees
 * of the line through its neighbours. Arc ends, the junctions between neighbours, always stay. Returns
 * a new topology in plain longitude/latitude; the input is left as it was.
 */
export function simplifyTopology(input: Topology, tolerance: number): Topology {
  const weighted = presimplify(input as Topology<Objects>, triangleHeight);
  keepSkeleton(weighted.arcs as unknown as Weighted[][]);
  return simplify(weighted, tolerance);
}

/** The polygons of one object of a topology, as GeoJSON features with their ids and properties. */
export function areasOf<P extends GeoJsonProperties>(
  source: Topology,
  name: string,
): Feature<Polygon | MultiPolygon, P>[] {
  const object = source.objects[name];
  if (object?.type !== 'GeometryCollection') throw new Error(`no geometry collection ${name}`);
  const collection = feature(source, object as GeometryCollection<P>);
  return collection.features.filter(
    (f): f is Feature<Polygon | MultiPolygon, P> =>
      f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );
}

/** Simplifies GeoJSON polygons together, through a topology (topojson-server) of the borders they share. */
export function simplifyShared<P extends GeoJsonProperties>(
  collection: Areas<P>,
  tolerance: number,
): Areas<P> {
  const shared = simplifyTopology(topology({ areas: collection }), tolerance);
  return { type: 'FeatureCollection', features: areasOf<P>(shared, 'areas') };
}
