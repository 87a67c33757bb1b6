/**
 * One case per rule of src/your-data/rules.ts, as tests/fixtures/invalid/ does for the data gate:
 * a fixture, or an archive built here (a zip bomb is better made than committed).
 */
import { randomBytes } from 'node:crypto';
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FILE_LIMITS, readFile } from '../../../src/your-data/read.ts';
import { FEATURE_LIMITS, formatReadProblem, type ReadRule, RULES } from '../../../src/your-data/rules.ts';
import { type ReadOptions, skippedText } from '../../../src/your-data/types.ts';
import { unzipLimited, ZIP_LIMITS } from '../../../src/your-data/zip.ts';
import { fixture } from './helpers.ts';

const MB = 1024 * 1024;

/** A streamed zip: entries pushed a chunk at a time, so a bomb needs no buffer of its inflated size. */
function streamedZip(
  entries: { name: string; chunks: () => Iterable<Uint8Array>; store?: boolean }[],
): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const entry of entries) {
    const file = entry.store ? new ZipPassThrough(entry.name) : new ZipDeflate(entry.name, { level: 9 });
    zip.add(file);
    for (const chunk of entry.chunks()) file.push(chunk);
    file.push(new Uint8Array(0), true);
  }
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function* zeros(total: number): Iterable<Uint8Array> {
  const chunk = new Uint8Array(MB);
  for (let sent = 0; sent < total; sent += MB) yield chunk;
}

const kmlBomb = (inflated: number) => ({ name: 'doc.kml', chunks: () => zeros(inflated) });

type Case = { file: string; bytes: () => Uint8Array; line: string; options?: ReadOptions };

const refusals: Partial<Record<ReadRule, Case>> = {
  empty: {
    file: 'rules/empty.geojson',
    bytes: () => fixture('rules/empty.geojson'),
    line: 'empty.geojson: the file is empty',
  },
  'too-large': {
    file: 'huge.geojson',
    // Zero-filled memory is only mapped, never touched: the size alone must refuse it.
    bytes: () => new Uint8Array(FILE_LIMITS.refuse + 1),
    line: 'huge.geojson: the file is over 200 MB, more than the map can hold: refused unread',
  },
  'too-many': {
    file: 'many.ndjson',
    // 2,000,001 lines: refused from the count, whatever they hold.
    bytes: () => strToU8('{}\n'.repeat(FEATURE_LIMITS.refuse + 1)),
    line: 'many.ndjson: the file holds more than 2,000,000 features, more than the map can draw: refused',
  },
  binary: {
    file: 'rules/binary.bin',
    bytes: () => fixture('rules/binary.bin'),
    line: 'binary.bin: this is not a text file the map can read',
  },
  unknown: {
    file: 'rules/unknown.txt',
    bytes: () => fixture('rules/unknown.txt'),
    line: 'unknown.txt: the map reads GeoJSON, newline-delimited GeoJSON, CSV, TSV, KML, KMZ, GPX and zipped Shapefile',
  },
  json: {
    file: 'rules/json.geojson',
    bytes: () => fixture('rules/json.geojson'),
    line: "json.geojson: line 3, column 24: this is not valid JSON: Expected ',' or '}' after property value",
  },
  geojson: {
    file: 'rules/geojson.json',
    bytes: () => fixture('rules/geojson.json'),
    line: 'geojson.json: line 1, column 1: this JSON is not GeoJSON: This type of GeoJSON object is not allowed here.',
  },
  'no-features': {
    file: 'rules/no-features.geojson',
    bytes: () => fixture('rules/no-features.geojson'),
    line: 'no-features.geojson: the file holds no features with a location',
  },
  xml: {
    file: 'rules/xml.kml',
    bytes: () => fixture('rules/xml.kml'),
    line: 'xml.kml: line 3, column 18: this is not well-formed XML: Opening and ending tag mismatch: "Placemark" != "Folder"',
  },
  'xml-doctype': {
    file: 'billion-laughs/laughs.kml',
    bytes: () => fixture('billion-laughs/laughs.kml'),
    line: 'laughs.kml: line 2, column 1: the XML declares a DOCTYPE or entities, which KML and GPX never need: refused unread',
  },
  zip: {
    file: 'rules/zip.zip',
    bytes: () => fixture('rules/zip.zip'),
    line: 'zip.zip: this is not a readable zip archive: invalid block type',
  },
  'zip-no-layer': {
    file: 'rules/zip-no-layer.zip',
    bytes: () => fixture('rules/zip-no-layer.zip'),
    line: 'zip-no-layer.zip: the archive holds no .kml or .shp file',
  },
  'zip-entries': {
    file: 'many.kmz',
    bytes: () =>
      zipSync(
        Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`files/${i}.png`, new Uint8Array(1)])),
      ),
    line: 'many.kmz: the archive holds more than 1,000 files: refused',
  },
  'zip-ratio': {
    file: 'ratio.kmz',
    // 64 MB of zeros deflate to about 64 KB: the limit, 100 times the archive, falls at about 6 MB.
    bytes: () => streamedZip([kmlBomb(64 * MB)]),
    line: 'ratio.kmz: the archive inflates past 100 times its own size: refused',
  },
  'zip-size': {
    file: 'size.kmz',
    // 2.5 MB that do not compress lift the ratio's limit past 200 MB, so the size limit falls first.
    bytes: () =>
      streamedZip([
        { name: 'files/noise.bin', chunks: () => [randomBytes(2.5 * MB)], store: true },
        kmlBomb(ZIP_LIMITS.inflated + 8 * MB),
      ]),
    line: 'size.kmz: the archive inflates past 200 MB: refused',
  },
  'no-projection': {
    file: 'rules/no-projection.zip',
    bytes: () => fixture('rules/no-projection.zip'),
    line: 'no-projection.zip: the file names a coordinate system the map cannot convert to longitude and latitude: Made up',
  },
  // The catch-all for what no rule names, a library's throw included: here, an answer naming no column.
  failed: {
    file: 'unrecognised-csv/puntos.csv',
    bytes: () => fixture('unrecognised-csv/puntos.csv'),
    options: { coordinates: { latitude: 'norte', longitude: 'oeste' } },
    line: 'puntos.csv: the file could not be read: there is no column "oeste"',
  },
  shapefile: {
    file: 'rules/shapefile.zip',
    bytes: () => fixture('rules/shapefile.zip'),
    line: 'shapefile.zip: this Shapefile cannot be read: broken.shp: Offset is outside the bounds of the DataView',
  },
};

