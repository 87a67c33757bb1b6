import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ROOT, readJson } from '../../scripts/io.ts';
import {
  type GazetteerCity,
  PLACES,
  placesFile,
  readGazetteer,
  selectPlaces,
  sourcesMarkdown,
} from '../../scripts/places.ts';

const committed = (file: string) => readFileSync(`${ROOT}geodata/places/${file}`, 'utf8');
const places = JSON.parse(committed('places.geojson')) as FeatureCollection<Point>;
const byName = (name: string) => places.features.find((f) => f.properties?.name === name);

describe('the committed places (geodata/places/, npm run geodata:places)', () => {
  const { cities, ...gazetteer } = readGazetteer();

  it('are exactly what the script extracts from the installed gazetteer, provenance included', () => {
    const selected = selectPlaces(cities);
    expect(committed('places.geojson')).toBe(placesFile(selected));
    expect(committed('SOURCES.md')).toBe(sourcesMarkdown(gazetteer, selected));
    expect(committed('SOURCES.md')).toContain(gazetteer.sha256);
  });

  it('name the capitals on the route and Cobán, each by its GeoNames id, where an atlas puts them', () => {
    // Coordinates from atlases, not from GeoNames, to a few kilometres.
    const expected: [string, number, string, string, [number, number]][] = [
      ['Bogotá', 3688689, 'CO', 'capital', [-74.08, 4.61]],
      ['Guatemala City', 3598132, 'GT', 'capital', [-90.51, 14.63]],
      ['Mexico City', 3530597, 'MX', 'capital', [-99.13, 19.43]],
      ['Tegucigalpa', 3600949, 'HN', 'capital', [-87.21, 14.09]],
      ['Washington', 4140963, 'US', 'capital', [-77.04, 38.9]],
      ['Cobán', 3598119, 'GT', 'department capital', [-90.37, 15.47]],
    ];
    expect(places.features.map((f) => f.properties?.name)).toEqual(expected.map(([name]) => name));
    for (const [name, id, country, kind, [lon, lat]] of expected) {
      const place = byName(name) as Feature<Point>;
      expect(place.id).toBe(id);
      expect(place.properties).toMatchObject({ geonames_id: id, country_code: country, kind });
      const [x, y] = place.geometry.coordinates as [number, number];
      expect(Math.abs(x - lon), `${name} longitude`).toBeLessThan(0.05);
      expect(Math.abs(y - lat), `${name} latitude`).toBeLessThan(0.05);
    }
    expect(byName('Washington')?.properties?.geonames_name).toBe('Washington, D.C.');
  });

  it("carry each city's usual Spanish name, right after the English one", () => {
    expect(places.features.map((f) => f.properties?.name_es)).toEqual([
      'Bogotá',
      'Ciudad de Guatemala',
      'Ciudad de México',
      'Tegucigalpa',
      'Washington',
      'Cobán',
    ]);
    for (const place of places.features)
      expect(Object.keys(place.properties ?? {}).slice(0, 2)).toEqual(['name', 'name_es']);
  });

  it("lie inside their country's boundary on the map, and Cobán inside Alta Verapaz", () => {
    type Areas = FeatureCollection<Polygon | MultiPolygon>;
    const countries = readJson<Areas>(`${ROOT}geodata/basemap/countries.geojson`);
    const alpha3: Record<string, string> = { CO: 'COL', GT: 'GTM', MX: 'MEX', HN: 'HND', US: 'USA' };
    for (const place of places.features) {
      const iso = alpha3[String(place.properties?.country_code)];
      const country = countries.features.find((f) => f.properties?.iso_a3 === iso);
      expect(country, String(place.properties?.name)).toBeDefined();
      expect(booleanPointInPolygon(place, country as Feature<Polygon>), place.properties?.name).toBe(true);
    }
    const altaVerapaz = readJson<Areas>(`${ROOT}geodata/layers/alta-verapaz.geojson`).features[0];
    expect(booleanPointInPolygon(byName('Cobán') as Feature<Point>, altaVerapaz as Feature<Polygon>)).toBe(
      true,
    );
  });

  it('keep the file small: six points and six properties each (name_es among them)', () => {
    expect(places.features).toHaveLength(PLACES.length);
    for (const f of places.features) expect(Object.keys(f.properties ?? {})).toHaveLength(6);
    expect(Buffer.byteLength(committed('places.geojson'))).toBeLessThan(2000);
  });
});

describe('picking places from a gazetteer', () => {
  const city = (cityId: number, name: string, country: string, featureCode: string, adminCode = '') =>
    ({
      cityId,
      name,
      country,
      featureCode,
      adminCode,
      loc: { type: 'Point', coordinates: [-90.370830000001, 15.47083] },
    }) as GazetteerCity;
  const coban = { geonamesId: 2, country: 'GT', featureCode: 'PPLA', admin1: '01', nameEs: 'Cobán' } as const;

  it('takes the record with the id, rounded to GeoNames decimals, and keeps GeoNames name beside the shown one', () => {
    const cities = [city(1, 'Salamá', 'GT', 'PPLA', '02'), city(2, 'Cobán', 'GT', 'PPLA', '01')];
    const text = placesFile(selectPlaces(cities, [{ ...coban, label: 'Coban' }]));
    expect(JSON.parse(text).features[0]).toEqual({
      type: 'Feature',
      id: 2,
      properties: {
        name: 'Coban',
        name_es: 'Cobán',
        geonames_name: 'Cobán',
        kind: 'department capital',
        country_code: 'GT',
        geonames_id: 2,
      },
      geometry: { type: 'Point', coordinates: [-90.37083, 15.47083] },
    });
  });

  it('refuses an id that is missing, of another kind, or not the only one of its kind', () => {
    expect(() => selectPlaces([city(1, 'Salamá', 'GT', 'PPLA', '02')], [coban])).toThrow(/id 2 is not in/);
    expect(() => selectPlaces([city(2, 'Cobán', 'GT', 'PPL', '01')], [coban])).toThrow(/found none/);
    expect(() =>
      selectPlaces([city(2, 'Cobán', 'GT', 'PPLA', '01'), city(3, 'Other', 'GT', 'PPLA', '01')], [coban]),
    ).toThrow(/found Cobán \(2\), Other \(3\)/);
  });
});
