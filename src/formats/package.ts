import type { Feature } from 'geojson';
import {
  downloadable,
  type ExportFile,
  type ExportOptions,
  GEOJSON_MEDIA_TYPE,
  layerFileText,
  selectLayers,
  type ZipEntry,
  zipExport,
} from '../data/export.ts';
import { GEOPACKAGE_NAME, README_NAME } from '../data/names.ts';
import type { Messages } from '../i18n/index.ts';
import type { ReportData, ReportLayer } from '../layers/registry.ts';
import { layerCsv } from './csv.ts';
import { layerKml } from './kml.ts';
import { layerQml } from './qml.ts';
import { type ReadmeOptions, readmeText } from './readme.ts';
import { layerSld } from './sld.ts';
import { type YourLayer, yourDataEntries } from './your-data.ts';

/** Every format a layer is written in, in the download menu's order. */
export const LAYER_FORMATS = [
  { format: 'geojson', label: 'GeoJSON', media: GEOJSON_MEDIA_TYPE },
  { format: 'kml', label: 'KML', media: 'application/vnd.google-earth.kml+xml' },
  { format: 'csv', label: 'CSV', media: 'text/csv;charset=utf-8' },
  { format: 'qml', label: 'QGIS style', media: 'application/xml' },
  { format: 'sld', label: 'SLD', media: 'application/vnd.ogc.sld+xml' },
] as const;

export type LayerFormat = (typeof LAYER_FORMATS)[number]['format'];

export const GEOPACKAGE_MEDIA_TYPE = 'application/geopackage+sqlite3';

const WRITERS: Record<LayerFormat, (layer: ReportLayer, features: readonly Feature[]) => string> = {
  geojson: (layer, features) => layerFileText(layer.id, features),
  kml: layerKml,
  csv: (_, features) => layerCsv(features),
  qml: (layer) => layerQml(layer),
  sld: (layer) => layerSld(layer),
};

export const mediaType = (format: LayerFormat): string =>
  LAYER_FORMATS.find((f) => f.format === format)?.media ?? 'application/octet-stream';

/** One layer's file in one format: `<layer id>.<format>`. */
export function layerFile(layer: ReportLayer, features: readonly Feature[], format: LayerFormat): ExportFile {
  return {
    name: `${layer.id}.${format}`,
    text: WRITERS[format](layer, features),
    layer: layer.id,
    count: features.length,
  };
}

export interface Package {
  /** The files, in registry order and then format order; the zip adds README.txt and the GeoPackage. */
  files: ExportFile[];
  /** What a narrowed package left out, or why it holds nothing (see `downloadable`). */
  message: string | null;
  /** The features each file holds, by layer, for README.txt. */
  data: Partial<ReportData>;
}

/**
 * The chosen layers in the chosen formats. `where` says how the options narrow the export, as the
 * download's message words it; a narrowed export leaves out the layers with no feature left.
 */
export function buildPackage(
  data: ReportData,
  options: ExportOptions & {
    formats?: readonly LayerFormat[];
    where?: string | undefined;
    t?: Messages;
  } = {},
): Package {
  const formats = options.formats ?? LAYER_FORMATS.map((f) => f.format);
  const selection = selectLayers(data, options);
  const geojson = selection.map(({ layer, features }) => layerFile(layer, features, 'geojson'));
  const { files: kept, message } = downloadable(geojson, { where: options.where, t: options.t });
  const chosen = selection.filter(({ layer }) => kept.some((f) => f.layer === layer.id));
  return {
    files: chosen.flatMap(({ layer, features }) =>
      formats.map((format) => layerFile(layer, features, format)),
    ),
    message,
    data: Object.fromEntries(
      chosen.map(({ layer, features }) => [layer.id, { type: 'FeatureCollection', features }]),
    ),
  };
}

/**
 * The zip of a package: its files, the GeoPackage when given (it holds the whole map, so a narrowed
 * zip goes without it), and README.txt naming what it holds.
 */
export function zipPackage(
  pkg: Package,
  {
    geoPackage,
    narrowed,
    yourData = [],
  }: { geoPackage?: Uint8Array; narrowed?: ReadmeOptions['narrowed']; yourData?: readonly YourLayer[] },
) {
  const entries: ZipEntry[] = [...pkg.files];
  if (geoPackage) entries.push({ name: GEOPACKAGE_NAME, bytes: geoPackage });
  const readme = readmeText({ files: entries.map((e) => e.name), data: pkg.data, narrowed });
  // The reader's files after the report's, and README.txt's words about them after its own.
  const own = yourDataEntries(yourData);
  return zipExport([{ name: README_NAME, text: readme + own.readme }, ...entries, ...own.entries]);
}
