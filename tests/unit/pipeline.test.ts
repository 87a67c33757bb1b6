import { readFileSync } from 'node:fs';
import { booleanClockwise } from '@turf/turf';
import type { FeatureCollection, Geometry, LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildReportLayers } from '../../src/layers/build.ts';
import { REPORT_LAYERS, type ReportData } from '../../src/layers/registry.ts';
import { schematicArc } from '../../src/pipeline/arc.ts';
import { APPROXIMATE_DAYS, addDateRanges, dateRange } from '../../src/pipeline/date-range.ts';
import {
  attachBoundaries,
  attachFlowEndpoints,
  normalise,
  toSchematicArcs,
} from '../../src/pipeline/steps.ts';

/**
 * Golden files, Turf-style: tests/fixtures/<case>/in.geojson goes through one step and must equal
 * out.geojson. `npx vitest run -u` rewrites the out files after a deliberate change; review the diff.
 */
const fixture = (name: string): FeatureCollection =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const fixtureAt = (path: string): FeatureCollection =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const golden = (step: string) => `../fixtures/${step}/out.geojson`;
const text = (fc: FeatureCollection): string => `${JSON.stringify(fc, null, 2)}\n`;

/**
 * Runs one step on its inputs and checks it left every one of them as it found it: each step
 * must return a new collection, since the build and the tests hand the same data to several steps.
 */
function run<T>(inputs: readonly unknown[], step: () => T): T {
  const before = structuredClone(inputs);
  const out = step();
  expect(inputs, 'the step changed its input').toEqual(before);
  return out;
}

describe('pipeline steps against golden files, leaving their inputs unchanged', () => {
  it('schematic-arcs', async () => {
    const input = fixture('schematic-arcs/in.geojson');
    const out = run([input], () => toSchematicArcs(input));
    await expect(text(out)).toMatchFileSnapshot(golden('schematic-arcs'));
  });

  it('normalise', async () => {
    const input = fixture('normalise/in.geojson');
    const out = run([input], () => normalise(input, 'normalised'));
    await expect(text(out)).toMatchFileSnapshot(golden('normalise'));
  });

  it('attach-boundaries', async () => {
    const input = fixture('attach-boundaries/in.geojson');
    const boundaries = fixture('attach-boundaries/boundaries.geojson') as FeatureCollection<Polygon>;
    const out = run([input, boundaries], () => attachBoundaries(input, boundaries, 'iso_3166_2'));
    await expect(text(out)).toMatchFileSnapshot(golden('attach-boundaries'));
  });

  it('flow-endpoints', async () => {
    const input = fixture('flow-endpoints/in.geojson');
    const countries = fixture('flow-endpoints/countries.geojson') as FeatureCollection<Polygon>;
    const provinces = fixture('flow-endpoints/provinces.geojson') as FeatureCollection<Polygon>;
    const out = run([input, countries, provinces], () => attachFlowEndpoints(input, countries, provinces));
    await expect(text(out)).toMatchFileSnapshot(golden('flow-endpoints'));
  });

  it('the whole build of the three layers from the committed sources', () => {
    const sources = {
      authored: Object.fromEntries(
        REPORT_LAYERS.map((l) => [l.id, fixtureAt(`geodata/sources/${l.id}.json`)]),
      ) as ReportData,
      countries: fixtureAt('geodata/basemap/countries.geojson') as FeatureCollection<Polygon>,
      departments: fixtureAt('geodata/basemap/guatemala-departments.geojson') as FeatureCollection<Polygon>,
    };
    const out = run([sources], () => buildReportLayers(sources));
    expect(Object.keys(out)).toEqual(REPORT_LAYERS.map((l) => l.id));
  });
});

