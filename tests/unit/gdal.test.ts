import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { area } from '@turf/area';
import { length } from '@turf/length';
import type { Feature, FeatureCollection } from 'geojson';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Gdal, type GdalDataset, type GdalFilePath, startGdal } from '../../scripts/gdal.ts';
import { readReportLayers } from '../../scripts/io.ts';
import { buildExport, type ExportFile } from '../../src/data/export.ts';
import { type ReportLayerId, reportLayer } from '../../src/layers/registry.ts';
import { geometryDiffs } from '../geometry-diffs.ts';

type NamedCollection = FeatureCollection & { name?: unknown };

const files = buildExport(readReportLayers());
const layerIdOf = (file: ExportFile): string => file.name.replace(/\.geojson$/, '');

/** Everything GDAL prints (see startGdal). */
let messages: string[] = [];
let gdal: Gdal;
let inputDir: string;

beforeAll(async () => {
  ({ gdal, messages } = await startGdal());
  expect(messages.splice(0)).toEqual([]);
  inputDir = mkdtempSync(join(tmpdir(), 'gdal-roundtrip-'));
  for (const file of files) writeFileSync(join(inputDir, file.name), file.text);
}, 120_000);

afterAll(() => {
  if (inputDir) rmSync(inputDir, { recursive: true, force: true });
});

beforeEach(() => {
  messages.length = 0;
});

function expectQuiet(step: string): void {
  expect(messages.splice(0), `GDAL printed during ${step}`).toEqual([]);
}

async function openOne(path: string): Promise<GdalDataset> {
  const { datasets, errors } = await gdal.open(path);
  expectQuiet(`open ${path}`);
  expect(errors).toEqual([]);
  expect(datasets).toHaveLength(1);
  const [dataset] = datasets;
  if (!dataset) throw new Error(`GDAL opened nothing at ${path}`);
  return dataset;
}

async function translate(dataset: GdalDataset, options: string[], outputName: string): Promise<GdalFilePath> {
  const out = await gdal.ogr2ogr(dataset, options, outputName);
  expectQuiet(`ogr2ogr ${options.join(' ')} → ${outputName}`);
  return out;
}

async function readGeoJson(out: GdalFilePath): Promise<NamedCollection> {
  return JSON.parse(new TextDecoder().decode(await gdal.getFileBytes(out))) as NamedCollection;
}

async function expectLayer(dataset: GdalDataset, layerId: string, featureCount: number, driver: string) {
  const info = await gdal.getInfo(dataset);
  expect(info.driverName).toBe(driver);
  expect(info.layerCount).toBe(1);
  expect(info.layers).toEqual([{ name: layerId, featureCount }]);
}

/** A feature's area in km² or length in km: what a change of vertex order or start cannot alter. */
const measure = (f: Feature): number => (f.geometry?.type.endsWith('LineString') ? length(f) : area(f) / 1e6);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isNumber = (v: unknown): v is number => typeof v === 'number';

/**
 * The OGR field type a GIS user gets for one property, as `name:Type[/SubType]`. GDAL's GeoJSON
 * reader keeps booleans as Integer with the Boolean subtype (GeoPackage stores that as BOOLEAN),
 * and types a string field as Date when every value is a whole `YYYY-MM-DD` date: a field that
 * also holds `2011-11` stays String. So the same key can be a Date in one layer and text in another.
 */
function ogrField(name: string, values: readonly unknown[]): string {
  const present = values.filter((v) => v !== null);
  let type = 'String';
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) type = 'Integer/Boolean';
  else if (present.length > 0 && present.every(isNumber)) {
    if (!present.every(Number.isInteger)) type = 'Real';
    else type = present.every((v) => Math.abs(v) < 2 ** 31) ? 'Integer' : 'Integer64';
  } else if (present.length > 0 && present.every((v) => typeof v === 'string' && ISO_DATE.test(v))) {
    type = 'Date';
  }
  return `${name}:${type}`;
}

/** GDAL's reading of the string feature ids: a String field named `id`, first, then the properties. */
function expectedFields(input: FeatureCollection): string[] {
  const keys = [...new Set(input.features.flatMap((f) => Object.keys(f.properties ?? {})))];
  const values = (k: string) => input.features.map((f) => f.properties?.[k] ?? null);
  const ids = input.features.map((f) => f.id);
  return [ogrField('id', ids), ...keys.map((k) => ogrField(k, values(k)))];
}

/** GDAL types a layer by its features' geometry: one type, the registry's, never the generic one. */
function expectSchema(dataset: GdalDataset, input: FeatureCollection, layerId: string): void {
  const [layer] = dataset.info.layers;
  expect(layer?.geometryFields.map((g) => g.type)).toEqual([reportLayer(layerId as ReportLayerId).geometry]);
  expect(layer?.fields.map((f) => `${f.name}:${f.type}${f.subType ? `/${f.subType}` : ''}`)).toEqual(
    expectedFields(input),
  );
}

/**
 * GDAL reads a string top-level `id` into an attribute field named `id` (OGR feature ids are
 * integers) and writes it back as the first property, with no top-level `id`. Everything else,
 * booleans and nulls included, must come back as it went in.
 */
