import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { FeatureEntry } from '../data/features.ts';
import { BASEMAP_FILES, type BasemapData } from '../layers/basemap.ts';
import { REPORT_LAYERS, type ReportData } from '../layers/registry.ts';

/**
 * The style's one GeoJSON source. It holds the basemap and every report feature, each tagged with a
 * `layer` property naming the file it came from; style layers pick theirs with `inLayer`. One source
 * rather than one per file: MapLibre redraws its tile clipping masks every time consecutive style
 * layers change source, and runs a worker job per tile per source (docs/PERFORMANCE.md).
 */
export const MAP_SOURCE = 'map';

/** The property that names the file a feature of the map source came from. */
export const LAYER_TAG = 'layer';

/** The features of file `id` in the map source; `also` narrows them further. */
export function inLayer(id: string, also?: ExpressionSpecification): ExpressionSpecification {
  const tagged: ExpressionSpecification = ['==', ['get', LAYER_TAG], id];
  return also ? ['all', tagged, also] : tagged;
}

export const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
export const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

/** One label point per polygon feature of the report's layers, inside it, carrying its `label` and `layer`. */
function labelPoints(index: ReadonlyMap<string, FeatureEntry>): Feature[] {
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
 * What the map's one source holds the basemap files' features, then every
 * report feature, each tagged with the file it came from (the style's filters read `layer`, whatever
 * the data says), then the label points of the report's polygons. MapLibre drops string feature ids,
 * so report features carry their id as a property as well; the files and exports keep the id at the
 * top level only (GDAL reads it from there).
 */
export function mapSourceData(
  basemap: BasemapData,
  data: ReportData,
  index: ReadonlyMap<string, FeatureEntry>,
): FeatureCollection {
  const tag = (layer: string, features: Feature[], withId: boolean) =>
    features.map((f) => ({
      ...f,
      properties: { ...f.properties, ...(withId ? { id: String(f.id) } : {}), [LAYER_TAG]: layer },
    }));
  const features = [
    ...BASEMAP_FILES.flatMap((file) => tag(file, basemap[file].features, false)),
    ...REPORT_LAYERS.flatMap(({ id }) => tag(id, data[id].features, true)),
    ...labelPoints(index),
  ];
  return { type: 'FeatureCollection', features };
}
