/**
 * What every reader returns: the reader's features in WGS 84 and everything the page must tell the
 * reader about how they were read. Pure data, so it crosses from the worker by structured clone.
 */
import type { Feature, Geometry } from 'geojson';
import type { DayRange } from '../pipeline/date-range.ts';
import { type ReadProblem, type ReadRule, RULES, refuse } from './rules.ts';

export type Format = 'geojson' | 'ndjson' | 'csv' | 'kml' | 'kmz' | 'gpx' | 'shapefile';

/**
 * How the bytes became text: `utf-8-bom` is UTF-8 that began with a byte-order mark; `utf-16le` is
 * what Excel's "Unicode Text" writes (always with its mark).
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DateOrder = 'day-first' | 'month-first';

/** A date as the file wrote it, and the days it can mean at its precision (src/pipeline/date-range.ts). */
export interface FeatureDate extends DayRange {
  /** ISO 8601, as precise as the file: "2011", "2011-03" or "2011-03-04". */
  date: string;
  /** The cell's own text: "04/03/2011". */
  text: string;
}

/** The date column found in the file, and each feature's date (null where it has none). */
export interface DateColumn {
  column: string;
  /** The order the reader confirmed, for dates like 04/03/2011; absent when every date is ISO. */
  order?: DateOrder;
  /** Aligned with `features`: `dates.values[i]` is the date of the feature with id i. */
  values: (FeatureDate | null)[];
}

/** Rows or features left out (or left undated), with the first of their 1-based numbers. */
export interface Skipped {
  rule: Extract<ReadRule, 'no-coordinates' | 'out-of-range' | 'no-geometry' | 'not-json' | 'bad-date'>;
  count: number;
  of: number;
  /** CSV rows as a spreadsheet numbers them (a header is row 1), NDJSON lines, or features from 1. */
  unit: 'rows' | 'features' | 'lines';
  first: number[];
}

/** Something only the reader can answer; the file is read again with the answer (ReadOptions). */
export type Question =
  /** No column is known to hold coordinates: which do? `sample` is the first row, to show beside them. */
  | { kind: 'coordinates'; columns: string[]; sample: string[] }
  /**
   * Latitude and longitude look swapped: every row beyond the world would fit swapped
   * (`beyond-world`), or every row lies south of 60°S as read and north of it swapped
   * (`south-of-60`, swap.ts). Offered, never done: the answer is `coordinates: { latitude, longitude }`
   * as given here.
   */
  | { kind: 'swap'; why: 'beyond-world' | 'south-of-60'; latitude: string; longitude: string; rows: number }
  /**
   * The same for a GeoJSON's positions, written [latitude, longitude] where GeoJSON says longitude
   * first: `count` features (or lines) as `why` says. The answer is `swapPositions: true`.
   */
  | { kind: 'swap-positions'; why: 'beyond-world' | 'south-of-60'; count: number; unit: 'features' | 'lines' }
  | { kind: 'date-order'; column: string; examples: string[]; evident?: DateOrder };

/** The reader's answers to the questions of an earlier read of the same file. */
export interface ReadOptions {
  coordinates?: { latitude: string; longitude: string } | { wkt: string };
  dateOrder?: DateOrder;
  /** GeoJSON: every position is [latitude, longitude], to be read the other way round. */
  swapPositions?: boolean;
}

export interface YourFeature extends Feature<Geometry> {
  /** Its index in `features`, for MapLibre's feature state and the parallel `dates`/`folders`. */
  id: number;
}

