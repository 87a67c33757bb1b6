import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LAYERS_DIR, readBasemap, readReportLayers } from '../../scripts/io.ts';
import { anchorsFile, indexFeatures } from '../../src/data/features.ts';
import { featureInterval, labelWithSpan } from '../../src/data/time.ts';
import { BASEMAP_FILES } from '../../src/layers/basemap.ts';
import { REPORT_LAYERS, type ReportData } from '../../src/layers/registry.ts';
import { CALLOUT_TAG, FLOW_LABEL_TAG, mapSourceData, reportCountries } from '../../src/style/source.ts';

describe("the map's one source", () => {
  const data = readReportLayers();
  const basemap = readBasemap();
  const source = mapSourceData(basemap, data, indexFeatures(data));
  const basemapCount = BASEMAP_FILES.reduce((n, file) => n + basemap[file].features.length, 0);

  it('holds every basemap feature first, tagged with its file and keeping its properties', () => {
    // Names carry an id of their own, prefixed apart from the report's ids (src/map/covered-labels.ts).
    const named = new Set(['labels', 'places']);
    const expected = BASEMAP_FILES.flatMap((file) =>
      basemap[file].features.map((f) => ({
        ...f.properties,
        ...(named.has(file) ? { id: `${file}:${f.id}` } : {}),
        layer: file,
      })),
    );
    expect(source.features.slice(0, basemapCount).map((f) => f.properties)).toEqual(expected);
  });

  it('then every report feature, tagged with its layer and carrying its id, then one label point per polygon', () => {
    const mission = source.features
      .slice(basemapCount)
      .filter(
        (f) => f.properties?.[CALLOUT_TAG] === undefined && f.properties?.[FLOW_LABEL_TAG] === undefined,
      );
    const drawn = mission.filter((f) => f.geometry?.type !== 'Point');
    const expected = REPORT_LAYERS.flatMap(({ id }) =>
      data[id].features.map((f) => ({ id: String(f.id), layer: id })),
    );
    expect(drawn.map((f) => ({ id: f.properties?.id, layer: f.properties?.layer }))).toEqual(expected);
    const polygons = drawn.filter((f) => /Polygon/.test(f.geometry?.type ?? ''));
    const points = mission.filter((f) => f.geometry?.type === 'Point');
    expect(points.map((f) => f.properties?.id)).toEqual(polygons.map((f) => f.properties?.id));
  });

  it("has a label point halfway along each displacement flow, on its line, with the flow's labels", () => {
    const points = source.features.filter((f) => f.properties?.[FLOW_LABEL_TAG] === true);
    const flows = REPORT_LAYERS.flatMap(({ id }) =>
      data[id].features.filter((f) => f.properties?.flow_type === 'displacement'),
    );
    expect(flows.length).toBeGreaterThan(0);
    expect(points.map((p) => p.properties?.id)).toEqual(flows.map((f) => String(f.id)));
    for (const [i, flow] of flows.entries()) {
      const point = points[i];
      expect(point?.properties).toMatchObject({
        label: flow.properties?.label,
        label_es: flow.properties?.label_es,
      });
      if (flow.geometry.type !== 'LineString' || point?.geometry.type !== 'Point')
        throw new Error('not a line');
      const line = flow.geometry.coordinates;
      const [x, y] = point.geometry.coordinates as [number, number];
      // On one of the line's legs, and as far along it from either end.
      const along = (to: number) =>
        line
          .slice(1, to + 1)
          .reduce(
            (sum, p, j) =>
              sum + Math.hypot((p[0] ?? 0) - (line[j]?.[0] ?? 0), (p[1] ?? 0) - (line[j]?.[1] ?? 0)),
            0,
          );
      const leg = line.findIndex((p, j) => {
        const q = line[j + 1];
        if (!q) return false;
        const cross =
          ((q[0] ?? 0) - (p[0] ?? 0)) * (y - (p[1] ?? 0)) - ((q[1] ?? 0) - (p[1] ?? 0)) * (x - (p[0] ?? 0));
        const within =
          Math.min(p[0] ?? 0, q[0] ?? 0) - 1e-6 <= x && x <= Math.max(p[0] ?? 0, q[0] ?? 0) + 1e-6;
        return Math.abs(cross) < 1e-4 && within;
      });
      expect(leg, 'on a leg of the line').toBeGreaterThanOrEqual(0);
      const start = line[leg] ?? [0, 0];
      const before = along(leg) + Math.hypot(x - (start[0] ?? 0), y - (start[1] ?? 0));
      expect(before).toBeCloseTo(along(line.length - 1) / 2, 3);
    }
  });

  it("ends with each callout's label point and leader, from the area's anchor by the registry's offset", () => {
    const index = indexFeatures(data);
    const callouts = source.features.filter((f) => f.properties?.[CALLOUT_TAG] !== undefined);
    const expected = REPORT_LAYERS.flatMap(({ id, look }) =>
      look.kind === 'area' && look.callout
        ? data[id].features.map((f) => ({ f, callout: look.callout }))
        : [],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(callouts).toHaveLength(2 * expected.length);
    expect(source.features.slice(-callouts.length)).toEqual(callouts);
    for (const { f, callout } of expected) {
      const id = String(f.id);
      const anchor = index.get(id)?.anchor as [number, number];
      const at = [anchor[0] + (callout?.offset[0] ?? 0), anchor[1] + (callout?.offset[1] ?? 0)];
      const label = callouts.find((c) => c.properties?.id === id && c.properties?.[CALLOUT_TAG] === 'label');
      const leader = callouts.find(
        (c) => c.properties?.id === id && c.properties?.[CALLOUT_TAG] === 'leader',
      );
      expect(label?.properties).toMatchObject({
        layer: index.get(id)?.layer,
        label: labelWithSpan(String(f.properties?.label), featureInterval(f.properties)),
      });
      expect(label?.geometry).toEqual({ type: 'Point', coordinates: at.map((v) => expect.closeTo(v, 6)) });
      expect(leader?.geometry).toEqual({
        type: 'LineString',
        coordinates: [anchor, at.map((v) => expect.closeTo(v, 6))],
      });
    }
  });

  it('names the countries the report names, from its features, and no other', () => {
    expect(reportCountries(source)).toEqual(['COL', 'GTM', 'HND', 'MEX', 'USA']);
    const basemapOnly = {
      type: 'FeatureCollection' as const,
      features: source.features.slice(0, basemapCount),
    };
    expect(reportCountries(basemapOnly)).toEqual([]);
  });

  it('tags a feature with the file it came from, whatever its own `layer` says, and leaves the data as it was', () => {
    const first = REPORT_LAYERS[0] as (typeof REPORT_LAYERS)[number];
    const lying = structuredClone(data) as ReportData;
    const feature = (lying[first.id] as FeatureCollection).features[0];
    if (!feature?.properties) throw new Error('the first layer has no features');
    feature.properties.layer = 'something-else';
    const before = JSON.stringify(lying);
    const tagged = mapSourceData(basemap, lying, indexFeatures(lying)).features.find(
      (f) => f.properties?.id === String(feature.id),
    );
    expect(tagged?.properties?.layer).toBe(first.id);
    expect(JSON.stringify(lying)).toBe(before);
  });
});

describe('label and popup anchors', () => {
  const data = readReportLayers();

  it('are committed as geodata:layers writes them for the committed layers', () => {
    expect(readFileSync(`${LAYERS_DIR}/anchors.json`, 'utf8')).toBe(anchorsFile(data));
  });

  it("are taken from the table when they lie within the feature's bounds, and worked out otherwise", () => {
    const worked = indexFeatures(data).get('GT-AV');
    if (!worked) throw new Error('no Alta Verapaz feature');
    const [west, south] = worked.bounds;
    const corner = [west, south];
    expect(indexFeatures(data, { 'GT-AV': corner }).get('GT-AV')?.anchor).toEqual(corner);
    expect(indexFeatures(data, { 'GT-AV': [west - 1, south] }).get('GT-AV')?.anchor).toEqual(worked.anchor);
    expect(indexFeatures(data, { GTM: corner }).get('GT-AV')?.anchor).toEqual(worked.anchor);
    expect(worked.anchor).not.toEqual(corner);
  });
});
