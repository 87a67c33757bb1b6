import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseXml } from '@rgrove/parse-xml';
import type { FeatureCollection, Geometry } from 'geojson';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Gdal, type GdalDataset, sharedGdal } from '../../scripts/gdal.ts';
import { buildGeoPackage } from '../../scripts/geopackage.ts';
import { ROOT, readReportLayers } from '../../scripts/io.ts';
import { buildPackage } from '../../src/formats/package.ts';
import { layerQml } from '../../src/formats/qml.ts';
import { layerSld } from '../../src/formats/sld.ts';
import { yourLayerFile } from '../../src/formats/your-data.ts';
import { REPORT_LAYERS } from '../../src/layers/registry.ts';
import { readFile } from '../../src/your-data/read.ts';
import { geometryDiffs } from '../geometry-diffs.ts';

/** The KML, CSV and GeoPackage files read back by real GDAL (gdal3.js, GDAL 3.8): what QGIS and ogr2ogr get. */
const data = readReportLayers();
const pkg = buildPackage(data);
let gdal: Gdal;
let messages: string[] = [];
let dir: string;
let outputs = 0;

beforeAll(async () => {
  ({ gdal, messages } = await sharedGdal());
  dir = mkdtempSync(join(tmpdir(), 'gdal-formats-'));
  for (const file of pkg.files) writeFileSync(join(dir, file.name), file.text);
  writeFileSync(join(dir, 'layers.gpkg'), await buildGeoPackage(data));
}, 120_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  messages.length = 0;
});

async function open(name: string): Promise<GdalDataset> {
  const { datasets, errors } = await gdal.open(join(dir, name));
  expect(errors).toEqual([]);
  const [dataset] = datasets;
  if (!dataset) throw new Error(`GDAL opened nothing at ${name}`);
  return dataset;
}

/** `ogr2ogr -f GeoJSON` of one layer of a dataset, parsed. */
async function toGeoJson(dataset: GdalDataset, options: string[] = []): Promise<FeatureCollection> {
  outputs += 1;
  const out = await gdal.ogr2ogr(dataset, ['-f', 'GeoJSON', ...options], `back-${outputs}`);
  return JSON.parse(new TextDecoder().decode(await gdal.getFileBytes(out))) as FeatureCollection;
}

/** The columns the project writes in Spanish; note_es only in the layer with notes. */
const SPANISH_COLUMNS = ['name_es', 'label_es', 'note_es'] as const;

describe.each(REPORT_LAYERS)('$id', (layer) => {
  const features = data[layer.id].features;

  it('KML: ogr2ogr gives back every placemark with its name and its geometry', async () => {
    const dataset = await open(`${layer.id}.kml`);
    const info = await gdal.getInfo(dataset);
    expect(info.layers).toEqual([{ name: layer.name, featureCount: features.length }]);
    const back = await toGeoJson(dataset);
    expect(back.features.map((f) => f.properties?.Name)).toEqual(features.map((f) => f.properties?.name));
    back.features.forEach((f, i) => {
      expect(geometryDiffs(features[i]?.geometry ?? null, f.geometry), `${layer.id} ${i}`).toEqual([]);
    });
    // GDAL's plain KML driver reads the description as it is: the balloon holds every excerpt.
    back.features.forEach((f, i) => {
      const excerpts = Object.entries(features[i]?.properties ?? {}).filter(
        ([k, v]) => k.startsWith('excerpt') && v,
      );
      for (const [, excerpt] of excerpts)
        expect(String(f.properties?.Description)).toContain(String(excerpt));
    });
    expect(messages).toEqual([]);
  });

  it('CSV: ogr2ogr reads the wkt column as geometry, with every column and value', async () => {
    const dataset = await open(`${layer.id}.csv`);
    const back = await toGeoJson(dataset, ['-oo', 'GEOM_POSSIBLE_NAMES=wkt']);
    expect(back.features).toHaveLength(features.length);
    back.features.forEach((f, i) => {
      const before = features[i];
      expect(f.properties?.id).toBe(before?.id);
      // Every value as text, as a CSV holds it; null is an empty cell.
      const asText = Object.fromEntries(
        Object.entries(before?.properties ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]),
      );
      const { wkt, ...columns } = f.properties ?? {};
      expect(typeof wkt).toBe('string');
      expect(columns).toEqual({ id: before?.id, ...asText });
      expect(geometryDiffs(before?.geometry ?? null, f.geometry), `${layer.id} ${i}`).toEqual([]);
    });
    expect(messages).toEqual([]);
  });
});

