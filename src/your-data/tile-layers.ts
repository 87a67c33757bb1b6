/**
 * What the page, the reading worker and the tile worker all know of a file's tiles, apart from the
 * tiler itself: the layers' names, and the file as the tile worker gets it (MapFile), in a form
 * that crosses between threads as transferred buffers rather than a clone of every feature.
 */
import type { Geometry } from 'geojson';
import { type ColourScheme, mapValue } from './colour-by.ts';
import type { YourFeature } from './types.ts';

/**
 * A file of `from` points or more is drawn as clusters with counts, where a blanket of dots would
 * read worse: points within `pixels` of each other, up to zoom `maxZoom`.
 */
export const CLUSTERING = { from: 20_000, pixels: 40, maxZoom: 11 } as const;

/** Points (clustered or not) in one layer of each tile, lines and areas in the other. */
export const SOURCE_LAYERS = { points: 'points', shapes: 'shapes' } as const;

/** MapLibre's GeoJSON source's deepest tiles; the map draws deeper zooms from these. */
export const TILE_MAX_ZOOM = 18;

export const isPointFeature = (f: { geometry: Geometry | null }): boolean =>
  f.geometry?.type === 'Point' || f.geometry?.type === 'MultiPoint';

/**
 * A geometry's members, GeometryCollections opened however deep (a KML MultiGeometry is a point and
 * an area): each is drawn in the layer of its own kind, as the picture draws them (your-shapes.ts).
 */
export const members = (geometry: Geometry): Exclude<Geometry, GeoJSON.GeometryCollection>[] =>
  geometry.type === 'GeometryCollection' ? geometry.geometries.flatMap(members) : [geometry];

/** The tile layers a feature of this geometry is drawn in: where its feature state must be set. */
export const sourceLayersOf = (geometry: Geometry): string[] => {
  const kinds = members(geometry).map((g) =>
    isPointFeature({ geometry: g }) ? SOURCE_LAYERS.points : SOURCE_LAYERS.shapes,
  );
  return [...new Set(kinds)];
};

/** The only properties the style reads: the file's own colours (simplestyle, KML). */
export const STYLE_PROPERTIES = ['fill', 'stroke', 'marker-color', 'icon-color'] as const;

/**
 * What the map draws of a file: feature i's Point at `points[2i]`, `points[2i + 1]` (NaN where it
 * is not a Point), its other geometry in `others`, and its own colours where it has any. Its
 * properties stay on the page, for the popup.
 */
export interface MapFile {
  points: Float64Array;
  others: [index: number, geometry: Geometry][];
  colours: [index: number, colours: Record<string, string>][];
}

export function mapFileOf(features: readonly YourFeature[]): MapFile {
  const points = new Float64Array(features.length * 2).fill(Number.NaN);
  const others: MapFile['others'] = [];
  const colours: MapFile['colours'] = [];
  features.forEach(({ geometry, properties }, i) => {
    if (geometry.type === 'Point') points.set(geometry.coordinates.slice(0, 2), i * 2);
    else others.push([i, geometry]);
    const own: Record<string, string> = {};
    let any = false;
    for (const key of STYLE_PROPERTIES) {
      const value = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (typeof value === 'string') {
        own[key] = value;
        any = true;
      }
    }
    if (any) colours.push([i, own]);
  });
  return { points, others, colours };
}

/** Each feature's value of a column as the style reads it under `_c` (COLOUR_KEY), NaN for none. */
export function colourValues(features: readonly YourFeature[], scheme: ColourScheme): Float64Array {
  const values = new Float64Array(features.length);
  features.forEach((f, i) => {
    values[i] = mapValue(scheme, f.properties) ?? Number.NaN;
  });
  return values;
}

/** Whether a file's points are drawn as clusters (CLUSTERING). */
export function clusters(file: MapFile): boolean {
  let count = 0;
  for (let i = 0; i < file.points.length; i += 2) if (!Number.isNaN(file.points[i] as number)) count += 1;
  return count >= CLUSTERING.from;
}
