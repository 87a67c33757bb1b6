/** The files a page fetched before its first idle, as the build holds them: kind, raw and gzip -9 size. */
import { readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type Kind = 'MapLibre' | 'App JS' | 'CSS' | 'Data' | 'Fonts' | 'HTML' | 'Other';
export const KINDS: Kind[] = ['MapLibre', 'App JS', 'CSS', 'Data', 'Fonts', 'HTML', 'Other'];

export interface Size {
  raw: number;
  gzip: number;
}

export interface LoadedFile extends Size {
  path: string;
  kind: Kind;
}

export function kindOf(path: string): Kind {
  const ext = extname(path);
  if (ext === '.js' || ext === '.mjs') return /(^|\/)maplibre-gl[-.]/.test(path) ? 'MapLibre' : 'App JS';
  if (ext === '.css') return 'CSS';
  if (ext === '.geojson' || ext === '.json') return 'Data';
  // Glyph range files (public/glyphs/) are the labels' font, already rasterised.
  if (ext === '.woff2' || ext === '.woff' || ext === '.pbf') return 'Fonts';
  if (ext === '.html') return 'HTML';
  return 'Other';
}

const sizeCache = new Map<string, Size>();
function sizeOf(file: string): Size {
  let size = sizeCache.get(file);
  if (!size) {
    const bytes = readFileSync(file);
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizeCache.set(file, size);
  }
  return size;
}

/** `paths` as fetched, relative to the served `root`; each must be a file there. */
export function loadedFiles(paths: Iterable<string>, root: string): LoadedFile[] {
  return [...paths].sort().map((path) => {
    const file = join(root, path);
    if (!statSync(file, { throwIfNoEntry: false })?.isFile())
      throw new Error(`Loaded ${path}, not in ${root}`);
    return { path, kind: kindOf(path), ...sizeOf(file) };
  });
}

export function bytesByKind(files: LoadedFile[]): Record<Kind, Size> {
  const totals = Object.fromEntries(KINDS.map((k) => [k, { raw: 0, gzip: 0 }])) as Record<Kind, Size>;
  for (const f of files) {
    totals[f.kind].raw += f.raw;
    totals[f.kind].gzip += f.gzip;
  }
  return totals;
}
