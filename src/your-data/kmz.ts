/** KMZ: a zip holding a KML (doc.kml by convention, else the first), read with zip.ts's limits. */
import { FileBytes } from './file-bytes.ts';
import { readKml } from './kml.ts';
import { refuse } from './rules.ts';
import type { ReadOptions, YourData } from './types.ts';
import { unzipLimited } from './zip.ts';

const isKml = (entry: string) => entry.toLowerCase().endsWith('.kml') && !entry.startsWith('__MACOSX/');

export function readKmz(file: FileBytes, name: string, options: ReadOptions = {}): YourData {
  const entries = unzipLimited(file.take(), isKml);
  const names = [...entries.keys()];
  const main = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names[0];
  const kml = main === undefined ? undefined : entries.get(main);
  entries.clear();
  if (!kml) return refuse('zip-no-layer');
  return readKml(new FileBytes(kml), name, options, 'kmz');
}