describe('the GeoPackage', () => {
  it('holds the three layers and a layer_styles row for each, its QML and SLD the ones beside the GeoJSON', async () => {
    const dataset = await open('layers.gpkg');
    const info = await gdal.getInfo(dataset);
    expect(info.driverName).toBe('GeoPackage');
    expect(info.layers).toEqual([
      ...REPORT_LAYERS.map((l) => ({ name: l.id, featureCount: data[l.id].features.length })),
      { name: 'layer_styles', featureCount: 3 },
    ]);
    const styles = await toGeoJson(dataset, ['-sql', 'SELECT * FROM layer_styles']);
    expect(styles.features.map((f) => f.properties?.f_table_name)).toEqual(REPORT_LAYERS.map((l) => l.id));
    for (const [i, row] of styles.features.entries()) {
      const layer = REPORT_LAYERS[i];
      if (!layer) throw new Error('more style rows than layers');
      expect(row.properties).toMatchObject({
        f_geometry_column: 'geom',
        useAsDefault: true,
        styleQML: layerQml(layer),
        styleSLD: layerSld(layer),
      });
      expect(() => parseXml(String(row.properties?.styleQML))).not.toThrow();
      expect(() => parseXml(String(row.properties?.styleSLD))).not.toThrow();
    }
    expect(messages).toEqual([]);
  });

  it('has the same features as the GeoJSON files', async () => {
    const dataset = await open('layers.gpkg');
    for (const layer of REPORT_LAYERS) {
      const back = await toGeoJson(dataset, [layer.id]);
      const features = data[layer.id].features;
      expect(back.features.map((f) => f.properties?.id)).toEqual(features.map((f) => f.id));
      for (const key of SPANISH_COLUMNS)
        expect(
          back.features.map((f) => f.properties?.[key] ?? null),
          `${layer.id} ${key}`,
        ).toEqual(features.map((f) => f.properties?.[key] ?? null));
      back.features.forEach((f, i) => {
        expect(geometryDiffs(features[i]?.geometry ?? null, f.geometry)).toEqual([]);
      });
    }
    expect(messages).toEqual([]);
  });

  it('comes out byte for byte the same each time, so the page and the command line give one file', async () => {
    const [a, b] = [await buildGeoPackage(data), await buildGeoPackage(data)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

/** A geometry's positions without their altitude: tokml writes KML's coordinates in two dimensions. */
function flat(geometry: Geometry | null): Geometry | null {
  const strip = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number' ? c.slice(0, 2) : Array.isArray(c) ? c.map(strip) : c;
  if (!geometry || geometry.type === 'GeometryCollection') return geometry;
  return { ...geometry, coordinates: strip(geometry.coordinates) } as Geometry;
}

/** A reader's files as read, then downloaded alone (src/formats/your-data.ts), read back by GDAL. */
describe("a reader's layer downloaded alone", () => {
  const FILES = ['spanish-excel/incautaciones.csv', 'mymaps-kml/airstrips.kml', 'gpx/field-work.gpx'];
  const read = (path: string) => {
    const name = path.split('/')[1] as string;
    const result = readFile(new Uint8Array(readFileSync(`${ROOT}tests/fixtures/your-data/${path}`)), name);
    if (!result.ok) throw new Error(`${path} was refused`);
    return { name, features: result.features };
  };

  it.each(FILES)('%s: the CSV gives back every feature, its geometry and every column', async (path) => {
    const layer = read(path);
    const file = yourLayerFile(layer, 'csv');
    writeFileSync(join(dir, `yours-${file.name}`), file.text);
    const back = await toGeoJson(await open(`yours-${file.name}`), ['-oo', 'GEOM_POSSIBLE_NAMES=wkt']);
    expect(back.features).toHaveLength(layer.features.length);
    back.features.forEach((f, i) => {
      const before = layer.features[i];
      expect(geometryDiffs(before?.geometry ?? null, f.geometry), `${path} ${i}`).toEqual([]);
      for (const [key, value] of Object.entries(before?.properties ?? {}))
        if (value !== null && typeof value !== 'object')
          expect(String(f.properties?.[key] ?? ''), `${path} ${i} ${key}`).toBe(String(value));
    });
    expect(messages).toEqual([]);
  });

  // GDAL's plain KML driver, which gdal3.js has, reads a placemark's name and geometry; its columns
  // (ExtendedData) are read by the LIBKML driver that QGIS and Debian's ogr2ogr use.
  it.each(FILES)('%s: the KML gives back every placemark, its name and its geometry', async (path) => {
    const layer = read(path);
    const file = yourLayerFile(layer, 'kml');
    writeFileSync(join(dir, `yours-${file.name}`), file.text);
    const back = await toGeoJson(await open(`yours-${file.name}`));
    expect(back.features).toHaveLength(layer.features.length);
    back.features.forEach((f, i) => {
      const before = layer.features[i];
      expect(geometryDiffs(flat(before?.geometry ?? null), f.geometry), `${path} ${i}`).toEqual([]);
      const name = before?.properties?.name;
      if (typeof name === 'string') expect(f.properties?.Name).toBe(name);
    });
    expect(messages).toEqual([]);
  });
});
