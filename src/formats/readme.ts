import type { Feature } from 'geojson';
import { MAP_AUTHOR, MAP_TITLE, MAP_VERSION, REPORT } from '../data/cite.ts';
import { GEOPACKAGE_NAME } from '../data/names.ts';
import { type ReportData, type ReportLayerId, reportLayer } from '../layers/registry.ts';
import { columnMeaning } from './columns.ts';

/** What one kind of file is, for the README's list, by the end of its name. */
const FILE_KINDS: Record<string, string> = {
  geojson: 'GeoJSON (RFC 7946, WGS 84), the reference copy: every column, one feature a line',
  qml: 'QGIS style; QGIS applies it by itself when it opens the .geojson of the same name',
  sld: 'SLD 1.1 style, for ArcGIS Pro (Import Symbology) and GeoServer',
  kml: "KML 2.2 for Google Earth, with the layer's colours; each placemark's balloon holds its words",
  csv: 'CSV (UTF-8, comma), a row a feature, the geometry as WKT in the "wkt" column',
};

const CLIENTS = [
  'QGIS: open the .gpkg (all three layers, styled) or a .geojson with its .qml beside it: the layers',
  '  open looking like the web map. A .csv opens with Layer > Add Delimited Text Layer (geometry: WKT,',
  '  field "wkt", EPSG:4326).',
  'ArcGIS Pro: add the .gpkg or a .geojson; apply the .sld with Import Symbology, or restyle.',
  'Google Earth: open a .kml; click a placemark to read its quotes, dates and sources.',
  'Excel, LibreOffice, pandas: open a .csv (UTF-8 with a byte-order mark, so Excel reads accents).',
  'GDAL: ogrinfo and ogr2ogr read every file here.',
  'Shapefile is not offered: it cuts field names to 10 characters (date_start_precision and',
  '  date_start_earliest would both become date_sta_*) and text to 254 bytes, which would shorten the',
  '  quoted sources. Use the GeoPackage instead.',
];

/** The files, a kind at a time: `transit-flows.kml, alta-verapaz.kml`, then what a .kml is. */
function fileLines(files: readonly string[]): string[] {
  const lines: string[] = [];
  if (files.includes(GEOPACKAGE_NAME))
    lines.push(
      `  ${GEOPACKAGE_NAME}`,
      '      GeoPackage: the three layers, with their QGIS and SLD styles (layer_styles)',
    );
  for (const [ext, kind] of Object.entries(FILE_KINDS)) {
    const named = files.filter((f) => f.endsWith(`.${ext}`));
    if (named.length > 0) lines.push(`  ${named.join(', ')}`, `      ${kind}`);
  }
  return lines;
}

/** The columns of a layer's features, in the order its files hold them. */
const columnsOf = (features: readonly Feature[]): string[] => [
  ...new Set(['id', ...features.flatMap((f) => Object.keys(f.properties ?? {}))]),
];

export interface ReadmeOptions {
  /** The file names the zip holds, README.txt aside. */
  files: readonly string[];
  /** The features the zip holds, by layer. */
  data: Partial<ReportData>;
  /** How the zip was narrowed ("in this view", "on 1 June 2008"); absent for the whole map. */
  where?: string;
}

/** The zip's README.txt: what each file is, the columns and what they mean, licences, sources, citing. */
export function readmeText({ files, data, where }: ReadmeOptions): string {
  const lines = [
    MAP_TITLE,
    `The map's layers, version ${MAP_VERSION}${where ? `, only the features ${where}` : ''}.`,
    '',
    'Drawn from one report: BBC News, 15 January 2012, on President Otto Perez Molina ordering',
    "Guatemala's army against drug cartels. Every excerpt is the report's words, verbatim. The flows",
    'are schematic: the report names countries, not paths, and the lines join points inside them.',
    '',
    'FILES',
    ...fileLines(files),
    '',
    'WHAT EACH PROGRAM DOES WITH THEM',
    ...CLIENTS.map((l) => `  ${l}`),
    '',
    'COLUMNS (the same names in every format)',
  ];
  for (const [id, features] of Object.entries(data) as [ReportLayerId, { features: Feature[] }][]) {
    const layer = reportLayer(id);
    lines.push(
      `  ${id} (${layer.name}; ${layer.geometry}; ${features.features.length} feature${features.features.length === 1 ? '' : 's'})`,
    );
    for (const column of columnsOf(features.features))
      lines.push(`    ${column}: ${columnMeaning(column) ?? '(undocumented)'}`);
  }
  if (files.some((f) => f.endsWith('.csv')))
    lines.push(`  and in every .csv file, wkt: ${columnMeaning('wkt')}`);
  lines.push(
    '',
    'Dates keep their precision: "2006-12" is a month, and date_*_earliest / date_*_latest give the',
    'first and last day it can mean. Where the report gives no full date, *_source names who does.',
    '',
    'LICENCES AND SOURCES',
    '  Report excerpts: (c) BBC, quoted for commentary and research. Show "Report: BBC News, 15 January 2012".',
    '  Boundaries: Natural Earth 4.1.0 (public domain). "Boundaries: Natural Earth" is asked, not required.',
    '  Dates from other reports (The Tico Times, Diálogo, EFE) are quoted, with their source, in *_source.',
    "  The map's own data and code: MIT licence.",
    '',
    'HOW TO CITE',
    `  ${MAP_AUTHOR}. ${MAP_TITLE}, version ${MAP_VERSION}.`,
    `  <the address you had the map from>. Accessed <the day you downloaded it>. Source: ${REPORT.attribution}.`,
    '  The map\'s "Cite this map", and the "Cite" of each feature, give this with the address and the',
    '  day filled in, and as BibTeX and CSL-JSON. CITATION.cff in the source repository cites the project.',
  );
  // CRLF, so that every text editor on Windows shows the lines.
  return `${lines.join('\n').replaceAll('\n', '\r\n')}\r\n`;
}
