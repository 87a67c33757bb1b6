import { bbox as turfBbox } from '@turf/bbox';
import { bboxPolygon } from '@turf/bbox-polygon';
import { booleanIntersects } from '@turf/boolean-intersects';
import { type Zippable, zipSync } from 'fflate';
import type { BBox, Feature, FeatureCollection } from 'geojson';
import { en, type Messages } from '../i18n/index.ts';
import { REPORT_LAYERS, type ReportData, type ReportLayer, type ReportLayerId } from '../layers/registry.ts';
import { featureInterval, stateAt } from './time.ts';

/** RFC 7946 §12. */
export const GEOJSON_MEDIA_TYPE = 'application/geo+json';

export interface ExportFile {
  name: string;
  text: string;
  /** The layer the file holds, and how many of its features. */
  layer: ReportLayerId;
  count: number;
}

export interface ExportOptions {
  /** Only these layers; all by default. */
  layers?: readonly ReportLayerId[];
  /** Only features that intersect this lon/lat box, kept whole (not clipped). */
  within?: BBox;
  /** Only what the map draws on this day as in force or uncertain, and the undated features it always draws. */
  at?: string;
}

const DRAWN_AS_HOLDING = new Set(['in-force', 'uncertain', 'undated']);

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * One layer as the text of an RFC 7946 file: `name` first (GDAL and QGIS take it as the layer name),
 * a `bbox`, and one feature per line so that a diff of two exports shows which features changed.
 * Features are written as they are given: the pipeline has already fixed winding, decimals and
 * property order.
 */
export function layerFileText(name: string, features: readonly Feature[]): string {
  const header: Record<string, unknown> = { type: 'FeatureCollection', name };
  if (features.length > 0) {
    header.bbox = turfBbox({ type: 'FeatureCollection', features: [...features] }).map(round6);
  }
  const lines = features.map((f) =>
    JSON.stringify({ type: 'Feature', id: f.id, properties: f.properties, geometry: f.geometry }),
  );
  const head = JSON.stringify(header).slice(0, -1);
  const body = lines.length > 0 ? `\n${lines.join(',\n')}\n` : '';
  return `${head},"features":[${body}]}\n`;
}

function selectFeatures(collection: FeatureCollection, { within, at }: ExportOptions): Feature[] {
  let features = collection.features;
  if (at)
    features = features.filter((f) => DRAWN_AS_HOLDING.has(stateAt(featureInterval(f.properties), at).state));
  if (!within) return features;
  const view = bboxPolygon(within);
  return features.filter((f) => f.geometry !== null && booleanIntersects(f, view));
}

/** The chosen layers, in registry order, each with the features the options keep. */
export function selectLayers(
  data: ReportData,
  options: ExportOptions = {},
): { layer: ReportLayer; features: Feature[] }[] {
  return REPORT_LAYERS.filter((l) => !options.layers || options.layers.includes(l.id)).map((layer) => ({
    layer,
    features: selectFeatures(data[layer.id], options),
  }));
}

/** The export files for the chosen layers, in registry order: one `<layer id>.geojson` each. */
export function buildExport(data: ReportData, options: ExportOptions = {}): ExportFile[] {
  return selectLayers(data, options).map(({ layer, features }) => ({
    name: `${layer.id}.geojson`,
    text: layerFileText(layer.id, features),
    layer: layer.id,
    count: features.length,
  }));
}

/**
 * What a download holds. Of a narrowed export (`where`: "in this view", "on 1 June 2008"), a layer
 * with no feature left is left out, since an empty file opens in QGIS as a table with no geometry and
 * no fields. `message` says what was left out, or why nothing was downloaded; null when everything
 * asked for is there.
 */
export function downloadable(
  files: readonly ExportFile[],
  { where, t = en }: { where?: string | undefined; t?: Messages | undefined },
): { files: ExportFile[]; message: string | null } {
  if (!where) return { files: [...files], message: null };
  const kept = files.filter((f) => f.count > 0);
  const names = files.filter((f) => f.count === 0).map((f) => t.layers[f.layer].name);
  if (names.length === 0) return { files: kept, message: null };
  if (kept.length === 0) {
    const message =
      names.length === 1
        ? t.exportMenu.noFeature(names[0] as string, where)
        : t.exportMenu.noFeatureAny(where);
    return { files: kept, message };
  }
  return { files: kept, message: t.exportMenu.leftOut(where, names.join(', ')) };
}

/** A file of a zip: text (written as UTF-8) or bytes. */
export interface ZipEntry {
  name: string;
  text?: string;
  bytes?: Uint8Array;
}

/**
 * A zip of the files. The entries carry a fixed timestamp, given in local time because zip stores
 * local time, so the page and the command line produce the same bytes in any time zone.
 */
export function zipExport(files: readonly ZipEntry[]): Uint8Array {
  const mtime = new Date(2012, 0, 15, 12, 0, 0);
  const encoder = new TextEncoder();
  const entries: Zippable = {};
  for (const f of files) entries[f.name] = [f.bytes ?? encoder.encode(f.text ?? ''), { mtime, level: 9 }];
  return zipSync(entries);
}
