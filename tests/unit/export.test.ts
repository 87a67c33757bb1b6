import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildExport, downloadable, layerFileText, zipExport } from '../../src/data/export.ts';
import { ZIP_NAME } from '../../src/data/names.ts';
import { validateAll } from '../../src/data/validate.ts';
import {
  REPORT_LAYERS,
  type ReportData,
  requiredProperties,
  TRANSLATED_PROPERTIES,
} from '../../src/layers/registry.ts';

const committed = Object.fromEntries(
  REPORT_LAYERS.map((l) => [
    l.id,
    JSON.parse(readFileSync(new URL(`../../geodata/layers/${l.id}.geojson`, import.meta.url), 'utf8')),
  ]),
) as ReportData;

const tiny: ReportData = {
  'transit-flows': {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'leg',
        properties: { name: 'Leg', schematic: true, sequence: 1 },
        geometry: {
          type: 'LineString',
          coordinates: [
            [-73.5, 4],
            [-90.4, 15.6],
          ],
        },
      },
    ],
  },
  'alta-verapaz': { type: 'FeatureCollection', features: [] },
  'militarised-policing': {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'HND',
        properties: { name: 'Honduras', date_start: '2011-11' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [-89, 13],
              [-83, 13],
              [-83, 16],
              [-89, 13],
            ],
          ],
        },
      },
    ],
  },
};

