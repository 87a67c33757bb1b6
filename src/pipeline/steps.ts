import { rewind } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  GeoJsonProperties,
  Geometry,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { anchorPoint } from './anchor.ts';
import { schematicArc } from './arc.ts';
import { roundGeometry } from './precision.ts';

/** Each step takes a FeatureCollection and returns a new one; none touches its input or the file system. */
type Boundaries = FeatureCollection<Polygon | MultiPolygon>;
/** Features as authored: evidence and attributes, geometry still to come. */
type Authored = FeatureCollection<Geometry | null>;

function indexBy(boundaries: Boundaries, key: string): Map<string, Polygon | MultiPolygon> {
  const index = new Map<string, Polygon | MultiPolygon>();
  for (const feature of boundaries.features) {
    const code = feature.properties?.[key];
    if (typeof code === 'string') index.set(code, feature.geometry);
  }
  return index;
}

function lookup(
  index: Map<string, Polygon | MultiPolygon>,
  code: unknown,
  featureId: unknown,
): Polygon | MultiPolygon {
  const geometry = typeof code === 'string' ? index.get(code) : undefined;
  if (!geometry) throw new Error(`Feature ${String(featureId)}: no boundary for ${String(code)}`);
  return geometry;
}

/** Gives each feature the boundary whose `key` property equals the feature's own `key` property. */
export function attachBoundaries(input: Authored, boundaries: Boundaries, key: string): FeatureCollection {
  const index = indexBy(boundaries, key);
  return {
    ...input,
    features: input.features.map((f) => ({ ...f, geometry: lookup(index, f.properties?.[key], f.id) })),
  };
}

/**
 * Gives each flow a straight two-point line between anchors inside its from- and to-places:
 * `from_country`/`to_country` (ISO 3166-1 alpha-3), or `to_admin1` (ISO 3166-2) where the flow ends
 * in a province.
 */
export function attachFlowEndpoints(
  input: Authored,
  countries: Boundaries,
  provinces: Boundaries,
): FeatureCollection {
  const byCountry = indexBy(countries, 'iso_a3');
  const byProvince = indexBy(provinces, 'iso_3166_2');
  const anchor = (index: Map<string, Polygon | MultiPolygon>, code: unknown, id: unknown): Position =>
    anchorPoint(lookup(index, code, id));
  return {
    ...input,
    features: input.features.map((f) => {
      const p = f.properties ?? {};
      const from = anchor(byCountry, p.from_country, f.id);
      const to = p.to_admin1 ? anchor(byProvince, p.to_admin1, f.id) : anchor(byCountry, p.to_country, f.id);
      return { ...f, geometry: { type: 'LineString', coordinates: [from, to] } };
    }),
  };
}

/**
 * Replaces each two-point line with a smooth schematic arc. Every flow bends to its left, so a flow
 * and one running the opposite way between the same places (the Zetas moving from Mexico into
 * Guatemala against the cocaine going north) pass on opposite sides instead of on top of each other;
 * the displacement bends more, to stand apart from the route.
 */
export function toSchematicArcs(input: FeatureCollection): FeatureCollection {
  return {
    ...input,
    features: input.features.map((f) => {
      if (f.geometry?.type !== 'LineString' || f.geometry.coordinates.length !== 2) {
        throw new Error(`Feature ${String(f.id)}: a flow needs a two-point LineString`);
      }
      const [from, to] = f.geometry.coordinates as [Position, Position];
      const bend = f.properties?.flow_type === 'displacement' ? 0.3 : 0.15;
      return { ...f, geometry: schematicArc(from, to, { bend }) };
    }),
  };
}

/**
 * Exterior rings counter-clockwise, holes clockwise. Lines keep their direction: it is the flow's.
 * Every area is a MultiPolygon, one part or many: GIS tools type a layer by its geometry, and a layer
 * that mixes Polygon and MultiPolygon loses features in formats that hold one type per layer.
 */
function rfc7946Winding(geometry: Geometry | null): Geometry | null {
  if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') return geometry;
  const multi: MultiPolygon =
    geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [geometry.coordinates] } : geometry;
  return rewind(multi, { reverse: false }) as MultiPolygon;
}

/** A Spanish column, `<key>_es`, goes right after its English `<key>`, wherever it was authored. */
const SPANISH = /^(.+)_es$/;

function spanishAfterEnglish(keys: readonly string[]): string[] {
  const english = (k: string): string | undefined => {
    const base = SPANISH.exec(k)?.[1];
    return base !== undefined && keys.includes(base) ? base : undefined;
  };
  return keys.flatMap((k) => (english(k) !== undefined ? [] : [k, ...keys.filter((s) => english(s) === k)]));
}

/**
 * The last step before a layer is written: RFC 7946 winding (§3.1.6) and 6 decimals (§11.2), members
 * in a fixed order, and every feature carrying every property key of its layer (null where it has no
 * value) in the order the keys first appear, each `<key>_es` right after its `<key>`, so GIS tools
 * read one stable set of columns.
 */
export function normalise(input: Authored, name: string): FeatureCollection & { name: string } {
  const seen: string[] = [];
  for (const f of input.features) {
    for (const k of Object.keys(f.properties ?? {})) if (!seen.includes(k)) seen.push(k);
  }
  const keys = spanishAfterEnglish(seen);
  const features = input.features.map((f): Feature => {
    const properties: GeoJsonProperties = {};
    for (const k of keys) properties[k] = f.properties?.[k] ?? null;
    return {
      type: 'Feature',
      id: f.id,
      properties,
      geometry: roundGeometry(rfc7946Winding(f.geometry)),
    } as Feature;
  });
  return { type: 'FeatureCollection', name, features };
}
