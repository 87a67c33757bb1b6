/**
 * Every way a reader can refuse a file or leave part of it out, in one table, as the data gate keeps
 * its rules (src/data/validate.ts): the id is what a test and a translation key name, the text is
 * the English line. One fixture per rule in tests/fixtures/your-data/, or a test that builds it.
 */
export const RULES = {
  // The file as a whole: it is refused.
  empty: 'the file is empty',
  'too-large': 'the file is over 200 MB, more than the map can hold: refused unread',
  binary: 'this is not a text file the map can read',
  unknown: 'the map reads GeoJSON, newline-delimited GeoJSON, CSV, TSV, KML, KMZ, GPX and zipped Shapefile',
  json: 'this is not valid JSON',
  geojson: 'this JSON is not GeoJSON',
  'no-features': 'the file holds no features with a location',
  xml: 'this is not well-formed XML',
  'xml-doctype': 'the XML declares a DOCTYPE or entities, which KML and GPX never need: refused unread',
  'zip-size': 'the archive inflates past 200 MB: refused',
  'zip-ratio': 'the archive inflates past 100 times its own size: refused',
  'zip-entries': 'the archive holds more than 1,000 files: refused',
  'too-many': 'the file holds more than 2,000,000 features, more than the map can draw: refused',
  'zip-no-layer': 'the archive holds no .kml or .shp file',
  zip: 'this is not a readable zip archive',
  shapefile: 'this Shapefile cannot be read',
  failed: 'the file could not be read',
  // Part of the file: the rest is drawn and the reader is told how much was left out.
  'no-coordinates': 'had no coordinates',
  'no-geometry': 'had no geometry',
  'not-json': 'were not JSON',
  'out-of-range': 'had coordinates beyond ±90 latitude or ±180 longitude (projected, or swapped?)',
  'bad-date': 'had a date that does not read as a date, and are drawn undated',
  // A warning: the whole file is read.
  large: 'the file is over 25 MB: it may take a while to read, and the map may be slow with it',
  many: 'the file holds more than 250,000 features: the map may be slow with them',
  'no-projection': 'the file names a coordinate system the map cannot convert to longitude and latitude',
  'south-of-60':
    'every point lies south of 60°S, in Antarctica or the Southern Ocean: are latitude and longitude swapped?',
} as const;

export type ReadRule = keyof typeof RULES;

/** A reader's finding: one line, the file named as the reader knows it. */
export interface ReadProblem {
  file: string;
  rule: ReadRule;
  /** Detail after the rule's text: the parser's own words, a value, a name. */
  detail?: string;
  /** Where in the file's text, when the parser says (invalid JSON or XML). */
  at?: { line: number; column?: number };
}

/** Features (rows, placemarks…) in one file (issue 34): above `warn` the reader is told, above `refuse` refused. */
export const FEATURE_LIMITS = { warn: 250_000, refuse: 2_000_000 } as const;

/** Each reader calls this with its count as soon as it knows it, before making features of them. */
export function checkCount(count: number): void {
  if (count > FEATURE_LIMITS.refuse) refuse('too-many');
}

/** Thrown by a reader to refuse a file; the wiring (read.ts) turns it into a refusal. */
export class Refusal extends Error {
  constructor(readonly problem: Omit<ReadProblem, 'file'>) {
    super(problem.detail ? `${RULES[problem.rule]}: ${problem.detail}` : RULES[problem.rule]);
  }
}

export const refuse = (rule: ReadRule, detail?: string, at?: ReadProblem['at']): never => {
  throw new Refusal({ rule, ...(detail === undefined ? {} : { detail }), ...(at ? { at } : {}) });
};

const oneLine = (text: string): string => text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();

/** "seizures.csv: line 3, column 7: this is not valid JSON: Unexpected token". */
export function formatReadProblem(p: ReadProblem): string {
  const where = p.at ? `line ${p.at.line}${p.at.column ? `, column ${p.at.column}` : ''}: ` : '';
  const detail = p.detail ? `: ${oneLine(p.detail)}` : '';
  return `${oneLine(p.file)}: ${where}${RULES[p.rule]}${detail}`;
}
