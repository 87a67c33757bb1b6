/**
 * The Spanish half of README.txt (LÉAME): the English text's content in Spanish. The excerpts stay the
 * report's English words, verbatim; only the project's own words have Spanish columns (`*_es`).
 */
import { MAP_AUTHOR, MAP_TITLE, MAP_VERSION, REPORT } from '../data/cite.ts';
import { narrowedWords } from '../data/narrowed.ts';
import { es } from '../i18n/index.ts';
import { columnMeaningEs } from './columns.ts';
import { columnLines, fileLines, type ReadmeOptions } from './readme-files.ts';

export const LEAME_HEADING = 'LÉAME (EN ESPAÑOL)';

const FILE_KINDS: Record<string, string> = {
  geojson: 'GeoJSON (RFC 7946, WGS 84), la copia de referencia: todas las columnas, un elemento por línea',
  qml: 'estilo de QGIS; QGIS lo aplica solo al abrir el .geojson del mismo nombre',
  sld: 'estilo SLD 1.1, para GeoServer, MapServer y QGIS (ArcGIS Pro no lee SLD)',
  kml: 'KML 2.2 para Google Earth, con los colores de la capa; el globo de cada marca tiene sus textos',
  csv: 'CSV (UTF-8, coma), una fila por elemento, la geometría en WKT en la columna "wkt"',
};

const CLIENTS = [
  'QGIS: abra el .gpkg (las tres capas, con estilo) o un .geojson con su .qml al lado: las capas se',
  '  ven como en el mapa web. Un .csv se abre con Capa > Añadir capa de texto delimitado (geometría:',
  '  WKT, campo "wkt", EPSG:4326).',
  'ArcGIS Pro: añada el .gpkg o un .geojson y dele estilo allí: ArcGIS Pro no lee ni QML ni SLD.',
  'Google Earth: abra un .kml; haga clic en una marca para leer sus citas, fechas y fuentes.',
  'Excel, LibreOffice, pandas: abra un .csv (UTF-8 con marca de orden de bytes, para que Excel lea las tildes).',
  '  Excel convierte "2006-12" (un mes) en el 1 de diciembre de 2006, un día que los datos no afirman:',
  '  impórtelo con Datos > Desde texto/CSV y ponga las columnas date_* como Texto.',
  'GDAL: ogrinfo y ogr2ogr leen todos los archivos de datos (.gpkg, .geojson, .kml, .csv).',
  'No se ofrece Shapefile: recorta los nombres de campo a 10 caracteres (date_start_precision y',
  '  date_start_earliest quedarían ambos como date_sta_*) y el texto a 254 bytes, lo que acortaría',
  '  las fuentes citadas. Use el GeoPackage.',
];

/** The LÉAME section: the README's content in Spanish, for the same files and features. */
export function leameLines({ files, data, narrowed }: ReadmeOptions): string[] {
  const where = narrowed && narrowedWords(narrowed, es);
  const lines = [
    LEAME_HEADING,
    '',
    MAP_TITLE,
    `Las capas del mapa, versión ${MAP_VERSION}${where ? `, solo los elementos ${where}` : ''}.`,
    '',
    'Basado en un solo reportaje: BBC News, 15 de enero de 2012, sobre la orden del presidente Otto',
    'Pérez Molina al ejército de Guatemala contra los cárteles de la droga. Las citas (excerpt,',
    'excerpt_2, …) son las palabras del reportaje en inglés, textuales y sin traducir. Las columnas',
    '*_es (name_es, label_es, note_es) son el español propio del proyecto, no palabras del reportaje.',
    'Los flujos son esquemáticos: el reportaje nombra países, no trayectos, y las líneas unen puntos',
    'dentro de ellos.',
    '',
    'ARCHIVOS',
    ...fileLines(
      files,
      FILE_KINDS,
      'GeoPackage: las tres capas, con sus estilos de QGIS y SLD (layer_styles)',
    ),
    '',
    'QUÉ HACE CADA PROGRAMA CON ELLOS',
    ...CLIENTS.map((l) => `  ${l}`),
    '',
    'COLUMNAS (los mismos nombres, en inglés, en todos los formatos; en KML, name es el Name de la',
    'marca, y una columna vacía no se escribe, porque KML no tiene valor vacío)',
  ];
  lines.push(...columnLines(data, es, columnMeaningEs, '(sin documentar)'));
  if (files.some((f) => f.endsWith('.csv')))
    lines.push(`  y en cada archivo .csv, wkt: ${columnMeaningEs('wkt')}`);
  lines.push(
    '',
    'Las fechas conservan su precisión: "2006-12" es un mes, y date_*_earliest / date_*_latest dan el',
    'primer y el último día que puede significar. Donde el reportaje no da una fecha completa,',
    '*_source dice quién la da.',
    '',
    'LICENCIAS Y FUENTES',
    '  Citas del reportaje: (c) BBC, citadas para comentario e investigación. Indique "Report: BBC News, 15 January 2012".',
    '  Límites: Natural Earth (dominio público): países 1:50m, versión 4.1.0; Alta Verapaz de los',
    '  departamentos 1:10m, versión no indicada. Se pide "Boundaries: Natural Earth", no es obligatorio.',
    '  Las fechas de otros medios (The Tico Times, Diálogo, EFE) se citan, con su fuente, en *_source.',
    '  El código del mapa: licencia MIT. LICENSE_DATA.md, en el repositorio, da la licencia de cada fuente.',
    '',
    'CÓMO CITARLO',
    `  ${MAP_AUTHOR}. ${MAP_TITLE}, versión ${MAP_VERSION}.`,
    `  <la dirección de donde obtuvo el mapa>. Consultado el <día de la descarga>. Fuente: ${REPORT.attribution}.`,
    '  "Cite this map" del mapa y "Cite" de cada elemento dan esta cita con la dirección y el día ya',
    '  completos, y en BibTeX y CSL-JSON. CITATION.cff, en el repositorio del código, cita el proyecto.',
  );
  return lines;
}
