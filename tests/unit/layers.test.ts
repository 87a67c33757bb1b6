import { readFileSync } from 'node:fs';
import { area, booleanPointInPolygon, booleanValid, kinks } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { excerptKeys } from '../../src/data/excerpts.ts';
import { buildExport } from '../../src/data/export.ts';
import { validateAll } from '../../src/data/validate.ts';
import { buildReportLayers } from '../../src/layers/build.ts';
import {
  ALTA_VERAPAZ,
  MILITARISED_POLICING,
  REPORT_LAYERS,
  type ReportData,
  requiredProperties,
  TRANSIT_FLOWS,
  TRANSLATED_PROPERTIES,
} from '../../src/layers/registry.ts';

type Area = Feature<Polygon | MultiPolygon>;
const read = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const fileText = (id: string) =>
  readFileSync(new URL(`../../geodata/layers/${id}.geojson`, import.meta.url), 'utf8');

const layers = Object.fromEntries(REPORT_LAYERS.map((l) => [l.id, JSON.parse(fileText(l.id))])) as ReportData;
const authored = Object.fromEntries(
  REPORT_LAYERS.map((l) => [l.id, read(`geodata/sources/${l.id}.json`)]),
) as ReportData;
const countries = read<FeatureCollection<Polygon | MultiPolygon>>('geodata/basemap/countries.geojson');
const departments = read<FeatureCollection<Polygon | MultiPolygon>>(
  'geodata/basemap/guatemala-departments.geojson',
);
const country = (iso: string) => countries.features.find((f) => f.properties?.iso_a3 === iso) as Area;
const features = (id: keyof ReportData) => layers[id].features;
const props = (f: Feature) => f.properties ?? {};

