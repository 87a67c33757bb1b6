import { describe, expect, it } from 'vitest';
import { coords, read } from './helpers.ts';

describe('zipped Shapefile', () => {
  it('reprojects UTM zone 15N to WGS 84 from its .prj, and reads a .dbf without .cpg as Windows-1252', () => {
    const data = read('shapefile/sitios-utm15n.zip');
    expect(data.format).toBe('shapefile');
    expect(data.reprojectedFrom).toBe('WGS_1984_UTM_Zone_15N');
    const [peten, coban] = coords(data);
    // The fixture was written by ogr2ogr from these WGS 84 points (-t_srs EPSG:32615).
    expect(peten?.[0]).toBeCloseTo(-89.8833, 6);
    expect(peten?.[1]).toBeCloseTo(16.9333, 6);
    expect(coban?.[0]).toBeCloseTo(-90.3708, 6);
    expect(coban?.[1]).toBeCloseTo(15.4708, 6);
    expect(data.features.map((f) => f.properties?.nombre)).toEqual(['Petén', 'Cobán']);
    expect(data.dates?.values.map((d) => d?.unit)).toEqual(['month', 'day']);
  });
});
