import { describe, expect, it } from 'vitest';
import { props, read } from './helpers.ts';

describe('hostile property names and values', () => {
  const cases: [string, string][] = [
    ['GeoJSON', 'hostile-properties/hostile.geojson'],
    ['CSV', 'hostile-properties/hostile.csv'],
  ];
  it.each(cases)('%s: __proto__ and constructor are plain keys and reach no prototype', (_, path) => {
    const data = read(path);
    const p = data.features[0]?.properties as Record<string, unknown>;
    expect(Object.getPrototypeOf(p)).toBeNull();
    expect(Object.hasOwn(p, '__proto__')).toBe(true);
    expect(Object.hasOwn(p, 'constructor')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps HTML in names and values as the characters it is', () => {
    const csv = read('hostile-properties/hostile.csv');
    expect(props(csv, 0)['<b>name</b>']).toBe('<script>alert(1)</script>');
    const geojson = read('hostile-properties/hostile.geojson');
    expect(props(geojson, 0)['<img src=x onerror=alert(1)>']).toBe('<script>alert(1)</script>');
  });

  it('KML ExtendedData and SimpleData named like Object.prototype’s members keep their values', () => {
    const data = read('hostile-properties/hostile.kml');
    const p = data.features[0]?.properties as Record<string, unknown>;
    expect(Object.getPrototypeOf(p)).toBeNull();
    expect(Object.getOwnPropertyDescriptor(p, '__proto__')?.value).toBe(7);
    expect(p.toString).toBe('not a function');
    expect(p.constructor).toBe('no es un constructor');
    expect(p.name).toBe('<img src=x onerror=alert(1)>');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a Shapefile field named __proto__ keeps its value (dBase names stop at ten letters: no constructor)', () => {
    const data = read('hostile-properties/hostile-shapefile.zip');
    const p = data.features[0]?.properties as Record<string, unknown>;
    expect(Object.getPrototypeOf(p)).toBeNull();
    expect(Object.getOwnPropertyDescriptor(p, '__proto__')?.value).toBe('polluted');
    expect(p.nombre).toBe('Petén');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