function expectSameFeatures(layerId: string, input: FeatureCollection, output: NamedCollection): void {
  expect(output.type).toBe('FeatureCollection');
  expect(output.name).toBe(layerId);
  expect(output.features.map((f) => f.properties?.id)).toEqual(input.features.map((f) => f.id));
  input.features.forEach((before: Feature, i) => {
    const after = output.features[i];
    if (!after) throw new Error(`feature ${i} is missing`);
    const where = `${layerId} feature ${String(before.id)}`;
    expect('id' in after, `${where}: top-level id`).toBe(false);
    expect(Object.keys(after.properties ?? {}), where).toEqual([
      'id',
      ...Object.keys(before.properties ?? {}),
    ]);
    expect(after.properties, where).toStrictEqual({ id: before.id, ...before.properties });
    expect(geometryDiffs(before.geometry, after.geometry), where).toEqual([]);
  });
}

describe('the export through real GDAL (gdal3.js)', () => {
  it('catches what GDAL prints, so the quiet checks below mean something', async () => {
    const [file] = files;
    if (!file) throw new Error('no export files');
    const dataset = await openOne(join(inputDir, file.name));
    await gdal.ogr2ogr(dataset, ['-f', 'GeoJSON', '-lco', 'NO_SUCH_OPTION=YES'], 'warning-probe');
    await gdal.close(dataset);
    expect(messages.splice(0)).toEqual([
      expect.stringMatching(/^stderr: Warning 6: .*does not support layer creation option NO_SUCH_OPTION$/),
    ]);
  });

  describe.each(files)('$name', (file) => {
    const layerId = layerIdOf(file);
    const input = JSON.parse(file.text) as FeatureCollection;
    const count = input.features.length;

    it('GeoJSON → GeoPackage → GeoJSON', async () => {
      const source = await openOne(join(inputDir, file.name));
      const gpkgPath = await translate(source, ['-f', 'GPKG'], `${layerId}-gpkg`);
      await gdal.close(source);

      const gpkg = await openOne(gpkgPath.local);
      await expectLayer(gpkg, layerId, count, 'GeoPackage');
      expectSchema(gpkg, input, layerId);
      const back = await translate(gpkg, ['-f', 'GeoJSON'], `${layerId}-from-gpkg`);
      await gdal.close(gpkg);
      expectQuiet('close');

      expectSameFeatures(layerId, input, await readGeoJson(back));
    });

    it('GeoJSON → GeoJSON', async () => {
      const source = await openOne(join(inputDir, file.name));
      await expectLayer(source, layerId, count, 'GeoJSON');
      expectSchema(source, input, layerId);
      const out = await translate(source, ['-f', 'GeoJSON'], `${layerId}-direct`);
      await gdal.close(source);
      expectQuiet('close');

      const output = await readGeoJson(out);
      const reopened = await openOne(out.local);
      await expectLayer(reopened, layerId, count, 'GeoJSON');
      await gdal.close(reopened);
      expectSameFeatures(layerId, input, output);
    });

    // A file geodatabase stores every line as a multi-line, and rings in Esri's own order and start
    // vertex: there the test compares each feature's length or area rather than its coordinates.
    it.each([
      { format: 'FlatGeobuf', driver: 'FlatGeobuf', esri: false },
      { format: 'OpenFileGDB', driver: 'ESRI FileGDB', esri: true },
    ])('GeoJSON → $format keeps every feature, in one geometry type', async ({ format, driver, esri }) => {
      const source = await openOne(join(inputDir, file.name));
      // File geodatabases allow no hyphen in a layer name; naming it here keeps GDAL from warning.
      const name = layerId.replaceAll('-', '_');
      const out = await translate(source, ['-f', format, '-nln', name], `${layerId}-${format}`);
      await gdal.close(source);
      const converted = await openOne(out.local);
      await expectLayer(converted, name, count, driver);
      const declared = reportLayer(layerId as ReportLayerId).geometry;
      const stored = esri && declared === 'LineString' ? 'MultiLineString' : declared;
      expect(converted.info.layers[0]?.geometryFields.map((g) => g.type)).toEqual([stored]);
      const back = await readGeoJson(
        await translate(converted, ['-f', 'GeoJSON'], `${layerId}-${format}-back`),
      );
      await gdal.close(converted);
      // FlatGeobuf stores features in the order of its spatial index, so features are matched by id.
      const byId = new Map(back.features.map((f) => [f.properties?.id, f]));
      expect([...byId.keys()].sort()).toEqual(input.features.map((f) => f.id).sort());
      for (const before of input.features) {
        const after = byId.get(before.id);
        if (!after) throw new Error(`${String(before.id)} is missing`);
        if (!esri) expect(geometryDiffs(before.geometry, after.geometry), String(before.id)).toEqual([]);
        else expect(measure(after), String(before.id)).toBeCloseTo(measure(before), 3);
      }
    });

    it('types every earliest and latest day column as a Date', async () => {
      const source = await openOne(join(inputDir, file.name));
      const fields = source.info.layers[0]?.fields ?? [];
      await gdal.close(source);
      const days = fields.filter((f) => /_(earliest|latest)$/.test(f.name));
      const dated = reportLayer(layerId as ReportLayerId).popupDates.length > 0;
      expect(days.length > 0).toBe(dated);
      for (const field of days) expect(`${field.name}:${field.type}`).toBe(`${field.name}:Date`);
    });
  });
});