/** Rules that leave part of a file out, or warn: the rest is read and the reader told, in one line each. */
const partial: Partial<Record<ReadRule, { file: string; line: string; bytes?: () => Uint8Array }>> = {
  large: {
    file: 'large.geojson',
    // One feature and 25 MB of the white space JSON allows: large, and quick to read.
    bytes: () => strToU8(`{"type":"Point","coordinates":[-90,15]}${' '.repeat(FILE_LIMITS.warn)}`),
    line: 'large.geojson: the file is over 25 MB: it may take a while to read, and the map may be slow with it',
  },
  many: {
    file: 'many.csv',
    bytes: () => strToU8(`lat,lon\n${'15,-90\n'.repeat(FEATURE_LIMITS.warn + 1)}`),
    line: 'many.csv: the file holds more than 250,000 features: the map may be slow with them',
  },
  'no-coordinates': { file: 'bom-csv/seizures.csv', line: '1 of 6 rows had no coordinates: row 6' },
  'out-of-range': {
    file: 'rules/out-of-range.csv',
    line: '2 of 3 rows had coordinates beyond ±90 latitude or ±180 longitude (projected, or swapped?): rows 2, 3',
  },
  'no-geometry': { file: 'ndjson/points.ndjson', line: '1 of 4 lines had no geometry: line 2' },
  'not-json': { file: 'ndjson/points.ndjson', line: '1 of 4 lines were not JSON: line 4' },
  'south-of-60': {
    file: 'rules/south-of-60.csv',
    line: 'south-of-60.csv: every point lies south of 60°S, in Antarctica or the Southern Ocean: are latitude and longitude swapped?',
  },
  'bad-date': {
    file: 'bom-csv/seizures.csv',
    line: '1 of 5 rows had a date that does not read as a date, and are drawn undated: row 7',
  },
};

