import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../../src/your-data/read.ts';
import { formatReadProblem } from '../../../src/your-data/rules.ts';
import { skippedText } from '../../../src/your-data/types.ts';
import { coords, fixture, read } from './helpers.ts';

describe('GeoJSON and newline-delimited GeoJSON', () => {
  it('reads a bare geometry as one feature', () => {
    const data = read('bare-geometry/polygon.geojson');
    expect(data.format).toBe('geojson');
    expect(data.features).toHaveLength(1);
    expect(data.features[0]?.geometry.type).toBe('Polygon');
  });

  it('reads NDJSON line by line, counting a cut-short line and a feature without geometry', () => {
    const data = read('ndjson/points.ndjson');
    expect(data.format).toBe('ndjson');
    expect(data.features.map((f) => f.properties?.name)).toEqual(['Cobán', 'Flores']);
    expect(data.skipped.map(skippedText)).toEqual([
      '1 of 4 lines were not JSON: line 4',
      '1 of 4 lines had no geometry: line 2',
    ]);
  });

  it('tells a GeoJSON from a CSV by content, whatever the extension', () => {
    const geojson = readFile(fixture('bare-geometry/polygon.geojson'), 'polygon.txt');
    const csv = readFile(fixture('tsv/airstrips.tsv'), 'airstrips.json');
    expect([geojson.ok && geojson.format, csv.ok && csv.format]).toEqual(['geojson', 'csv']);
  });

  it('leaves out features in metres, saying so, and refuses a file with nothing else', () => {
    const point = (x: number, y: number) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [x, y] },
    });
    const collection = (...features: object[]) =>
      strToU8(JSON.stringify({ type: 'FeatureCollection', features }));
    const mixed = readFile(collection(point(-90, 15), point(832005.65, 1874808.3)), 'mixed.geojson');
    expect(mixed.ok && mixed.skipped.map(skippedText)).toEqual([
      '1 of 2 features had coordinates beyond ±90 latitude or ±180 longitude (projected, or swapped?): feature 2',
    ]);
    const utm = readFile(collection(point(832005.65, 1874808.3)), 'utm.geojson');
    expect(utm.ok ? 'read' : formatReadProblem(utm.problem)).toBe(
      'utm.geojson: the file holds no features with a location: 1 of 1 features had coordinates beyond ±90 latitude or ±180 longitude (projected, or swapped?): feature 1',
    );
  });

  it.each([
    ['web-mercator.geojson', 'urn:ogc:def:crs:EPSG::3857'],
    ['utm15n.geojson', 'urn:ogc:def:crs:EPSG::32615'],
  ])('reprojects %s from the crs it names (written by ogr2ogr)', (file, crs) => {
    const data = read(`crs/${file}`);
    expect(data.reprojectedFrom).toBe(crs);
    const [peten, coban] = coords(data);
    expect(peten?.[0]).toBeCloseTo(-89.8833, 6);
    expect(peten?.[1]).toBeCloseTo(16.9333, 6);
    expect(coban?.[0]).toBeCloseTo(-90.3708, 6);
    expect(coban?.[1]).toBeCloseTo(15.4708, 6);
  });

  it('refuses a crs it cannot convert, naming it', () => {
    const result = readFile(fixture('crs/swiss.geojson'), 'swiss.geojson');
    expect(result.ok ? 'read' : formatReadProblem(result.problem)).toBe(
      'swiss.geojson: the file names a coordinate system the map cannot convert to longitude and latitude: urn:ogc:def:crs:EPSG::2056',
    );
  });

  it("keeps the file's own feature ids apart from the map's, and adds none where it has none", () => {
    const point = { type: 'Point', coordinates: [-90, 15] };
    const withIds = strToU8(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', id: 'seizure-17', geometry: point, properties: { id: 'a column' } },
          { type: 'Feature', geometry: point, properties: {} },
          { type: 'Feature', id: 42, geometry: point, properties: {} },
        ],
      }),
    );
    const data = readFile(withIds, 'ids.geojson');
    expect(
      data.ok && [data.features.map((f) => f.id), data.sourceIds, data.features[0]?.properties?.id],
    ).toEqual([[0, 1, 2], ['seizure-17', null, 42], 'a column']);
    expect(read('bare-geometry/polygon.geojson').sourceIds).toBeUndefined();
  });
});
