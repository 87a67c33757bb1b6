import { geojsonToWKT } from '@terraformer/wkt';
import { csvFormatRow } from 'd3-dsv';
import type { Feature } from 'geojson';

/** The geometry column: GDAL and QGIS both take a column of this name as WKT geometry. */
export const WKT_COLUMN = 'wkt';

/** A byte-order mark, so that Excel reads the file as UTF-8 (GDAL and QGIS skip it). */
const BOM = '\uFEFF';

const cell = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * One layer as CSV for spreadsheets: a row a feature, the feature's `id`, then the GeoJSON's columns
 * by their names and in their order, then its geometry as WKT. Null is an empty cell. Quoting is
 * d3-dsv's (RFC 4180), lines end in CRLF as RFC 4180 asks.
 */
export function layerCsv(features: readonly Feature[]): string {
  const columns = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  const header = ['id', ...columns, WKT_COLUMN];
  const rows = features.map((f) => [
    cell(f.id),
    ...columns.map((c) => cell(f.properties?.[c])),
    f.geometry ? geojsonToWKT(f.geometry) : '',
  ]);
  return `${BOM}${[header, ...rows].map((row) => csvFormatRow(row)).join('\r\n')}\r\n`;
}