describe('buildExport', () => {
  it('writes one RFC 7946 file per layer: name member, bbox, one feature per line', () => {
    expect(buildExport(tiny)).toMatchInlineSnapshot(`
      [
        {
          "count": 1,
          "layer": "transit-flows",
          "name": "transit-flows.geojson",
          "text": "{"type":"FeatureCollection","name":"transit-flows","bbox":[-90.4,4,-73.5,15.6],"features":[
      {"type":"Feature","id":"leg","properties":{"name":"Leg","schematic":true,"sequence":1},"geometry":{"type":"LineString","coordinates":[[-73.5,4],[-90.4,15.6]]}}
      ]}
      ",
        },
        {
          "count": 0,
          "layer": "alta-verapaz",
          "name": "alta-verapaz.geojson",
          "text": "{"type":"FeatureCollection","name":"alta-verapaz","features":[]}
      ",
        },
        {
          "count": 1,
          "layer": "militarised-policing",
          "name": "militarised-policing.geojson",
          "text": "{"type":"FeatureCollection","name":"militarised-policing","bbox":[-89,13,-83,16],"features":[
      {"type":"Feature","id":"HND","properties":{"name":"Honduras","date_start":"2011-11"},"geometry":{"type":"Polygon","coordinates":[[[-89,13],[-83,13],[-83,16],[-89,13]]]}}
      ]}
      ",
        },
      ]
    `);
  });

  it('keeps only the layers asked for, and only whole features touching a box', () => {
    const files = buildExport(tiny, { layers: ['militarised-policing'], within: [-84, 15, -80, 20] });
    expect(files.map((f) => f.name)).toEqual(['militarised-policing.geojson']);
    expect(JSON.parse(files[0]?.text ?? '{}').features).toHaveLength(1);
    const outside = buildExport(tiny, { within: [0, 0, 1, 1] });
    for (const f of outside) expect(JSON.parse(f.text).features).toEqual([]);
  });

  it('leaves out of a download of the view each layer with no feature there, and says so', () => {
    const view: [number, number, number, number] = [-84, 15, -80, 20];
    const some = downloadable(buildExport(tiny, { within: view }), { where: 'in this view' });
    expect(some.files.map((f) => f.name)).toEqual(['militarised-policing.geojson']);
    expect(some.message).toBe('Left out, with no feature in this view: Transit flows, Alta Verapaz.');
    const one = downloadable(buildExport(tiny, { within: [0, 0, 1, 1], layers: ['alta-verapaz'] }), {
      where: 'in this view',
    });
    expect(one).toEqual({
      files: [],
      message: 'No Alta Verapaz feature in this view; nothing was downloaded.',
    });
    const none = downloadable(buildExport(tiny, { within: [0, 0, 1, 1] }), { where: 'in this view' });
    expect(none.message).toBe('No feature of any layer asked for in this view; nothing was downloaded.');
    // The whole data is downloaded as it is, even a layer that failed to load.
    const all = downloadable(buildExport(tiny), {});
    expect(all).toEqual({ files: buildExport(tiny), message: null });
  });

  it('as of a day, holds what the map draws as in force or uncertain then, and every undated feature', () => {
    const ids = (at: string) =>
      buildExport(committed, { at }).map((f) => [
        f.layer,
        JSON.parse(f.text).features.map((x: Feature) => x.id),
      ]);
    const routes = ['route-1-col-gtm', 'route-2-gtm-mex', 'route-3-mex-usa', 'displacement-zetas-mex-gtm'];
    expect(Object.fromEntries(ids('2006-12-15'))).toEqual({
      'transit-flows': routes,
      'alta-verapaz': [],
      'militarised-policing': ['MEX'],
    });
    expect(Object.fromEntries(ids('2010-12-25'))).toEqual({
      'transit-flows': routes,
      'alta-verapaz': ['GT-AV'],
      'militarised-policing': ['MEX'],
    });
    // Ended by the report's date, so not in an export as of it; the default export keeps everything.
    expect(Object.fromEntries(ids('2012-01-15'))['alta-verapaz']).toEqual([]);
    expect(buildExport(committed)).toEqual(buildExport(committed, {}));
    const asOf = downloadable(buildExport(committed, { at: '2008-01-01' }), { where: 'on 1 January 2008' });
    expect(asOf.message).toBe('Left out, with no feature on 1 January 2008: Alta Verapaz.');
  });

  it('reproduces the committed layer files byte for byte, and each passes the validation gate', () => {
    const files = buildExport(committed);
    for (const layer of REPORT_LAYERS) {
      const text = files.find((f) => f.name === `${layer.id}.geojson`)?.text;
      expect(text).toBe(
        readFileSync(new URL(`../../geodata/layers/${layer.id}.geojson`, import.meta.url), 'utf8'),
      );
    }
    const problems = validateAll(
      REPORT_LAYERS.map((l, i) => ({
        file: files[i]?.name ?? '',
        data: JSON.parse(files[i]?.text ?? 'null'),
        required: requiredProperties(l),
        translated: TRANSLATED_PROPERTIES,
      })),
    );
    expect(problems).toEqual([]);
  });

  it('keeps every excerpt, the source and the dates a popup shows', () => {
    for (const file of buildExport(committed)) {
      const collection = JSON.parse(file.text) as FeatureCollection;
      for (const feature of collection.features) {
        expect(feature.properties?.excerpt).toEqual(expect.any(String));
        expect(feature.properties?.source).toBe('BBC News, 15 January 2012');
      }
    }
    const mexico = JSON.parse(buildExport(committed)[2]?.text ?? '{}').features.find(
      (f: { id: string }) => f.id === 'MEX',
    );
    expect(mexico.properties).toMatchObject({ date_start: '2006-12', date_start_precision: 'month' });
  });

  it('omits the bbox of an empty collection rather than inventing one', () => {
    expect(layerFileText('empty', [])).toBe('{"type":"FeatureCollection","name":"empty","features":[]}\n');
  });
});

describe('zipExport', () => {
  it('holds the three files unchanged and is the same bytes every time', () => {
    const files = buildExport(committed);
    const zip = zipExport(files);
    expect(zipExport(files)).toEqual(zip);
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual(files.map((f) => f.name));
    for (const f of files) expect(new TextDecoder().decode(entries[f.name])).toBe(f.text);
    expect(ZIP_NAME).toMatch(/\.zip$/);
  });
});
