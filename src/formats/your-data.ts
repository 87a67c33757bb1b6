/**
 * The reader's own files in the zip of everything: each shown layer as `your-data/<file>.geojson`
 * (RFC 7946: WGS 84 longitude and latitude, as the readers return them), and README.txt's lines
 * saying where each came from, so that no one takes them for the report's.
 */
import { toKML } from '@placemarkio/tokml';
import type { Feature } from 'geojson';
import type { ZipEntry } from '../data/export.ts';
import { layerCsv } from './csv.ts';
import { wellFormed } from './kml.ts';

export interface YourLayer {
  /** The file's name as the reader gave it. */
  name: string;
  features: readonly Feature[];
}

export const YOUR_DATA_FOLDER = 'your-data';

/** A file name safe in a zip: no folders, no control characters, never empty or a dot name. */
const safeName = (name: string): string => {
  const plain = name.replace(/[\p{Cc}/\\:*?"<>|]+/gu, '_').trim();
  return /^\.*$/.test(plain) ? 'file' : plain;
};

/** The zip's entries for the reader's layers and README.txt's paragraph naming them. */
export function yourDataEntries(layers: readonly YourLayer[]): { entries: ZipEntry[]; readme: string } {
  const used = new Set<string>();
  const entries = layers.map(({ name, features }) => {
    const base = safeName(name);
    let file = `${YOUR_DATA_FOLDER}/${base}.geojson`;
    for (let n = 2; used.has(file); n += 1) file = `${YOUR_DATA_FOLDER}/${base} (${n}).geojson`;
    used.add(file);
    const text = geojsonText(features);
    return {
      entry: { name: file, text },
      line: `${file}: added by the reader from ${name}; not from the report.`,
    };
  });
  const readme =
    entries.length === 0
      ? ''
      : ['', "YOUR OWN DATA (not the report's)", '', ...entries.map((e) => e.line), ''].join('\n');
  return { entries: entries.map((e) => e.entry), readme };
}

const geojsonText = (features: readonly Feature[]): string =>
  `${JSON.stringify({ type: 'FeatureCollection', features }, null, 1)}\n`;

export type YourFormat = 'geojson' | 'kml' | 'csv';

/**
 * One reader's layer alone, for another tool: GeoJSON as in the zip; KML through Placemark's tokml,
 * null columns left out (KML has no null); CSV as the report's layers are written (WKT geometry,
 * UTF-8 with a byte-order mark for Excel). Named after the reader's file, its extension replaced.
 */
export function yourLayerFile(
  layer: YourLayer,
  format: YourFormat,
): { name: string; type: string; text: string } {
  const stem = safeName(layer.name).replace(/\.[^.]+$/, '') || 'file';
  const name = `${stem}.${format}`;
  if (format === 'csv') return { name, type: 'text/csv', text: layerCsv(layer.features) };
  if (format === 'geojson') return { name, type: 'application/geo+json', text: geojsonText(layer.features) };
  const features = layer.features.map((f) => ({
    ...f,
    properties: Object.fromEntries(Object.entries(f.properties ?? {}).filter(([, v]) => v !== null)),
  }));
  const kml = wellFormed(toKML({ type: 'FeatureCollection', features }));
  return {
    name,
    type: 'application/vnd.google-earth.kml+xml',
    text: `<?xml version="1.0" encoding="UTF-8"?>\n${kml}\n`,
  };
}
