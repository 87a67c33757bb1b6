/**
 * Issue 34: a read file crosses from the worker to the page packed (src/your-data/pack.ts) and comes
 * back the same.
 */
import { describe, expect, it } from 'vitest';
import { pack, unpack } from '../../../src/your-data/pack.ts';
import { readFile } from '../../../src/your-data/read.ts';
import { fixture } from './helpers.ts';

describe('pack and unpack (worker → page)', () => {
  for (const [file, name] of [
    ['page/hostile-points.geojson', 'hostile-points.geojson'],
    ['hostile-properties/hostile.csv', 'hostile.csv'],
    ['mymaps-kml/airstrips.kml', 'airstrips.kml'],
  ] as const) {
    it(`gives back ${name}'s features, count, points and bounds`, () => {
      const read = readFile(fixture(file), name);
      if (!read.ok) throw new Error('not read');
      const { message, transfer } = pack(read);
      expect(transfer).toHaveLength(2);
      const data = unpack(structuredClone(message, { transfer }));
      const plain = JSON.parse(JSON.stringify(read.features));
      expect(data.drawable?.count).toBe(read.features.length);
      expect(data.drawable?.feature(0)).toEqual(plain[0]);
      expect(data.drawable?.feature(read.features.length)).toBeUndefined();
      expect(JSON.parse(JSON.stringify(data.features))).toEqual(plain);
      expect(data.drawable?.points).toBe(read.features.filter((f) => f.geometry.type === 'Point').length);
      const xs = read.features.flatMap((f) => JSON.stringify(f.geometry).match(/-?\d+\.?\d*(?=,)/g) ?? []);
      expect(data.drawable?.bounds?.[0]).toBe(Math.min(...xs.map(Number)));
      expect({ ...data, features: undefined, drawable: undefined }).toEqual({
        ...read,
        features: undefined,
        drawable: undefined,
      });
    });
  }

  it('keeps a property named __proto__ an own property, and the map copy only the colours', () => {
    const read = readFile(fixture('hostile-properties/hostile.csv'), 'hostile.csv');
    if (!read.ok) throw new Error('not read');
    const data = unpack(structuredClone(pack(read, 'object').message));
    const p = data.drawable?.feature(0)?.properties as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(p, '__proto__')?.value).toBe('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const map = data.drawable?.map as GeoJSON.FeatureCollection;
    expect(map.features.map((f) => Object.keys(f.properties ?? {}))).toEqual(map.features.map(() => []));
  });

  it('makes the map copy a Blob of GeoJSON when asked', async () => {
    const read = readFile(fixture('page/hostile-points.geojson'), 'p.geojson');
    if (!read.ok) throw new Error('not read');
    const { map } = pack(read, 'blob').message.packed;
    const parsed = JSON.parse(await (map as Blob).text()) as GeoJSON.FeatureCollection;
    expect(parsed.features.map((f) => [f.id, f.geometry])).toEqual(
      read.features.map((f) => [f.id, f.geometry]),
    );
  });
});