describe('pipeline steps, by their properties', () => {
  it('an arc starts and ends exactly on its points and bends to the side asked', () => {
    const from = [-73.5, 4.0];
    const to = [-90.4, 15.6];
    const left = schematicArc(from, to, { bend: 0.15 }).coordinates;
    const right = schematicArc(from, to, { bend: -0.15 }).coordinates;
    expect(left[0]).toEqual(from);
    expect(left.at(-1)).toEqual(to);
    expect(left.length).toBeGreaterThan(5);
    // Travelling north-west, a left bend passes south-west of the chord's midpoint, a right bend north-east.
    const mid = (line: number[][]) => line[Math.floor(line.length / 2)] as number[];
    expect((mid(left)[0] as number) < (mid(right)[0] as number)).toBe(true);
  });

  it('normalise winds exterior rings counter-clockwise and holes clockwise (RFC 7946 §3.1.6)', () => {
    const out = normalise(fixture('normalise/in.geojson'), 'n');
    const [polygon] = (out.features[0]?.geometry as MultiPolygon | undefined)?.coordinates ?? [];
    expect(booleanClockwise(polygon?.[0] as number[][])).toBe(false);
    expect(booleanClockwise(polygon?.[1] as number[][])).toBe(true);
  });

  it('normalise gives every feature every key, in first-seen order, null where absent', () => {
    const out = normalise(fixture('normalise/in.geojson'), 'n');
    expect(out.features.map((f) => Object.keys(f.properties ?? {}))).toEqual([
      ['name', 'extra', 'other'],
      ['name', 'extra', 'other'],
      ['name', 'extra', 'other'],
      ['name', 'extra', 'other'],
    ]);
    expect(out.features[1]?.properties).toEqual({ name: 'B', extra: null, other: 'x' });
  });

  it('normalise puts each Spanish column right after its English one, wherever it was authored', () => {
    const out = normalise(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { label_es: 'L', name: 'n', note_es: 'x', label: 'l' },
            geometry: null,
          },
          { type: 'Feature', properties: { name_es: 'N', other: 1 }, geometry: null },
        ],
      },
      'n',
    );
    // note_es has no English note here, so it keeps its own first-seen place.
    expect(Object.keys(out.features[1]?.properties ?? {})).toEqual([
      'name',
      'name_es',
      'note_es',
      'label',
      'label_es',
      'other',
    ]);
  });

  it('normalise writes every area as a MultiPolygon, so a layer has one geometry type', () => {
    const out = normalise(fixture('normalise/in.geojson'), 'n');
    expect(out.features.map((f) => f.geometry?.type ?? null)).toEqual([
      'MultiPolygon',
      'Point',
      null,
      'MultiPolygon',
    ]);
    const input = fixture('normalise/in.geojson').features[0]?.geometry as Polygon;
    expect((out.features[0]?.geometry as MultiPolygon | undefined)?.coordinates).toHaveLength(1);
    expect(input.type).toBe('Polygon');
  });

  it('a flow with no known boundary is an error naming the feature', () => {
    const input: FeatureCollection<Geometry | null> = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'x', properties: { from_country: 'ZZZ', to_country: 'AAA' }, geometry: null },
      ],
    };
    const countries = fixture('flow-endpoints/countries.geojson') as FeatureCollection<Polygon>;
    expect(() => attachFlowEndpoints(input, countries, countries)).toThrow('Feature x: no boundary for ZZZ');
  });

  it('an arc needs a two-point line', () => {
    const bad: FeatureCollection<LineString> = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'y', properties: {}, geometry: { type: 'LineString', coordinates: [[0, 0]] } },
      ],
    };
    expect(() => toSchematicArcs(bad)).toThrow('Feature y: a flow needs a two-point LineString');
  });
});

describe('the days a date can mean', () => {
  it('spans a day, a month, a year, and a few days either side of an approximate day', () => {
    expect(dateRange('2012-01-15', 'day')).toEqual({ earliest: '2012-01-15', latest: '2012-01-15' });
    expect(dateRange('2006-12', 'month')).toEqual({ earliest: '2006-12-01', latest: '2006-12-31' });
    expect(dateRange('2012-02', 'month')).toEqual({ earliest: '2012-02-01', latest: '2012-02-29' });
    expect(dateRange('2011', 'year, inferred')).toEqual({ earliest: '2011-01-01', latest: '2011-12-31' });
    expect(dateRange('2011-02-28', 'day, approximate')).toEqual({
      earliest: `2011-02-${28 - APPROXIMATE_DAYS}`,
      latest: `2011-03-0${APPROXIMATE_DAYS}`,
    });
  });

  it('refuses a date that is not a calendar date, or written to another precision than its own', () => {
    expect(() => dateRange('2011-02-29', 'day')).toThrow('"2011-02-29" is not a calendar date');
    expect(() => dateRange('2012-13', 'month')).toThrow();
    expect(() => dateRange('2006-12', 'day')).toThrow('written to the month but its precision is "day"');
    expect(() => dateRange('Dec 2006', 'month')).toThrow('is not a calendar date');
  });

  it('adds earliest and latest days after each precision column, null where a date has no value', () => {
    const input: FeatureCollection<Geometry | null> = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'a',
          geometry: null,
          properties: {
            date_start: '2006-12',
            date_start_precision: 'month',
            date_start_source: 's',
            date_end: null,
            date_end_precision: null,
          },
        },
      ],
    };
    const out = run([input], () => addDateRanges(input));
    expect(out.features[0]?.properties).toEqual({
      date_start: '2006-12',
      date_start_precision: 'month',
      date_start_earliest: '2006-12-01',
      date_start_latest: '2006-12-31',
      date_start_source: 's',
      date_end: null,
      date_end_precision: null,
      date_end_earliest: null,
      date_end_latest: null,
    });
    expect(Object.keys(out.features[0]?.properties ?? {}).slice(0, 5)).toEqual([
      'date_start',
      'date_start_precision',
      'date_start_earliest',
      'date_start_latest',
      'date_start_source',
    ]);
  });
});
