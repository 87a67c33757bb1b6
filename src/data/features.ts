import { bbox } from '@turf/bbox';
import type { BBox, Feature, Position } from 'geojson';
import { REPORT_LAYERS, type ReportData, type ReportLayerId } from '../layers/registry.ts';
import { anchorPoint } from '../pipeline/anchor.ts';

export interface FeatureEntry {
  layer: ReportLayerId;
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

/** Where each report feature's label and popup sit, by feature id: `anchorOf` for every feature. */
function featureAnchors(data: Partial<ReportData>): Record<string, Position> {
  return Object.fromEntries(
    REPORT_LAYERS.flatMap((layer) =>
      (data[layer.id]?.features ?? []).map((feature) => [String(feature.id), anchorOf(feature)]),
    ),
  );
}

/**
 * geodata/layers/anchors.json as `npm run geodata:layers` writes it: one line per feature, so that a
 * change to one feature shows as one line in a diff.
 */
export function anchorsFile(data: Partial<ReportData>): string {
  const lines = Object.entries(featureAnchors(data)).map(
    ([id, at]) => `    ${JSON.stringify(id)}: ${JSON.stringify(at)}`,
  );
  const about =
    "Where each report feature's label and popup sit, by feature id, worked out from the layer files " +
    'beside this one (src/data/features.ts, anchorOf). Written by npm run geodata:layers; do not edit.';
  return `{\n  "about": ${JSON.stringify(about)},\n  "anchors": {\n${lines.join(',\n')}\n  }\n}\n`;
}

const within = ([x, y]: Position, [west, south, east, north]: BBox): boolean =>
  x !== undefined && y !== undefined && x >= west && x <= east && y >= south && y <= north;

/**
 * Every report feature by its id, with what the map needs to show it. `anchors` are the ones
 * `npm run geodata:layers` worked out for the committed data (geodata/layers/anchors.json): a
 * polygon's pole of inaccessibility costs tens of milliseconds on a cold page. A feature with no
 * anchor, or one outside its bounds (data changed since), gets it worked out here.
 */
export function indexFeatures(
  data: Partial<ReportData>,
  anchors: Readonly<Record<string, Position>> = {},
): Map<string, FeatureEntry> {
  const index = new Map<string, FeatureEntry>();
  for (const layer of REPORT_LAYERS) {
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
