/**
 * What the browser will run, built by Vite as the app is: the readers only in the reading worker's
 * own file and the tiler only in the tile worker's, which the page's CSP allows (worker-src 'self'),
 * and no eval or Function constructor anywhere, which it refuses (script-src 'self' has no
 * 'unsafe-eval').
 */
import type { Rolldown } from 'vite';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

type Output = Rolldown.RolldownOutput['output'][number];

const text = (o: Output): string =>
  o.type === 'chunk' ? o.code : typeof o.source === 'string' ? o.source : new TextDecoder().decode(o.source);

/** A string each reader library carries into a bundle, whatever the minifier renames. */
const LIBRARIES = {
  papaparse: 'delimitersToGuess',
  togeojson: 'ExtendedData',
  xmldom: 'xmldom',
  proj4: 'Transverse_Mercator',
  'check-geojson': 'This type of GeoJSON object is not allowed here',
};

describe('the your-data bundle', async () => {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      rollupOptions: {
        input: ['src/your-data/open.ts', 'src/your-data/tiles.ts'],
        preserveEntrySignatures: 'strict',
      },
    },
    worker: { format: 'es' },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    'output' in r ? (r.output as Output[]) : [],
  );
  const page = outputs.filter((o) => o.type === 'chunk');
  const worker = outputs.filter((o) => /^assets\/worker-.*\.js$/.test(o.fileName));
  const tiler = outputs.filter((o) => /^assets\/tiles-worker-.*\.js$/.test(o.fileName));

  it('puts the readers in a worker file of their own, and none in the page’s code', () => {
    expect(worker).toHaveLength(1);
    const workerCode = text(worker[0] as Output);
    const pageCode = page.map(text).join('\n');
    expect(
      Object.keys(LIBRARIES).filter((lib) => workerCode.includes(LIBRARIES[lib as keyof typeof LIBRARIES])),
    ).toEqual(Object.keys(LIBRARIES));
    expect(
      Object.keys(LIBRARIES).filter((lib) => pageCode.includes(LIBRARIES[lib as keyof typeof LIBRARIES])),
    ).toEqual([]);
  });

  it('puts the tiler in the tile worker’s file, and none of it in the page’s code', () => {
    expect(tiler).toHaveLength(1);
    // From @maplibre/geojson-vt and @maplibre/kdbush (its clusters), then @maplibre/vt-pbf's pbf.
    const marks = ['GeometryCollection nesting exceeds', 'in a KDBush format', 'writeVarintField'];
    const tilerCode = text(tiler[0] as Output);
    expect(marks.filter((m) => tilerCode.includes(m))).toEqual(marks);
    const pageCode = page.map(text).join('\n');
    expect(marks.filter((m) => pageCode.includes(m))).toEqual([]);
  });

  it('uses no eval and no Function constructor, which the CSP refuses', () => {
    const offending = outputs
      .filter((o) => o.fileName.endsWith('.js'))
      .flatMap((o) =>
        [...text(o).matchAll(/.{0,40}(?:\bFunction\(|\beval\b).{0,40}/g)].map(
          (m) => `${o.fileName}: ${m[0]}`,
        ),
      );
    expect(offending).toEqual([]);
  });
});
