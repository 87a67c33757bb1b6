import { bbox } from '@turf/bbox';
import type { BBox, Feature, FeatureCollection, Position } from 'geojson';
import { MISSION_LAYERS, type MissionData, type MissionLayerId } from '../layers/registry.ts';
import { anchorPoint } from '../pipeline/anchor.ts';
import { BASEMAP_FILES, type BasemapData } from '../style/basemap.ts';
import { LAYER_TAG } from '../style/source.ts';

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

/** Where each mission feature's label and popup sit, by feature id: `anchorOf` for every feature. */
function featureAnchors(data: Partial<MissionData>): Record<string, Position> {
  return Object.fromEntries(
    MISSION_LAYERS.flatMap((layer) =>
      (data[layer.id]?.features ?? []).map((feature) => [String(feature.id), anchorOf(feature)]),
    ),
  );
}

/**
 * geodata/layers/anchors.json as `npm run geodata:layers` writes it: one line per feature, so that a
 * change to one feature shows as one line in a diff.
 */
export function anchorsFile(data: Partial<MissionData>): string {
  const lines = Object.entries(featureAnchors(data)).map(
    ([id, at]) => `    ${JSON.stringify(id)}: ${JSON.stringify(at)}`,
  );
  const about =
    "Where each mission feature's label and popup sit, by feature id, worked out from the layer files " +
    'beside this one (src/data/features.ts, anchorOf). Written by npm run geodata:layers; do not edit.';
  return `{\n  "about": ${JSON.stringify(about)},\n  "anchors": {\n${lines.join(',\n')}\n  }\n}\n`;
}

const within = ([x, y]: Position, [west, south, east, north]: BBox): boolean =>
  x !== undefined && y !== undefined && x >= west && x <= east && y >= south && y <= north;

/**
 * Every mission feature by its id, with what the map needs to show it. `anchors` are the ones
 * `npm run geodata:layers` worked out for the committed data (geodata/layers/anchors.json): a
 * polygon's pole of inaccessibility costs tens of milliseconds on a cold page. A feature with no
 * anchor, or one outside its bounds (data changed since), gets it worked out here.
 */
export function indexFeatures(
  data: Partial<MissionData>,
  anchors: Readonly<Record<string, Position>> = {},
): Map<string, FeatureEntry> {
  const index = new Map<string, FeatureEntry>();
  for (const layer of MISSION_LAYERS) {
    for (const feature of data[layer.id]?.features ?? []) {
      const id = String(feature.id);
      const bounds = bbox(feature);
      const known = anchors[id];
      index.set(id, {
        layer: layer.id,
        feature,
        bounds,
        anchor: known && within(known, bounds) ? known : anchorOf(feature),
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
      properties: { id, [LAYER_TAG]: entry.layer, label: entry.feature.properties?.label ?? null },
      geometry: { type: 'Point', coordinates: entry.anchor },
    });
  }
  return features;
}

/**
 * What the map's one source holds (src/style/source.ts): the basemap files' features, then every
 * mission feature, each tagged with the file it came from (the style's filters read `layer`, whatever
 * the data says), then the label points of the mission polygons. MapLibre drops string feature ids,
 * so mission features carry their id as a property as well; the files and exports keep the id at the
 * top level only (GDAL reads it from there).
 */
export function mapSourceData(
  basemap: BasemapData,
  data: MissionData,
  index: ReadonlyMap<string, FeatureEntry>,
): FeatureCollection {
  const tag = (layer: string, features: Feature[], withId: boolean) =>
    features.map((f) => ({
      ...f,
      properties: { ...f.properties, ...(withId ? { id: String(f.id) } : {}), [LAYER_TAG]: layer },
    }));
  const features = [
    ...BASEMAP_FILES.flatMap((file) => tag(file, basemap[file].features, false)),
    ...MISSION_LAYERS.flatMap(({ id }) => tag(id, data[id].features, true)),
    ...missionLabelPoints(index),
  ];
  return { type: 'FeatureCollection', features };
}
