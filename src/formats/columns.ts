/**
 * What each column of the exports means, for the zip's README.txt. A column the data gains without a
 * line here fails tests/unit/formats.test.ts, so the README never leaves one out.
 */
const COLUMNS: Record<string, string> = {
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
};

/** What a column means; `excerpt_2`, `excerpt_3`… share one line. */
export function columnMeaning(column: string): string | undefined {
  return COLUMNS[column] ?? (/^excerpt_\d+$/.test(column) ? COLUMNS.excerpt_N : undefined);
}