describe('the readers’ rules', () => {
  it('have one case each', () => {
    const covered = [...Object.keys(refusals), ...Object.keys(partial)].sort();
    expect(covered).toEqual(Object.keys(RULES).sort());
  });

  // The zip-size bomb inflates 200 MB: more than the default five seconds on a busy machine.
  it.each(Object.entries(refusals))(
    '%s: the file is refused in one line',
    (_, { file, bytes, line, options }) => {
      const result = readFile(bytes(), file.split('/').pop() ?? file, options);
      expect(result.ok ? 'read' : formatReadProblem(result.problem)).toBe(line);
    },
    60_000,
  );

  it.each(Object.entries(partial))(
    '%s: the rest is read, and the reader told',
    (rule, { file, line, bytes }) => {
      const result = readFile(bytes ? bytes() : fixture(file), file.split('/').pop() ?? file);
      if (!result.ok) throw new Error(formatReadProblem(result.problem));
      expect(result.features.length).toBeGreaterThan(0);
      const lines = [
        ...result.skipped.filter((s) => s.rule === rule).map(skippedText),
        ...result.problems.filter((p) => p.rule === rule).map(formatReadProblem),
      ];
      expect(lines).toEqual([line]);
    },
    // The 250,000-row case takes seconds on a busy machine.
    60_000,
  );
});

describe('hostile XML', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ['billion laughs', 'billion-laughs/laughs.kml'],
    ['external entity', 'external-entity/xxe.kml'],
  ])('%s: refused before any parsing, and nothing fetched', async (_, path) => {
    const { DOMParser } = await import('@xmldom/xmldom');
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString');
    const fetch = vi.spyOn(globalThis, 'fetch');
    const result = readFile(fixture(path), 'hostile.kml');
    expect(result.ok ? 'read' : result.problem.rule).toBe('xml-doctype');
    expect(parse).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a DOCTYPE in a GPX, and in a KMZ', () => {
    const gpx = new TextEncoder().encode('<?xml version="1.0"?>\n<!doctype gpx>\n<gpx version="1.1"></gpx>');
    const kmz = zipSync({ 'doc.kml': fixture('external-entity/xxe.kml') });
    const rules = [readFile(gpx, 'a.gpx'), readFile(kmz, 'b.kmz')].map((r) =>
      r.ok ? 'read' : r.problem.rule,
    );
    expect(rules).toEqual(['xml-doctype', 'xml-doctype']);
  });
});

// Each bomb deflates and inflates tens of MB: more than the default five seconds on a busy machine.
describe('zip bombs', { timeout: 60_000 }, () => {
  /** Bytes that record how far into them the reader has asked. */
  class Watched extends Uint8Array {
    furthest = 0;
    override subarray(begin?: number, end?: number): Uint8Array<ArrayBuffer> {
      this.furthest = Math.max(this.furthest, end ?? this.length);
      return new Uint8Array(this.buffer, this.byteOffset, this.length).subarray(begin, end);
    }
  }

  it('are stopped while inflating: the archive is left unread past the limit', () => {
    const bomb = streamedZip([kmlBomb(64 * MB)]);
    const watched = new Watched(bomb);
    expect(() => unzipLimited(watched, () => true)).toThrow(RULES['zip-ratio']);
    // The limit, 100 times the archive, is a tenth of what the bomb inflates to.
    expect(watched.furthest).toBeLessThan(bomb.length / 2);
  });

  it('are refused whatever the headers say: sizes rewritten to claim 1 KB', () => {
    const bomb = zipSync({ 'doc.kml': new Uint8Array(64 * MB) }, { level: 9 });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    let central = bomb.length - 4;
    while (view.getUint32(central, true) !== 0x02014b50) central -= 1;
    view.setUint32(22, 1024, true); // local header: uncompressed size
    view.setUint32(central + 24, 1024, true); // central directory: uncompressed size
    const result = readFile(bomb, 'liar.kmz');
    expect(result.ok ? 'read' : result.problem.rule).toBe('zip-ratio');
  });

  it('refuses a zipped Shapefile that inflates past the limit too', () => {
    const bomb = streamedZip([{ name: 'layer.shp', chunks: () => zeros(64 * MB) }]);
    const result = readFile(bomb, 'layer.zip');
    expect(result.ok ? 'read' : result.problem.rule).toBe('zip-ratio');
  });
});
