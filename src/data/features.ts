import { bbox } from '@turf/bbox';
import type { BBox, Feature, FeatureCollection, Position } from 'geojson';
import { MISSION_LAYERS, type MissionData, type MissionLayerId } from '../layers/registry.ts';
import { anchorPoint } from '../pipeline/anchor.ts';

export interface FeatureEntry {
  layer: MissionLayerId;
  feature: Feature;
  bounds: BBox;
  /** Where a popup opens when the feature is chosen rather than clicked: a point on or inside it. */
  anchor: Position;
}

function anchorOf(feature: Feature): Position {
  const g = feature.geometry;
  if (g?.type === 'Polygon' || g?.type === 'MultiPolygon') return anchorPoint(g);
  if (g?.type === 'LineString') return g.coordinates[Math.floor(g.coordinates.length / 2)] ?? [0, 0];
  if (g?.type === 'Point') return g.coordinates;
  const [w, s, e, n] = bbox(feature);
  return [(w + e) / 2, (s + n) / 2];
}

/** Every mission feature by its id, with what the map needs to show it. */
export function indexFeatures(data: Partial<MissionData>): Map<string, FeatureEntry> {
  const index = new Map<string, FeatureEntry>();
  for (const layer of MISSION_LAYERS) {
    for (const feature of data[layer.id]?.features ?? []) {
      index.set(String(feature.id), {
        layer: layer.id,
        feature,
        bounds: bbox(feature),
        anchor: anchorOf(feature),
      });
    }
  }
  return index;
}

/** One label point per polygon feature of the mission layers, inside it, carrying its `label` and `layer`. */
function missionLabelPoints(index: ReadonlyMap<string, FeatureEntry>): Feature[] {
  const features: Feature[] = [];
  for (const [id, entry] of index) {
    const type = entry.feature.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') continue;
    features.push({
      type: 'Feature',
      properties: { id, layer: entry.layer, label: entry.feature.properties?.label ?? null },
      geometry: { type: 'Point', coordinates: entry.anchor },
    });
  }
  return features;
}

/**
 * What the map's one mission source holds: every feature of every layer, tagged with the layer whose
 * file it came from (the style's filters read `layer`, whatever the data says), then the label points.
 * MapLibre drops string feature ids, so this copy carries the id as a property as well; the files and
 * exports keep the id at the top level only (GDAL reads it from there).
 */
export function missionSourceData(
  data: MissionData,
  index: ReadonlyMap<string, FeatureEntry>,
): FeatureCollection {
  const features = MISSION_LAYERS.flatMap(({ id: layer }) =>
    data[layer].features.map((f) => ({ ...f, properties: { ...f.properties, id: String(f.id), layer } })),
  );
  return { type: 'FeatureCollection', features: [...features, ...missionLabelPoints(index)] };
}
