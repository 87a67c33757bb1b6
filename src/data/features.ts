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

/**
 * MapLibre drops string feature ids, so the copy handed to it carries the id as a property too. The
 * files and exports keep the id at the top level only (GDAL reads it from there).
 */
export function withIdProperty(collection: FeatureCollection): FeatureCollection {
  return {
    ...collection,
    features: collection.features.map((f) => ({ ...f, properties: { ...f.properties, id: String(f.id) } })),
  };
}

/** One label point per polygon feature of the mission layers, inside it, carrying its `label` and `layer`. */
export function missionLabelPoints(index: ReadonlyMap<string, FeatureEntry>): FeatureCollection {
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
  return { type: 'FeatureCollection', features };
}