describe('the committed report layers', () => {
  it('pass the validation gate, with every required property and its Spanish', () => {
    const problems = validateAll(
      REPORT_LAYERS.map((l) => ({
        file: `${l.id}.geojson`,
        data: layers[l.id],
        required: requiredProperties(l),
        translated: TRANSLATED_PROPERTIES,
      })),
    );
    expect(problems).toEqual([]);
  });

  it('are exactly what the pipeline builds from geodata/sources and the basemap (a rebuild gives no diff)', () => {
    const rebuilt = buildExport(buildReportLayers({ authored, countries, departments }));
    for (const file of rebuilt) expect(file.text).toBe(fileText(file.name.replace('.geojson', '')));
  });

  it('hold one geometry type each, the one the registry names (GIS tools type a layer by it)', () => {
    for (const layer of REPORT_LAYERS) {
      const types = new Set(features(layer.id).map((f) => f.geometry?.type));
      expect([...types], layer.id).toEqual([layer.geometry]);
    }
  });

  it('give every date its earliest and latest day, as full dates a GIS tool types as dates', () => {
    for (const layer of REPORT_LAYERS) {
      for (const f of features(layer.id)) {
        for (const { key } of layer.popupDates) {
          const p = props(f);
          const [earliest, latest] = [p[`${key}_earliest`], p[`${key}_latest`]];
          if (p[key] === null) expect([earliest, latest]).toEqual([null, null]);
          else {
            expect(earliest, `${String(f.id)} ${key}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(latest, `${String(f.id)} ${key}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(String(earliest) <= String(latest)).toBe(true);
            expect(String(earliest).startsWith(String(p[key]).slice(0, 7))).toBe(true);
          }
        }
      }
    }
    const mexico = features(MILITARISED_POLICING).find((f) => f.id === 'MEX') as Feature;
    expect([props(mexico).date_start_earliest, props(mexico).date_start_latest]).toEqual([
      '2006-12-01',
      '2006-12-31',
    ]);
  });

  it('each carry a name member equal to the layer id, and layer ids unique across features', () => {
    for (const layer of REPORT_LAYERS) {
      expect((layers[layer.id] as { name?: string }).name).toBe(layer.id);
      for (const f of features(layer.id)) expect(props(f).layer).toBe(layer.id);
    }
  });

  it('quote the report only as the authored sources do, every feature with at least one excerpt', () => {
    for (const layer of REPORT_LAYERS) {
      for (const f of features(layer.id)) {
        const source = authored[layer.id].features.find((a) => a.id === f.id);
        expect(typeof props(f).excerpt).toBe('string');
        for (const key of excerptKeys(props(f)))
          expect(props(f)[key]).toBe(source?.properties?.[key] ?? null);
        expect(props(f).source).toBe('BBC News, 15 January 2012');
        expect(props(f).attributed_to).toBeTruthy();
      }
    }
  });
});

describe('transit flows', () => {
  const legs = features(TRANSIT_FLOWS).filter((f) => props(f).flow_type === 'route') as Feature<LineString>[];
  const ends = (f: Feature<LineString>) =>
    [f.geometry.coordinates[0], f.geometry.coordinates.at(-1)] as Position[];

  it('are the three legs Colombia → Guatemala → Mexico → United States, in sequence, marked schematic', () => {
    expect(legs.map((f) => [props(f).sequence, props(f).from_country, props(f).to_country])).toEqual([
      [1, 'COL', 'GTM'],
      [2, 'GTM', 'MEX'],
      [3, 'MEX', 'USA'],
    ]);
    for (const f of features(TRANSIT_FLOWS)) expect(props(f).schematic).toBe(true);
  });

  it('each start inside the from-country and end inside the to-country', () => {
    for (const leg of legs) {
      const [start, end] = ends(leg);
      expect(booleanPointInPolygon(start as Position, country(props(leg).from_country))).toBe(true);
      expect(booleanPointInPolygon(end as Position, country(props(leg).to_country))).toBe(true);
    }
  });

  it('chain: each leg ends where the next begins', () => {
    for (let i = 0; i + 1 < legs.length; i++) {
      expect(ends(legs[i] as Feature<LineString>)[1]).toEqual(ends(legs[i + 1] as Feature<LineString>)[0]);
    }
  });

  it('include the Zetas displacement from Mexico, ending inside Alta Verapaz, with no sequence', () => {
    const moves = features(TRANSIT_FLOWS).filter(
      (f) => props(f).flow_type === 'displacement',
    ) as Feature<LineString>[];
    expect(moves).toHaveLength(1);
    const move = moves[0] as Feature<LineString>;
    expect(props(move).sequence).toBeNull();
    const [start, end] = ends(move);
    expect(booleanPointInPolygon(start as Position, country('MEX'))).toBe(true);
    expect(booleanPointInPolygon(end as Position, features(ALTA_VERAPAZ)[0] as Area)).toBe(true);
    // A GIS user reading columns never sees the note: the column says what the end point stands on.
    expect(props(move).destination_basis).toContain('not that the move ended there');
  });

  it('say in a column what each end point stands on', () => {
    for (const f of features(TRANSIT_FLOWS))
      expect(String(props(f).destination_basis)).toMatch(/^An interior point of /);
  });
});

describe('Alta Verapaz', () => {
  const [department] = features(ALTA_VERAPAZ) as Area[];

  it('is the Natural Earth GT-AV polygon: valid, 8,000–11,000 km², containing Cobán', () => {
    expect(features(ALTA_VERAPAZ)).toHaveLength(1);
    expect(props(department as Area).iso_3166_2).toBe('GT-AV');
    expect(booleanValid(department as Area)).toBe(true);
    expect(kinks(department as Area).features).toHaveLength(0);
    const km2 = area(department as Area) / 1e6;
    expect(km2).toBeGreaterThan(8000);
    expect(km2).toBeLessThan(11000);
    expect(booleanPointInPolygon([-90.37, 15.47], department as Area)).toBe(true);
  });

  it('keeps the report\'s own "In December" apart from the dated decree and its source', () => {
    const p = props(department as Area);
    expect(p.date_in_report).toBe('In December');
    expect([p.date_start, p.date_start_precision]).toEqual(['2010-12-19', 'day']);
    expect(p.date_start_source).toContain('The Tico Times, 30 December 2010');
    expect(p.date_start_source).toContain('gives no year');
    expect(p.date_start_source).toContain('could also be read as December 2011');
    expect([p.date_end, p.date_end_precision]).toEqual(['2011-02-18', 'day']);
    expect(p.date_end_source).toContain('Diálogo, 24 February 2011');
    expect(p.date_end_source).toContain('gives no end date');
  });
});

describe('militarised policing', () => {
  it('is Mexico, Honduras and Guatemala with their start dates and precision', () => {
    const rows = features(MILITARISED_POLICING).map((f) => [
      f.id,
      props(f).iso_a3,
      props(f).date_start,
      props(f).date_start_precision,
      props(f).label,
    ]);
    expect(rows).toEqual([
      ['GTM', 'GTM', '2012-01-15', 'day', 'Since 15 Jan 2012'],
      ['HND', 'HND', '2011-11-29', 'day', 'Since Nov 2011'],
      ['MEX', 'MEX', '2006-12', 'month', 'Since Dec 2006'],
    ]);
  });

  it('draws each country with its real Natural Earth outline, as a MultiPolygon', () => {
    for (const f of features(MILITARISED_POLICING)) {
      const outline = country(props(f).iso_a3).geometry;
      const parts = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
      expect(f.geometry).toEqual({ type: 'MultiPolygon', coordinates: parts });
    }
  });

  it('says where a year the report does not give comes from', () => {
    const honduras = features(MILITARISED_POLICING).find((f) => f.id === 'HND') as Feature;
    expect(props(honduras).date_in_report).toBe('in November');
    expect(props(honduras).date_start_source).toContain('EFE wire report');
    expect(props(honduras).date_start_source).toContain('says only "in November", with no year');
  });
});
