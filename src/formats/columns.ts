/**
 * What each column of the exports means, for the zip's README.txt. A column the data gains without a
 * line here fails tests/unit/formats.test.ts, so the README never leaves one out.
 */
const COLUMNS = {
  id: 'the feature id, unique in its layer (top-level "id" in GeoJSON; a column elsewhere)',
  layer: "the layer's id, as in the file name",
  name: 'the feature, in words',
  name_es: "name in Spanish: the project's own words, not the report's",
  label: 'the short text the map writes on the feature',
  label_es: "label in Spanish: the project's own words, not the report's",
  excerpt: "the report's words, quoted verbatim (BBC News, 15 January 2012)",
  excerpt_N: "more of the report's words on this feature, verbatim (excerpt_2, excerpt_3, …)",
  attributed_to: 'who says it: the report itself, or whom the report quotes',
  source: 'the source of the excerpts',
  flow_type: '"route" (the cocaine route) or "displacement" (the Zetas moving into Guatemala)',
  sequence: "the route's leg, 1 to 3, in the order the report names the countries",
  from_country: 'where the flow starts: ISO 3166-1 alpha-3 code',
  to_country: 'where the flow ends: ISO 3166-1 alpha-3 code',
  to_admin1: 'the province a flow ends in, ISO 3166-2, where the report names one; else empty',
  destination_basis: 'what the end point of the line stands on, in words',
  schematic: 'true: the report names countries, not paths; the line is not an actual route',
  note: 'how to read the feature (for the flows: why the line is schematic)',
  note_es: "note in Spanish: the project's own words, not the report's",
  iso_3166_2: 'the province: ISO 3166-2 code',
  iso_a3: 'the country: ISO 3166-1 alpha-3 code',
  date_in_report: "the report's own words for the date, where it gives any",
  date_start: 'when it began: ISO 8601, as precise as known (YYYY, YYYY-MM or YYYY-MM-DD); empty if undated',
  date_start_precision: 'how precise date_start is: day, month or year, maybe "approximate" or "inferred"',
  date_start_earliest: 'the first day date_start can mean (YYYY-MM-DD)',
  date_start_latest: 'the last day date_start can mean (YYYY-MM-DD)',
  date_start_source: 'who gives date_start, quoted, or why there is none',
  date_end: 'when it ended, as date_start; empty if the sources give no end',
  date_end_precision: 'how precise date_end is, as date_start_precision',
  date_end_earliest: 'the first day date_end can mean',
  date_end_latest: 'the last day date_end can mean',
  date_end_source: 'who gives date_end, quoted',
  wkt: 'the geometry as WKT, WGS 84 longitude and latitude',
} satisfies Record<string, string>;

/** The same meanings in Spanish, for the README's LÉAME section: a key for every key above. */
const COLUMNS_ES: Record<keyof typeof COLUMNS, string> = {
  id: 'el identificador del elemento, único en su capa ("id" de primer nivel en GeoJSON; una columna en los demás)',
  layer: 'el identificador de la capa, como en el nombre del archivo',
  name: 'el elemento, en palabras (en inglés)',
  name_es: 'name en español: palabras propias del proyecto, no del reportaje',
  label: 'el texto breve que el mapa escribe sobre el elemento (en inglés)',
  label_es: 'label en español: palabras propias del proyecto, no del reportaje',
  excerpt: 'las palabras del reportaje, citadas textualmente en inglés (BBC News, 15 de enero de 2012)',
  excerpt_N: 'más palabras del reportaje sobre este elemento, textuales, en inglés (excerpt_2, excerpt_3, …)',
  attributed_to: 'quién lo dice: el propio reportaje o a quién cita el reportaje',
  source: 'la fuente de las citas',
  flow_type: '"route" (la ruta de la cocaína) o "displacement" (Los Zetas se trasladan a Guatemala)',
  sequence: 'el tramo de la ruta, de 1 a 3, en el orden en que el reportaje nombra los países',
  from_country: 'dónde empieza el flujo: código ISO 3166-1 alfa-3',
  to_country: 'dónde termina el flujo: código ISO 3166-1 alfa-3',
  to_admin1:
    'el departamento en que termina un flujo, ISO 3166-2, donde el reportaje nombra uno; si no, vacío',
  destination_basis: 'en qué se basa el punto final de la línea, en palabras (en inglés)',
  schematic: 'true: el reportaje nombra países, no trayectos; la línea no es una ruta real',
  note: 'cómo leer el elemento (en los flujos: por qué la línea es esquemática), en inglés',
  note_es: 'note en español: palabras propias del proyecto, no del reportaje',
  iso_3166_2: 'el departamento: código ISO 3166-2',
  iso_a3: 'el país: código ISO 3166-1 alfa-3',
  date_in_report: 'las palabras del propio reportaje para la fecha, donde da alguna (en inglés)',
  date_start:
    'cuándo empezó: ISO 8601, tan precisa como se sabe (AAAA, AAAA-MM o AAAA-MM-DD); vacía si no tiene fecha',
  date_start_precision:
    'qué tan precisa es date_start: day, month o year (día, mes o año), quizá "approximate" o "inferred"',
  date_start_earliest: 'el primer día que puede significar date_start (AAAA-MM-DD)',
  date_start_latest: 'el último día que puede significar date_start (AAAA-MM-DD)',
  date_start_source: 'quién da date_start, citado en inglés, o por qué no hay',
  date_end: 'cuándo terminó, como date_start; vacía si las fuentes no dan un final',
  date_end_precision: 'qué tan precisa es date_end, como date_start_precision',
  date_end_earliest: 'el primer día que puede significar date_end',
  date_end_latest: 'el último día que puede significar date_end',
  date_end_source: 'quién da date_end, citado en inglés',
  wkt: 'la geometría en WKT, longitud y latitud WGS 84',
};

const meaningIn = (table: Record<string, string>, column: string): string | undefined =>
  table[column] ?? (/^excerpt_\d+$/.test(column) ? table.excerpt_N : undefined);

/** What a column means; `excerpt_2`, `excerpt_3`… share one line. */
export function columnMeaning(column: string): string | undefined {
  return meaningIn(COLUMNS, column);
}

/** What a column means, in Spanish. */
export function columnMeaningEs(column: string): string | undefined {
  return meaningIn(COLUMNS_ES, column);
}
