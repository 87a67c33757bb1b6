import { MAP_AUTHOR, MAP_TITLE, MAP_VERSION, REPORT } from '../data/cite.ts';
import { narrowedWords } from '../data/narrowed.ts';
import { en } from '../i18n/index.ts';
import { columnMeaning } from './columns.ts';
import { leameLines } from './readme-es.ts';
import { columnLines, fileLines, type ReadmeOptions } from './readme-files.ts';

export type { ReadmeOptions } from './readme-files.ts';

/** What one kind of file is, for the README's list, by the end of its name. */
const FILE_KINDS: Record<string, string> = {
  geojson: 'GeoJSON (RFC 7946, WGS 84), the reference copy: every column, one feature a line',
  qml: 'QGIS style; QGIS applies it by itself when it opens the .geojson of the same name',
  sld: 'SLD 1.1 style, for GeoServer, MapServer and QGIS (ArcGIS Pro does not read SLD)',
  kml: "KML 2.2 for Google Earth, with the layer's colours; each placemark's balloon holds its words",
  csv: 'CSV (UTF-8, comma), a row a feature, the geometry as WKT in the "wkt" column',
};

const CLIENTS = [
  'QGIS: open the .gpkg (all three layers, styled) or a .geojson with its .qml beside it: the layers',
  '  open looking like the web map. A .csv opens with Layer > Add Delimited Text Layer (geometry: WKT,',
  '  field "wkt", EPSG:4326).',
  'ArcGIS Pro: add the .gpkg or a .geojson and style it there: ArcGIS Pro reads neither QML nor SLD.',
  'Google Earth: open a .kml; click a placemark to read its quotes, dates and sources.',
  'Excel, LibreOffice, pandas: open a .csv (UTF-8 with a byte-order mark, so Excel reads accents).',
  '  Excel turns "2006-12" (a month) into 1 December 2006, a day the data does not claim: import it',
  '  with Data > From Text/CSV and set the date_* columns to Text.',
  'GDAL: ogrinfo and ogr2ogr read every data file here (.gpkg, .geojson, .kml, .csv).',
  'Shapefile is not offered: it cuts field names to 10 characters (date_start_precision and',
  '  date_start_earliest would both become date_sta_*) and text to 254 bytes, which would shorten the',
  '  quoted sources. Use the GeoPackage instead.',
];

/**
 * The zip's README.txt: what each file is, the columns and what they mean, licences, sources, citing;
 * then the same in Spanish (LÉAME), in one file so the zip's list of files stays as GIS users know it.
 */
export function readmeText({ files, data, narrowed }: ReadmeOptions): string {
  const where = narrowed && narrowedWords(narrowed, en);
  const lines = [
    MAP_TITLE,
    'En español: LÉAME, más abajo.',
    `The map's layers, version ${MAP_VERSION}${where ? `, only the features ${where}` : ''}.`,
    '',
    'Drawn from one report: BBC News, 15 January 2012, on President Otto Perez Molina ordering',
    "Guatemala's army against drug cartels. Every excerpt is the report's words, verbatim. The flows",
    'are schematic: the report names countries, not paths, and the lines join points inside them.',
    '',
    'FILES',
    ...fileLines(
      files,
      FILE_KINDS,
      'GeoPackage: the three layers, with their QGIS and SLD styles (layer_styles)',
    ),
    '',
    'WHAT EACH PROGRAM DOES WITH THEM',
    ...CLIENTS.map((l) => `  ${l}`),
    '',
    "COLUMNS (the same names in every format; in KML, name is the placemark's Name, and an empty",
    'column is left out, as KML has no empty value)',
  ];
  lines.push(...columnLines(data, en, columnMeaning, '(undocumented)'));
  if (files.some((f) => f.endsWith('.csv')))
    lines.push(`  and in every .csv file, wkt: ${columnMeaning('wkt')}`);
  lines.push(
    '',
    'Dates keep their precision: "2006-12" is a month, and date_*_earliest / date_*_latest give the',
    'first and last day it can mean. Where the report gives no full date, *_source names who does.',
    '',
    'LICENCES AND SOURCES',
    '  Report excerpts: (c) BBC, quoted for commentary and research. Show "Report: BBC News, 15 January 2012".',
    '  Boundaries: Natural Earth (public domain): countries 1:50m, version 4.1.0; Alta Verapaz from the',
    '  1:10m provinces, version not stated. "Boundaries: Natural Earth" is asked, not required.',
    '  Dates from other reports (The Tico Times, Diálogo, EFE) are quoted, with their source, in *_source.',
    "  The map's code: MIT licence. LICENSE_DATA.md in the source repository lists every source's licence.",
    '',
    'HOW TO CITE',
    `  ${MAP_AUTHOR}. ${MAP_TITLE}, version ${MAP_VERSION}.`,
    `  <the address you had the map from>. Accessed <the day you downloaded it>. Source: ${REPORT.attribution}.`,
    '  The map\'s "Cite this map", and the "Cite" of each feature, give this with the address and the',
    '  day filled in, and as BibTeX and CSL-JSON. CITATION.cff in the source repository cites the project.',
    '',
    ...leameLines({ files, data, narrowed }),
  );
  // CRLF, so that every text editor on Windows shows the lines.
  return `${lines.join('\n').replaceAll('\n', '\r\n')}\r\n`;
}
