/**
 * CSV and TSV with papaparse (d3-dsv's parser builds a `new Function`, which the page's CSP forbids):
 * the delimiter guessed among , ; tab and |, coordinates from a latitude/longitude pair of columns
 * named in English or Spanish, or from a WKT column. With neither, the reader is asked which columns
 * hold them, and the file is read again with `options.coordinates`.
 */
import { wktToGeoJSON } from '@terraformer/wkt';
import type { Geometry } from 'geojson';
import Papa from 'papaparse';
import { findDates } from './dates.ts';
import type { FileBytes } from './file-bytes.ts';
import { checkCount, FEATURE_LIMITS, refuse } from './rules.ts';
import { crossedIntoAntarctica } from './swap.ts';
import { decodeText } from './text.ts';
import {
  properties,
  type ReadOptions,
  Tally,
  withinWorld,
  type YourData,
  type YourFeature,
} from './types.ts';

/** Column names, lower-case without accents or punctuation, in order of preference. */
const LATITUDE = ['latitude', 'latitud', 'lat', 'y'];
const LONGITUDE = ['longitude', 'longitud', 'lon', 'lng', 'long', 'x'];
const WKT_NAMES = ['wkt', 'geometry', 'geometria', 'geom', 'thegeom', 'wktgeom', 'shape'];
const WKT_VALUE =
  /^\s*(?:POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\b/i;

const NO_ROW: string[] = [];

export const normalName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export function readCsv(file: FileBytes, name: string, options: ReadOptions = {}): YourData {
  let { text, encoding } = decodeText(file.take());
  const parsed = Papa.parse<string[]>(text, {
    delimiter: decimalCommaDelimiter(text),
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: false,
    // Parsing stops one row past the limit (with the header), so a huge file is refused unread beyond it.
    preview: FEATURE_LIMITS.refuse + 2,
  });
  // The rows are the file now: the text goes before the features are made of them.
  text = '';
  checkCount(parsed.data.length - 1);
  const delimiter = parsed.meta.delimiter;
  // Spanish Excel writes decimal commas, so it puts ; (or a tab) between cells: where the delimiter is
  // not a comma, a comma inside a number can only be its decimal point.
  const number = numberReader(delimiter !== ',');
  const [first = []] = parsed.data;
  // Column names are never numbers or WKT: a first row holding one is data, and the columns are numbered.
  const headerless = first.some((cell) => number(cell) !== undefined || WKT_VALUE.test(cell));
  const header = headerless ? first.map((_, i) => `column ${i + 1}`) : first;
  const records = headerless ? parsed.data : parsed.data.slice(1);
  parsed.data = [];
  const columns = uniqueNames(header);
  if (columns.length < 2) refuse('unknown', 'a CSV needs at least two columns');
  const { locate, pair } = locator(columns, records, options, number) ?? {};

  const tally = new Tally('rows');
  const features: YourFeature[] = [];
  const rows: number[] = [];
  let of = 0;
  let swappable = 0;
  let unswappable = 0;
  records.forEach((record, index) => {
    // Each row goes once its feature is made, so the rows and the features are never both whole.
    if (locate) records[index] = NO_ROW;
    const row = index + (headerless ? 1 : 2); // a spreadsheet's row: a header is row 1
    if (record.length === 1 && record[0]?.trim() === '') return; // a blank line, not a record
    of += 1;
    if (!locate) return;
    const geometry = locate(record);
    if (geometry === undefined) {
      tally.add('no-coordinates', row);
      return;
    }
    if (geometry === 'out-of-range' || geometry === 'swappable') {
      tally.add('out-of-range', row);
      if (geometry === 'swappable') swappable += 1;
      else unswappable += 1;
      return;
    }
    const cells = columns.map((column, i) => [column, cellValue(record[i], number)] as const);
    features.push({ type: 'Feature', id: features.length, geometry, properties: properties(cells) });
    rows.push(row);
  });

  if (!locate) {
    return {
      ok: true,
      file: name,
      format: 'csv',
      encoding,
      features: [],
      columns,
      skipped: [],
      questions: [{ kind: 'coordinates', columns, sample: columns.map((_, i) => records[0]?.[i] ?? '') }],
      problems: [],
    };
  }
  const swapWhy =
    pair && swappable > 0 && unswappable === 0
      ? ('beyond-world' as const)
      : pair && crossedIntoAntarctica(features.map((f) => f.geometry))
        ? ('south-of-60' as const)
        : undefined;
  const swap =
    pair && swapWhy
      ? [
          {
            kind: 'swap' as const,
            why: swapWhy,
            latitude: pair.longitude,
            longitude: pair.latitude,
            rows: swapWhy === 'beyond-world' ? swappable : features.length,
          },
        ]
      : [];
  // A file whose every row is swapped is still worth asking about, not refusing.
  if (features.length === 0 && swap.length === 0) tally.refuseEmpty(of);
  const dating = findDates(features, columns, (i) => rows[i] ?? 0, 'rows', options);
  return {
    ok: true,
    file: name,
    format: 'csv',
    encoding,
    features,
    columns,
    rows,
    ...(dating.dates ? { dates: dating.dates } : {}),
    skipped: [...tally.skipped(of), ...dating.tally.skipped(features.length)],
    questions: [...swap, ...(dating.question ? [dating.question] : [])],
    problems: [],
  };
}

/** A row's geometry; 'swappable' where it is beyond the world but would fit with lat and lon swapped. */
type Locate = (record: string[]) => Geometry | 'out-of-range' | 'swappable' | undefined;

interface Located {
  locate: Locate;
  /** The latitude and longitude columns, when the geometry comes from a pair. */
  pair?: { latitude: string; longitude: string };
}

/** How a record's geometry is found, or undefined when no column is known to hold coordinates. */
function locator(
  columns: string[],
  records: string[][],
  options: ReadOptions,
  number: (cell: string) => number | undefined,
): Located | undefined {
  const chosen = options.coordinates;
  const points = (lat: number, lon: number): Located => ({
    locate: pointLocator(lat, lon, number),
    pair: { latitude: columns[lat] ?? '', longitude: columns[lon] ?? '' },
  });
  const at = (name: string): number => {
    const index = columns.indexOf(name);
    if (index < 0) refuse('failed', `there is no column "${name}"`);
    return index;
  };
  if (chosen && 'wkt' in chosen) return { locate: wktLocator(at(chosen.wkt)) };
  if (chosen) return points(at(chosen.latitude), at(chosen.longitude));
  const names = columns.map(normalName);
  const pick = (list: string[]) => list.map((n) => names.indexOf(n)).find((i) => i >= 0);
  const lat = pick(LATITUDE);
  const lon = pick(LONGITUDE);
  if (lat !== undefined && lon !== undefined) return points(lat, lon);
  const firstFilled = (i: number) => records.find((r) => (r[i] ?? '').trim() !== '')?.[i] ?? '';
  const wkt = pick(WKT_NAMES) ?? columns.findIndex((_, i) => WKT_VALUE.test(firstFilled(i)));
  return wkt !== undefined && wkt >= 0 ? { locate: wktLocator(wkt) } : undefined;
}

function pointLocator(lat: number, lon: number, number: (cell: string) => number | undefined): Locate {
  return (record) => {
    const y = number(record[lat] ?? '');
    const x = number(record[lon] ?? '');
    if (x === undefined || y === undefined) return undefined;
    if (Math.abs(y) > 90 || Math.abs(x) > 180)
      return Math.abs(x) <= 90 && Math.abs(y) <= 180 ? 'swappable' : 'out-of-range';
    return { type: 'Point', coordinates: [x, y] };
  };
}

function wktLocator(column: number): Locate {
  return (record) => {
    const cell = record[column]?.trim() ?? '';
    if (!WKT_VALUE.test(cell)) return undefined;
    let geometry: Geometry;
    try {
      geometry = wktToGeoJSON(cell) as Geometry;
    } catch {
      return undefined;
    }
    return withinWorld(geometry) ? geometry : 'out-of-range';
  };
}

/**
 * ";" where the first line has semicolons and every comma in it sits between digits (15,47;-90,37):
 * Spanish Excel, whose commas split as evenly as its semicolons and would fool the guess. Else ""
 * (papaparse guesses).
 */
function decimalCommaDelimiter(text: string): string {
  const line = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  return line.includes(';') && !/(?<!\d),|,(?!\d)/.test(line) ? ';' : '';
}

/** A cell as a number where it is one, with a decimal comma where the file uses them. */
function numberReader(decimalComma: boolean): (cell: string) => number | undefined {
  const pattern = decimalComma
    ? /^[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/
    : /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
  return (cell) => {
    const text = cell.trim();
    if (!pattern.test(text)) return undefined;
    const value = Number(text.replace(',', '.'));
    return Number.isFinite(value) ? value : undefined;
  };
}

/** Numbers as numbers (for colouring by a range), but not codes with leading zeros ("01234"). */
function cellValue(cell: string | undefined, number: (cell: string) => number | undefined): unknown {
  if (cell === undefined || cell.trim() === '') return null;
  if (/^[+-]?0\d/.test(cell.trim())) return cell;
  return number(cell) ?? cell;
}

/** Header cells as column names: blanks named by position, repeats numbered. */
function uniqueNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((cell, index) => {
    const base = cell.trim() === '' ? `column ${index + 1}` : cell.trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
