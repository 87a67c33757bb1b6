import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/index.ts';
import { YourDataLayers } from '../../src/map/your-data-layers.ts';
import { LOOK, OWN_COLOUR } from '../../src/picture/your-legend.ts';
import type { YourData } from '../../src/your-data/types.ts';

/**
 * The pictures draw the reader's files from their data, with the looks written out in
 * src/picture/your-legend.ts; the map draws them with src/map/your-data-layers.ts's style. Here the
 * map's layers are made on a stand-in map and read back, so a change to one that the other does not
 * follow fails.
 */
function mapLayers(points: number) {
  const sources = new Map<string, Record<string, unknown>>();
  const layers: LayerSpecification[] = [];
  const map = {
    on: () => ({ unsubscribe() {} }),
    addSource: (id: string, spec: Record<string, unknown>) => sources.set(id, spec),
    addLayer: (spec: LayerSpecification) => layers.push(spec),
    getLayer: () => undefined,
    getSource: () => undefined,
    setFeatureState: () => {},
  };
  const data: YourData = {
    ok: true,
    tiles: 'key',
    file: 'f.geojson',
    format: 'geojson',
    features: Array.from({ length: points }, (_, id) => ({
      type: 'Feature' as const,
      id,
      properties: {},
      geometry: { type: 'Point' as const, coordinates: [-90, 15] },
    })),
    columns: [],
    skipped: [],
    questions: [],
    problems: [],
  };
  new YourDataLayers(map as unknown as MapLibreMap, {
    beforeId: undefined,
    reportClickable: [],
    date: '2012-01-15',
    t: en,
  }).add({ id: 'f', name: 'f.geojson', colour: '#123456', data, visible: true });
  const paint = (part: string) =>
    (layers.find((l) => l.id === `your-data-f-${part}`) as { paint: Record<string, unknown> }).paint;
  const layout = (part: string) =>
    (layers.find((l) => l.id === `your-data-f-${part}`) as { layout: Record<string, unknown> }).layout;
  return { source: sources.get('your-data-f') ?? {}, paint, layout };
}

/** MapLibre's `to-color` over a feature's own colours, then the file's, as the map writes it. */
const own = (part: keyof typeof OWN_COLOUR) => [
  'to-color',
  ...OWN_COLOUR[part].map((p) => ['get', p]),
  '#123456',
];
/** A look in force, uncertain and not yet, as the map's `match` on the feature's time state. */
const byState = ([shown, uncertain]: readonly [number, number]) => [
  'match',
  ['coalesce', ['feature-state', 'time'], 'in-force'],
  'not-yet',
  0,
  'uncertain',
  uncertain,
  shown,
];

describe("the pictures draw the reader's files as the map does", () => {
  it('with the same colours, widths and opacities', () => {
    const { paint } = mapLayers(3);
    expect(paint('fill')).toEqual({ 'fill-color': own('area'), 'fill-opacity': byState(LOOK.fillOpacity) });
    expect(paint('outline')).toEqual({
      'line-color': own('outline'),
      'line-width': LOOK.outline.width,
      'line-opacity': byState(LOOK.outline.opacity),
    });
    expect(paint('line')).toEqual({
      'line-color': own('line'),
      'line-width': LOOK.line.width,
      'line-opacity': byState(LOOK.line.opacity),
    });
    expect(paint('point')).toEqual({
      'circle-color': own('point'),
      'circle-radius': LOOK.point.radius,
      'circle-stroke-color': LOOK.point.stroke,
      'circle-stroke-width': LOOK.point.strokeWidth,
      'circle-opacity': byState(LOOK.point.opacity),
      'circle-stroke-opacity': byState(LOOK.point.opacity),
    });
  });

  it('with the same cluster bubbles and counts (the tile worker clusters as LOOK.cluster says: tiles.test.ts)', () => {
    const { source, paint, layout } = mapLayers(3);
    expect(source).toMatchObject({ type: 'vector', maxzoom: 18 });
    const [[, first = 0], ...steps] = LOOK.cluster.radius;
    expect(paint('cluster')).toEqual({
      'circle-color': '#123456',
      'circle-radius': ['step', ['get', 'point_count'], first, ...steps.flat()],
      'circle-stroke-color': LOOK.point.stroke,
      'circle-stroke-width': LOOK.cluster.strokeWidth,
    });
    expect(layout('count')).toMatchObject({
      'text-field': ['get', 'point_count_abbreviated'],
      'text-size': LOOK.cluster.textSize,
    });
    expect(paint('count')).toEqual({ 'text-color': '#ffffff' });
  });
});
