import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { FeatureEntry } from '../data/features.ts';
import { featureInterval, inLanguage, labelWithSpan } from '../data/time.ts';
import { en, LANGUAGES } from '../i18n/index.ts';
import { BASEMAP_FILES, type BasemapData } from '../layers/basemap.ts';
import { isReportLayerId, REPORT_LAYERS, type ReportData, reportLayer } from '../layers/registry.ts';

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

/** The property that marks a callout's label point (`label`) and its leader line (`leader`). */
export const CALLOUT_TAG = 'callout';
export const isCallout = (part: 'label' | 'leader'): ExpressionSpecification => [
  '==',
  ['get', CALLOUT_TAG],
  part,
];
export const isNotCallout: ExpressionSpecification = ['!', ['has', CALLOUT_TAG]];

/**
 * The property that marks the point at the middle of a displacement flow, where its label goes: the
 * label is longer than its line at a phone's zoom, and in Spanish at most zooms.
 */
export const FLOW_LABEL_TAG = 'flow_label';

/** Six decimals, as the layer files have them. */
const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * A feature's labels on the map: its `label`, with its span once it has an end, and the same in each
 * other language (`label_es`, its span in Spanish), so that the style only picks a field.
 */
function mapLabels({ feature }: FeatureEntry): Record<string, string | null> {
  const p = feature.properties ?? {};
  const interval = featureInterval(p);
  const labels: Record<string, string | null> = {
    label: typeof p.label === 'string' ? labelWithSpan(p.label, interval) : null,
  };
  for (const t of Object.values(LANGUAGES).filter((t) => t.lang !== en.lang)) {
    const label = inLanguage(p, 'label', t);
    labels[`label_${t.lang}`] = label === null ? null : labelWithSpan(label, interval, t);
  }
  return labels;
}

function polygonEntries(index: ReadonlyMap<string, FeatureEntry>): [string, FeatureEntry][] {
  return [...index].filter(([, { feature }]) => /Polygon$/.test(feature.geometry?.type ?? ''));
}

/** One label point per polygon feature of the report's layers, inside it, carrying its `label` and `layer`. */
function labelPoints(index: ReadonlyMap<string, FeatureEntry>): Feature[] {
  return polygonEntries(index).map(([id, entry]) => ({
    type: 'Feature',
    // Its longitude as a property too: the style places an area's labels from east to west.
    properties: { id, [LAYER_TAG]: entry.layer, lng: entry.anchor[0], ...mapLabels(entry) },
    geometry: { type: 'Point', coordinates: entry.anchor },
  }));
}

/**
 * For each polygon of a layer with a callout: its label point in open space, and the leader line from
 * the feature's anchor to it. Decoration worked out from the anchors, not data: never exported.
 */
function calloutFeatures(index: ReadonlyMap<string, FeatureEntry>): Feature[] {
  return polygonEntries(index).flatMap(([id, entry]) => {
    const { look } = reportLayer(entry.layer);
    if (look.kind !== 'area' || !look.callout) return [];
    const [x, y] = entry.anchor as [number, number];
    const [dx, dy] = look.callout.offset;
    const at: [number, number] = [round6(x + dx), round6(y + dy)];
    const properties = { id, [LAYER_TAG]: entry.layer };
    return [
      {
        type: 'Feature',
        properties: { ...properties, [CALLOUT_TAG]: 'label', ...mapLabels(entry) },
        geometry: { type: 'Point', coordinates: at },
      },
      {
        type: 'Feature',
        properties: { ...properties, [CALLOUT_TAG]: 'leader' },
        geometry: { type: 'LineString', coordinates: [[x, y], at] },
      },
    ];
  });
}

/** The point halfway along a line, by its length in degrees (the flows are short arcs). */
export function middleOf(coordinates: number[][]): [number, number] {
  const line = coordinates.map(([x = 0, y = 0]) => [x, y] as const);
  let left = line.slice(1).reduce((sum, p, i) => sum + distance(line[i] ?? p, p), 0) / 2;
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1] ?? line[0], line[i]];
    if (!a || !b) break;
    const leg = distance(a, b);
    if (left <= leg && leg > 0) {
      const f = left / leg;
      return [round6(a[0] + f * (b[0] - a[0])), round6(a[1] + f * (b[1] - a[1]))];
    }
    left -= leg;
  }
  const [x, y] = line[0] ?? [0, 0];
  return [x, y];
}

const distance = (a: readonly [number, number], b: readonly [number, number]) =>
  Math.hypot(b[0] - a[0], b[1] - a[1]);

/** A label point at the middle of each displacement flow, carrying its labels. Decoration: never exported. */
function flowLabelPoints(index: ReadonlyMap<string, FeatureEntry>): Feature[] {
  return [...index].flatMap(([id, entry]) => {
    const { feature } = entry;
    if (feature.geometry?.type !== 'LineString' || feature.properties?.flow_type !== 'displacement')
      return [];
    return [
      {
        type: 'Feature',
        properties: {
          id,
          [LAYER_TAG]: entry.layer,
          [FLOW_LABEL_TAG]: true,
          flow_type: 'displacement',
          ...mapLabels(entry),
        },
        geometry: { type: 'Point', coordinates: middleOf(feature.geometry.coordinates) },
      } satisfies Feature,
    ];
  });
}

/** Properties of the report's features that name a country by its ISO 3166-1 alpha-3 code. */
const COUNTRY_KEYS = ['iso_a3', 'from_country', 'to_country'];

/** The countries the report's features name (the route's and the militarised ones), sorted. */
export function reportCountries(source: FeatureCollection): string[] {
  const codes = new Set<string>();
  for (const { properties } of source.features) {
    if (!isReportLayerId(String(properties?.[LAYER_TAG]))) continue;
    for (const key of COUNTRY_KEYS) {
      const code = properties?.[key];
      if (typeof code === 'string' && /^[A-Z]{3}$/.test(code)) codes.add(code);
    }
  }
  return [...codes].sort();
}

/**
 * What the map's one source holds: the basemap files' features, then every report feature, each
 * tagged with the file it came from (the style's filters read `layer`, whatever the data says), then
 * the label points of the report's polygons, then their callouts. MapLibre drops string feature ids,
 * so report features carry their id as a property as well; the files and exports keep the id at the
 * top level only (GDAL reads it from there).
 */
export function mapSourceData(
  basemap: BasemapData,
  data: ReportData,
  index: ReadonlyMap<string, FeatureEntry>,
): FeatureCollection {
  const tag = (layer: string, features: Feature[], id?: (f: Feature) => string) =>
    features.map((f) => ({
      ...f,
      properties: { ...f.properties, ...(id ? { id: id(f) } : {}), [LAYER_TAG]: layer },
    }));
  // The basemap's names carry ids for a feature state of their own (src/map/covered-labels.ts),
  // prefixed so that none is a report feature's (a country's label and its report area are both GTM).
  const named = (file: string) =>
    file === 'labels' || file === 'places' ? (f: Feature) => `${file}:${f.id}` : undefined;
  const features = [
    ...BASEMAP_FILES.flatMap((file) => tag(file, basemap[file].features, named(file))),
    ...REPORT_LAYERS.flatMap(({ id }) => tag(id, data[id].features, (f) => String(f.id))),
    ...labelPoints(index),
    ...flowLabelPoints(index),
    ...calloutFeatures(index),
  ];
  return { type: 'FeatureCollection', features };
}
