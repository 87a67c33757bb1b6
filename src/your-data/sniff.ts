/**
 * What a file is, from its content: an extension can lie (a KML saved as .xml, a CSV as .txt), the
 * first bytes cannot. The extension only breaks the tie between JSON and newline-delimited JSON.
 */
import type { Format } from './types.ts';

export const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export type TextFormat = Exclude<Format, 'kmz' | 'shapefile'>;

export function sniffText(text: string, name: string): TextFormat | undefined {
  const start = text.trimStart();
  if (start.startsWith('<')) {
    const head = start.slice(0, 8192);
    if (/<(?:\w+:)?kml[\s>]/.test(head)) return 'kml';
    if (/<(?:\w+:)?gpx[\s>]/.test(head)) return 'gpx';
    return undefined;
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    if (/\.(?:ndjson|jsonl|geojsonl|geojsons)$/i.test(name)) return 'ndjson';
    return firstLineIsJson(start) ? 'ndjson' : 'geojson';
  }
  const firstLine = start.split(/\r\n|\r|\n/, 1)[0] ?? '';
  return /[,;\t|]/.test(firstLine) ? 'csv' : undefined;
}

/** Several lines, the first a whole JSON object: one feature a line. */
function firstLineIsJson(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2) return false;
  try {
    const first: unknown = JSON.parse(lines[0] ?? '');
    return typeof first === 'object' && first !== null && !Array.isArray(first);
  } catch {
    return false;
  }
}
