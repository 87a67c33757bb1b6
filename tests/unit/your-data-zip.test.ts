import { strFromU8, unzipSync } from 'fflate';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readReportLayers } from '../../scripts/io.ts';
import { buildPackage, zipPackage } from '../../src/formats/package.ts';
import { yourDataEntries } from '../../src/formats/your-data.ts';

const point: Feature = {
  type: 'Feature',
  id: 0,
  geometry: { type: 'Point', coordinates: [-90.37, 15.47] },
  properties: { lugar: 'Cobán' },
};

describe("the reader's files in the zip of everything", () => {
  it('adds each as your-data/<file>.geojson, with its origin in README.txt', () => {
    const data = readReportLayers();
    const pkg = buildPackage(data);
    const without = unzipSync(zipPackage(pkg, {}));
    const withYours = unzipSync(
      zipPackage(pkg, {
        yourData: [
          { name: 'incautaciones.csv', features: [point] },
          { name: 'incautaciones.csv', features: [point] },
        ],
      }),
    );
    // The report's files are those of a zip without them, byte for byte.
    for (const [name, bytes] of Object.entries(without)) {
      if (name === 'README.txt') continue;
      expect(withYours[name], name).toEqual(bytes);
    }
    const own = Object.keys(withYours).filter((n) => !(n in without));
    expect(own).toEqual(['your-data/incautaciones.csv.geojson', 'your-data/incautaciones.csv (2).geojson']);
    const geojson = JSON.parse(strFromU8(withYours['your-data/incautaciones.csv.geojson'] as Uint8Array));
    expect(geojson).toEqual({ type: 'FeatureCollection', features: [point] });
    const readme = strFromU8(withYours['README.txt'] as Uint8Array);
    expect(readme.startsWith(strFromU8(without['README.txt'] as Uint8Array))).toBe(true);
    expect(readme).toContain(
      'your-data/incautaciones.csv.geojson: added by the reader from incautaciones.csv; not from the report.',
    );
  });

  it('keeps a file name inside the folder', () => {
    const names = yourDataEntries([
      { name: '../../etc/passwd', features: [] },
      { name: '..', features: [] },
      { name: 'a\u0000b.kml', features: [] },
    ]).entries.map((e) => e.name);
    expect(names).toEqual([
      'your-data/.._.._etc_passwd.geojson',
      'your-data/file.geojson',
      'your-data/a_b.kml.geojson',
    ]);
    expect(yourDataEntries([]).readme).toBe('');
  });
});
