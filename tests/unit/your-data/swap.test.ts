/**
 * Latitude and longitude swapped with every value in range (src/your-data/swap.ts): a file of the
 * Americas read crossed lands south of 60°S. Offered as a question where a CSV's columns can be
 * swapped, said as a warning in every format, and never where the data could well be true.
 */
import { strToU8 } from 'fflate';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../../src/your-data/read.ts';
import { formatReadProblem } from '../../../src/your-data/rules.ts';
import { crossedIntoAntarctica } from '../../../src/your-data/swap.ts';
import type { ReadResult } from '../../../src/your-data/types.ts';
import { coords, fixture, read } from './helpers.ts';

const csv = (rows: string[]) => strToU8(`place,lat,lon\n${rows.join('\n')}\n`);
const what = (result: ReadResult) =>
  result.ok
    ? { questions: result.questions.map((q) => q.kind), problems: result.problems.map((p) => p.rule) }
    : formatReadProblem(result.problem);

describe('every point south of 60°S, and north of it swapped', () => {
  it('offers to swap a CSV of Colombia and Honduras read with its columns crossed', () => {
    const first = read('rules/south-of-60.csv');
    // Drawn as read until the reader answers: the question is asked, never answered for them.
    expect(coords(first)[0]).toEqual([4.711, -74.0721]);
    expect(first.questions).toEqual([
      { kind: 'swap', why: 'south-of-60', latitude: 'lon', longitude: 'lat', rows: 5 },
    ]);
    expect(first.problems.map(formatReadProblem)).toEqual([
      'south-of-60.csv: every point lies south of 60°S, in Antarctica or the Southern Ocean: are latitude and longitude swapped?',
    ]);
    const swapped = read('rules/south-of-60.csv', { coordinates: { latitude: 'lon', longitude: 'lat' } });
    expect(coords(swapped)).toEqual([
      [-74.0721, 4.711],
      [-75.4794, 10.391],
      [-77.0197, 3.8801],
      [-87.2068, 14.0723],
      [-88.025, 15.5042],
    ]);
    expect([swapped.questions, swapped.problems]).toEqual([[], []]);
  });

  it.each([
    // McMurdo: its longitude, 166.7°E, is no latitude.
    ['a point whose longitude is beyond ±90', ['Bogotá,-74.0721,4.7110', 'McMurdo,-77.846,166.668']],
    // Palmer station, on the Peninsula: swapped it lies at 64°S, still in the Southern Ocean.
    ['a point whose swap stays south of 60°S', ['Bogotá,-74.0721,4.7110', 'Palmer,-64.774,-64.053']],
    // One row of the file north of 60°S: not every point is on the wrong side of the world.
    ['a point north of 60°S', ['Bogotá,-74.0721,4.7110', 'Ushuaia,-54.8019,-68.303']],
  ])('asks nothing for a file with %s', (_, rows) => {
    expect(what(readFile(csv(rows), 'mixed.csv'))).toEqual({ questions: [], problems: [] });
  });

  it('asks and warns in a GeoJSON too, whose positions can be swapped', () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [4.711, -74.0721] } },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [10.391, -75.4794],
              [14.0723, -87.2068],
            ],
          },
        },
      ],
    };
    const bytes = strToU8(JSON.stringify(collection));
    expect(what(readFile(bytes, 'crossed.geojson'))).toEqual({
      questions: ['swap-positions'],
      problems: ['south-of-60'],
    });
    const first = readFile(bytes, 'crossed.geojson');
    expect(first.ok && first.questions[0]).toEqual({
      kind: 'swap-positions',
      why: 'south-of-60',
      count: 2,
      unit: 'features',
    });
    const swapped = readFile(bytes, 'crossed.geojson', { swapPositions: true });
    expect(swapped.ok && swapped.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [-74.0721, 4.711] },
      {
        type: 'LineString',
        coordinates: [
          [-75.4794, 10.391],
          [-87.2068, 14.0723],
        ],
      },
    ]);
    expect(what(swapped)).toEqual({ questions: [], problems: [] });
  });

  it('asks to swap a GeoJSON written [latitude, longitude], beyond the world as read', () => {
    const first = read('swapped/swapped.geojson');
    expect([first.features.length, first.questions]).toEqual([
      0,
      [{ kind: 'swap-positions', why: 'beyond-world', count: 3, unit: 'features' }],
    ]);
    const swapped = read('swapped/swapped.geojson', { swapPositions: true });
    expect(swapped.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [-90.3707, 15.4708] },
      { type: 'Point', coordinates: [-91.4714, 15.3194] },
      {
        type: 'LineString',
        coordinates: [
          [-91.5181, 14.8347],
          [-90.3707, 15.4708],
        ],
      },
    ]);
    expect([swapped.questions, swapped.skipped]).toEqual([[], []]);
  });

  it('asks the same of newline-delimited GeoJSON, by lines', () => {
    const lines = ['[15.47,-90.37]', '[15.32,-91.47]'].map(
      (c) => `{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":${c}}}`,
    );
    const first = readFile(strToU8(lines.join('\n')), 'puntos.ndjson');
    expect(first.ok && first.questions).toEqual([
      { kind: 'swap-positions', why: 'beyond-world', count: 2, unit: 'lines' },
    ]);
    const swapped = readFile(strToU8(lines.join('\n')), 'puntos.ndjson', { swapPositions: true });
    expect(swapped.ok && coords(swapped)).toEqual([
      [-90.37, 15.47],
      [-91.47, 15.32],
    ]);
  });

  it('offers nothing where some features would not fit swapped, or the file names its system', () => {
    const collection = (coordinates: number[][]) =>
      strToU8(
        JSON.stringify({
          type: 'FeatureCollection',
          features: coordinates.map((c) => ({
            type: 'Feature',
            properties: {},
            geometry: { type: 'Point', coordinates: c },
          })),
        }),
      );
    // One position beyond the world whichever way it is read: metres, not swapped degrees.
    const some = readFile(
      collection([
        [15.47, -90.37],
        [500000, 1700000],
        [-90, 15],
      ]),
      'some.geojson',
    );
    expect(some.ok && some.questions).toEqual([]);
    // Web Mercator metres, converted: no swap is offered for a file that names its system.
    const named = readFile(fixture('crs/web-mercator.geojson'), 'web-mercator.geojson');
    expect(named.ok && named.questions).toEqual([]);
  });

  it('is not said of the fixtures of true data, nor of a file with no point', () => {
    for (const path of ['bom-csv/seizures.csv', 'gpx/field-work.gpx', 'mymaps-kml/airstrips.kml']) {
      const result = readFile(fixture(path), path);
      expect(result.ok && result.problems.map((p) => p.rule), path).not.toContain('south-of-60');
    }
    expect(crossedIntoAntarctica([])).toBe(false);
    const empty: Geometry = { type: 'GeometryCollection', geometries: [] };
    expect(crossedIntoAntarctica([empty])).toBe(false);
  });

  it('looks at every position of polygons and collections', () => {
    const ring = [
      [4, -74],
      [5, -74],
      [5, -75],
      [4, -74],
    ];
    const polygon: Geometry = { type: 'Polygon', coordinates: [ring] };
    expect(crossedIntoAntarctica([polygon])).toBe(true);
    const farther: Geometry = { type: 'Polygon', coordinates: [[...ring.slice(0, 3), [100, -74], [4, -74]]] };
    expect(crossedIntoAntarctica([polygon, farther])).toBe(false);
    expect(
      crossedIntoAntarctica([
        { type: 'GeometryCollection', geometries: [polygon, { type: 'Point', coordinates: [4, -59] }] },
      ]),
    ).toBe(false);
  });
});