export interface YourData {
  ok: true;
  file: string;
  format: Format;
  /** For text formats (all but Shapefile, whose .dbf says its own). */
  encoding?: Encoding;
  features: YourFeature[];
  /** The columns of a CSV, in file order, or the property names seen, for the popup's table. */
  columns: string[];
  /** CSV: each feature's row as a spreadsheet numbers it (a header is row 1). */
  rows?: number[];
  dates?: DateColumn;
  /**
   * The file's own feature ids (GeoJSON `id`, KML Placemark `id`), aligned with `features`; absent
   * when the file gives none. The map's ids are the features' indices, so these are kept apart.
   */
  sourceIds?: (string | number | null)[];
  /** KML: each feature's folder path ("Airstrips / 2011"), null outside any folder. */
  folders?: (string | null)[];
  /** [west, south, east, north] of every position, worked out where the file is read (read.ts). */
  bounds?: [number, number, number, number];
  /** The key the tile worker holds this read's tiles under (src/your-data/tiles.ts), when asked to. */
  tiles?: string;
  /** The coordinate system the file was reprojected from, as its .prj or GeoJSON `crs` names it. */
  reprojectedFrom?: string;
  skipped: Skipped[];
  questions: Question[];
  /** Warnings that did not stop the read. */
  problems: ReadProblem[];
}

export interface Refused {
  ok: false;
  file: string;
  format?: Format;
  problem: ReadProblem;
}

export type ReadResult = YourData | Refused;

const FIRST = 5;

/** "3 of 120 rows had no coordinates: rows 7, 19, 44". */
export function skippedText(s: Skipped): string {
  const more = s.count > s.first.length ? ', …' : '';
  const numbers = s.first.length === 1 ? s.unit.slice(0, -1) : s.unit;
  return `${s.count} of ${s.of} ${s.unit} ${RULES[s.rule]}: ${numbers} ${s.first.join(', ')}${more}`;
}

/**
 * Whether every position is a longitude and latitude: metres from a projected file (UTM, Web
 * Mercator) or swapped columns fall outside, and would be drawn somewhere wrong.
 */
export function withinWorld(geometry: Geometry): boolean {
  if (geometry.type === 'GeometryCollection') return geometry.geometries.every(withinWorld);
  const positions = (value: unknown[]): boolean =>
    typeof value[0] === 'number'
      ? Math.abs(value[0]) <= 180 && Math.abs(value[1] as number) <= 90
      : value.every((inner) => positions(inner as unknown[]));
  return positions(geometry.coordinates);
}

/** [west, south, east, north] of every position, or undefined for none. */
export function boundsOf(features: readonly YourFeature[]): [number, number, number, number] | undefined {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      const [x, y] = value as number[];
      w = Math.min(w, x as number);
      e = Math.max(e, x as number);
      s = Math.min(s, y as number);
      n = Math.max(n, y as number);
    } else for (const inner of value) visit(inner);
  };
  const geometry = (g: GeoJSON.Geometry): void => {
    if (g.type === 'GeometryCollection') g.geometries.forEach(geometry);
    else visit(g.coordinates);
  };
  for (const f of features) if (f.geometry) geometry(f.geometry);
  return w <= e ? [w, s, e, n] : undefined;
}

/** The file's own ids, or nothing when it has none (most CSV-like data). */
export function sourceIdsOf(ids: (string | number | null)[]): { sourceIds?: (string | number | null)[] } {
  return ids.some((id) => id !== null) ? { sourceIds: ids } : {};
}

/** Counts what a reader leaves out, keeping the first numbers for the message. */
export class Tally {
  private readonly counts = new Map<Skipped['rule'], { count: number; first: number[] }>();
  constructor(private readonly unit: Skipped['unit']) {}
  add(rule: Skipped['rule'], number: number): void {
    const entry = this.counts.get(rule) ?? { count: 0, first: [] };
    entry.count += 1;
    if (entry.first.length < FIRST) entry.first.push(number);
    this.counts.set(rule, entry);
  }
  skipped(of: number): Skipped[] {
    return [...this.counts].map(([rule, { count, first }]) => ({ rule, count, of, unit: this.unit, first }));
  }
  /** Refuses a file with nothing left to draw, saying what was left out. */
  refuseEmpty(of: number): never {
    const left = this.skipped(of).map(skippedText).join('; ');
    return refuse('no-features', left === '' ? undefined : left);
  }
}

/**
 * Properties as data only: an object with no prototype, so a column named `__proto__` or
 * `constructor` is an ordinary own key and reaches no prototype. defineProperty never runs a setter,
 * whatever the object's chain.
 */
export function properties(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
