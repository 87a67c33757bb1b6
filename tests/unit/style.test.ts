import {
  createExpression,
  createPropertyExpression,
  validateStyleMin,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { readMapSource } from '../../scripts/io.ts';
import { REPORT_LAYERS, reportLayer } from '../../src/layers/registry.ts';
import { PLACE_MARKER } from '../../src/style/basemap.ts';
import { ARROWHEAD, pulseLayerIds } from '../../src/style/flows.ts';
import {
  BASEMAP_ATTRIBUTION,
  buildStyle,
  GEONAMES_ATTRIBUTION,
  GLYPHS_PATH,
  NATURAL_EARTH_ATTRIBUTION,
} from '../../src/style/index.ts';
import { MAP_SOURCE } from '../../src/style/source.ts';
import { clickableLayers, layerGroups, layerOf } from '../../src/style/tags.ts';
import { OPACITY, sharePrograms, TIME_STATE, UNCERTAIN_FILL_OPACITY } from '../../src/style/time.ts';
import { areaColour, theme } from '../../src/theme.ts';

const data: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { layer: 'countries' },
      geometry: { type: 'Point', coordinates: [0, 0] },
    },
  ],
};
const GLYPHS = 'http://localhost/app/glyphs/{fontstack}/{range}.pbf';
const style = buildStyle({ glyphs: GLYPHS, source: data });

/** A number paint property that may read the zoom, the feature and its state, as opacities do. */
const NUMBER_PAINT = {
  type: 'number',
  'property-type': 'data-driven',
  expression: { interpolated: true, parameters: ['zoom', 'feature', 'feature-state'] },
} as never;

/** A paint property as MapLibre compiles it: for any zoom, feature and feature state. */
function compiled(value: unknown, what: string) {
  const expression = createExpression(value, what, NUMBER_PAINT);
  if (expression.result !== 'success') throw new Error(`${what}: ${JSON.stringify(expression.value)}`);
  return expression.value;
}

/** A paint property's value for a feature in one time state, evaluated as MapLibre does. */
function opacityIn(
  layerId: string,
  property: string,
  state: string | undefined,
  layers: readonly LayerSpecification[] = style.layers,
): number {
  const layer = layers.find((l) => l.id === layerId);
  const value = (layer?.paint as Record<string, unknown> | undefined)?.[property];
  if (value === undefined) throw new Error(`${layerId} has no ${property}`);
  const feature = { type: 'Polygon', properties: {} } as never;
  return compiled(value, `${layerId} ${property}`).evaluate(
    { zoom: 4 },
    feature,
    state === undefined ? {} : { [TIME_STATE]: state },
  ) as number;
}

describe('the generated style', () => {
  it('passes the MapLibre style-spec validator with no errors', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('has unique layer ids, and every layer draws from a source the style declares', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const layer of style.layers) {
      if ('source' in layer) expect(Object.keys(style.sources)).toContain(layer.source);
    }
  });

  it('asks for glyphs from the template it is given, and declares no font file to rasterise', () => {
    expect(style.glyphs).toBe(GLYPHS);
    expect(GLYPHS.endsWith(GLYPHS_PATH)).toBe(true);
    expect(style['font-faces']).toBeUndefined();
    for (const layer of style.layers) {
      if (layer.type === 'symbol') expect(layer.layout?.['text-font']).toEqual(expect.any(Array));
    }
  });

  it('draws every text label above every fill and line, so nothing hides a label', () => {
    const isText = (l: LayerSpecification) => l.type === 'symbol' && l.layout?.['text-field'] !== undefined;
    const firstText = style.layers.findIndex(isText);
    const lastFillOrLine = style.layers.findLastIndex((l) => l.type === 'fill' || l.type === 'line');
    expect(firstText).toBeGreaterThan(lastFillOrLine);
  });

  it('tags style layers with the report layer they draw, and every report layer is drawn', () => {
    const tagged = style.layers.map(layerOf).filter((m) => m !== undefined);
    expect(new Set(tagged)).toEqual(new Set(REPORT_LAYERS.map((l) => l.id)));
    for (const layer of style.layers) {
      if (layerOf(layer) !== undefined) expect('source' in layer && layer.source).toBe(MAP_SOURCE);
    }
  });

  it('groups the style layers of each report layer, so one toggle reaches them all', () => {
    const groups = layerGroups(style.layers);
    expect([...groups.keys()].sort()).toEqual(REPORT_LAYERS.map((l) => l.id).sort());
    expect(groups.get('transit-flows')).toEqual(
      expect.arrayContaining(['transit-flows-route', 'transit-flows-arrows', 'transit-flows-labels']),
    );
    expect(groups.get('militarised-policing')).toEqual(
      expect.arrayContaining(['militarised-policing-fill', 'militarised-policing-label']),
    );
  });

  it('is generated from the registry: the first entry is drawn on top, as the legend lists it', () => {
    const at = (id: string) => style.layers.findIndex((l) => l.id === id);
    expect(at('alta-verapaz-fill')).toBeGreaterThan(at('militarised-policing-fill'));
    expect(at('alta-verapaz-outline')).toBeGreaterThan(at('militarised-policing-outline'));
    const flows = style.layers.filter((l) => layerOf(l) === 'transit-flows' && l.type !== 'symbol');
    expect(Math.min(...flows.map((l) => at(l.id)))).toBeGreaterThan(at('alta-verapaz-outline'));
    expect(style.layers[at('alta-verapaz-fill')]).toMatchObject({
      paint: { 'fill-color': areaColour({ fill: theme.altaVerapazFill, fillOpacity: 0.6 }) },
    });
  });

  it('tints the land under the borders: area fills sit between the land and the country borders', () => {
    const at = (id: string) => style.layers.findIndex((l) => l.id === id);
    for (const fill of ['militarised-policing-fill', 'alta-verapaz-fill']) {
      expect(at(fill)).toBeGreaterThan(at('countries-fill'));
      expect(at(fill)).toBeLessThan(at('departments-line'));
      expect(at(fill)).toBeLessThan(at('countries-line'));
    }
  });

  it('draws area fills opaque, in the colour the translucent fill shows over land', () => {
    // #0072b2 at 20% over #f3f0e8: 0.2·0x00 + 0.8·0xf3 = 194.4, 0.2·0x72 + 0.8·0xf0 = 214.8, 0.2·0xb2 + 0.8·0xe8 = 221.2
    expect(areaColour({ fill: '#0072b2', fillOpacity: 0.2 })).toBe('#c2d7dd');
    expect(areaColour({ fill: '#0072b2', fillOpacity: 1 })).toBe('#0072b2');
    expect(areaColour({ fill: '#0072b2', fillOpacity: 0 })).toBe(theme.land);
    for (const layer of style.layers.filter((l) => l.type === 'fill')) {
      // A report area is opaque in force, and with no time state yet (src/style/time.ts).
      const opacity = layer.paint?.['fill-opacity'] ?? 1;
      expect(opacity === 1 || opacityIn(layer.id, 'fill-opacity', undefined) === 1, layer.id).toBe(true);
      expect(String(layer.paint?.['fill-color'])).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('draws each area by its time state: tint, lighter and dashed, outline only, or nothing', () => {
    const drawn = (state: string | undefined) =>
      ['alta-verapaz', 'militarised-policing'].map((id) => ({
        fill: opacityIn(`${id}-fill`, 'fill-opacity', state),
        solid: opacityIn(`${id}-outline`, 'line-opacity', state),
        dashed: opacityIn(`${id}-outline-uncertain`, 'line-opacity', state),
        label: opacityIn(`${id}-label`, 'text-opacity', state),
      }));
    const both = (look: Record<string, number>) => [look, look];
    expect(drawn(undefined)).toEqual(both({ fill: 1, solid: 1, dashed: 0, label: 1 }));
    expect(drawn('in-force')).toEqual(both({ fill: 1, solid: 1, dashed: 0, label: 1 }));
    expect(drawn('uncertain')).toEqual(both({ fill: UNCERTAIN_FILL_OPACITY, solid: 0, dashed: 1, label: 1 }));
    expect(drawn('ended')).toEqual(both({ fill: 0, solid: 1, dashed: 0, label: 1 }));
    expect(drawn('not-yet')).toEqual(both({ fill: 0, solid: 0, dashed: 0, label: 0 }));
    expect(opacityIn('alta-verapaz-callout-label', 'text-opacity', 'not-yet')).toBe(0);
    expect(opacityIn('alta-verapaz-callout-leader', 'line-opacity', 'not-yet')).toBe(0);
    expect(opacityIn('alta-verapaz-callout-label', 'text-opacity', 'ended')).toBe(1);
  });

  it('gives every text layer one constant colour (a data-driven colour costs a second text shader)', () => {
    const colourOf = (id: string) => {
      const layer = style.layers.find((l) => l.id === id);
      return layer?.type === 'symbol' ? layer.paint?.['text-color'] : undefined;
    };
    const text = style.layers.filter((l) => l.type === 'symbol' && l.layout?.['text-field'] !== undefined);
    expect(text.length).toBeGreaterThan(0);
    for (const layer of text) expect(String(colourOf(layer.id))).toMatch(/^#[0-9a-f]{6}$/);
    expect(colourOf('transit-flows-labels')).toBe(theme.transitFlowText);
    expect(colourOf('transit-flows-displacement-labels')).toBe(theme.displacement);
  });

  it('lets clicks pick features from the fills and the flow lines only', () => {
    expect(clickableLayers(style.layers).sort()).toEqual(
      [
        'alta-verapaz-fill',
        'militarised-policing-fill',
        'transit-flows-displacement',
        'transit-flows-route',
      ].sort(),
    );
  });

  it('names the moving highlight and the arrowheads of each flows layer, and nothing else', () => {
    expect(pulseLayerIds()).toEqual(['transit-flows-pulse']);
    expect(style.layers.map((l) => l.id)).toContain('transit-flows-pulse');
    // Hidden until the first idle, when src/map/flow-animation.ts shows it.
    expect(style.layers.find((l) => l.id === 'transit-flows-pulse')?.paint).toMatchObject({
      'line-opacity': 0,
    });
  });

  it("draws each flow type's arrowheads as a chevron that keeps its direction, in the flow type's colour", () => {
    const arrows = (id: string) => style.layers.find((l) => l.id === id) as SymbolLayerSpecification;
    for (const [id, colour] of [
      ['transit-flows-arrows', theme.transitFlow],
      ['transit-flows-displacement-arrows', theme.displacement],
    ] as const) {
      expect(arrows(id).layout).toMatchObject({
        'symbol-placement': 'line',
        'text-field': ARROWHEAD,
        'text-keep-upright': false,
      });
      expect(arrows(id).paint?.['text-color']).toBe(colour);
    }
    // No icon layer is left to need an image or the icon shader.
    expect(style.layers.some((l) => l.type === 'symbol' && l.layout?.['icon-image'] !== undefined)).toBe(
      false,
    );
  });

  it("gives tiles a buffer well past the widest line yet far below MapLibre's default of 128 px", () => {
    // A width is a number or a zoom curve, ['interpolate', curve, ['zoom'], zoom, width, …].
    const widths = (value: unknown): number[] =>
      typeof value === 'number'
        ? [value]
        : Array.isArray(value) && value[0] === 'interpolate'
          ? value
              .slice(4)
              .filter((_, i) => i % 2 === 0)
              .flatMap(widths)
          : [];
    const widest = Math.max(
      ...style.layers.flatMap((l) => (l.type === 'line' ? widths(l.paint?.['line-width']) : [])),
    );
    const { buffer } = style.sources[MAP_SOURCE] as { buffer?: number };
    expect(widest).toBe(6.5);
    expect(buffer).toBeGreaterThanOrEqual(4 * widest);
    expect(buffer).toBeLessThan(128);
  });

  it('draws everything from one source, which credits Natural Earth and GeoNames (the control credits the report)', () => {
    expect(Object.keys(style.sources)).toEqual([MAP_SOURCE]);
    const { attribution } = style.sources[MAP_SOURCE] as { attribution: string };
    expect(attribution).toBe(BASEMAP_ATTRIBUTION);
    expect(attribution).toContain(NATURAL_EARTH_ATTRIBUTION);
    expect(attribution).toContain(GEONAMES_ATTRIBUTION);
    // CC BY 4.0: the credit, and a link to the licence.
    expect(GEONAMES_ATTRIBUTION).toMatch(/href="https:\/\/www\.geonames\.org\/">GeoNames</);
    expect(GEONAMES_ATTRIBUTION).toContain('https://creativecommons.org/licenses/by/4.0/');
    for (const layer of style.layers) expect(layer).toMatchObject({ source: MAP_SOURCE });
  });

  it('starts its source with the data it is given, so MapLibre tiles the map once', () => {
    expect(style.sources[MAP_SOURCE]).toMatchObject({ type: 'geojson', data });
  });

  it('joins polygon outlines with the default miter: a round join triples the vertices of the busiest layer', () => {
    const outlines = style.layers.filter(
      (l) => l.type === 'line' && (l.id === 'countries-line' || l.id.endsWith('-outline')),
    );
    expect(outlines.map((l) => l.id)).toContain('countries-line');
    expect(outlines.length).toBe(1 + REPORT_LAYERS.filter(({ look }) => look.kind === 'area').length);
    for (const layer of outlines) expect(layer.layout?.['line-join' as never]).toBeUndefined();
  });

  it('hides exactly the layers it is asked to, from the first frame', () => {
    const hidden = buildStyle({ glyphs: GLYPHS, source: data, hidden: new Set(['alta-verapaz'] as const) });
    const visibility = (l: LayerSpecification) =>
      (l.layout as { visibility?: string } | undefined)?.visibility;
    const none = hidden.layers.filter((l) => visibility(l) === 'none').map((l) => l.id);
    expect(none.sort()).toEqual([...(layerGroups(style.layers).get('alta-verapaz') ?? [])].sort());
    expect(none.length).toBeGreaterThan(0);
    expect(style.layers.filter((l) => visibility(l) === 'none')).toEqual([]);
    expect(validateStyleMin(hidden)).toEqual([]);
  });

  it('places labels in the order of who gives way: callouts never, the departments first', () => {
    // MapLibre places symbols from the top layer down; a later one that would overlap is left out.
    const placement = style.layers
      .filter((l) => l.type === 'symbol' && !l.id.endsWith('-arrows'))
      .map((l) => l.id)
      .reverse();
    expect(placement).toEqual([
      'alta-verapaz-callout-label',
      'country-labels',
      'department-capital-labels',
      'alta-verapaz-label',
      'militarised-policing-label',
      'capital-labels',
      'transit-flows-displacement-labels',
      'transit-flows-labels',
      'other-country-labels',
      'department-labels',
    ]);
  });

  it('splits the country names by whether the report names the country, by ISO code', () => {
    const named = buildStyle({ glyphs: GLYPHS, source: readMapSource() });
    const filterOf = (id: string) =>
      JSON.stringify((named.layers.find((l) => l.id === id) as SymbolLayerSpecification).filter);
    const codes = '["literal",["COL","GTM","HND","MEX","USA"]]';
    expect(filterOf('country-labels')).toContain(`["in",["get","iso_a3"],${codes}]`);
    expect(filterOf('other-country-labels')).toContain(`["!",["in",["get","iso_a3"],${codes}]]`);
  });

  it("gives Alta Verapaz a callout below the zoom where its own label takes over, its leader under the area's fill", () => {
    const at = (id: string) => style.layers.findIndex((l) => l.id === id);
    const layer = (id: string) => style.layers[at(id)];
    const { callout } = reportLayer('alta-verapaz').look as { callout: { maxzoom: number } };
    expect(layer('alta-verapaz-callout-leader')).toMatchObject({ type: 'line', maxzoom: callout.maxzoom });
    expect(layer('alta-verapaz-callout-label')).toMatchObject({ type: 'symbol', maxzoom: callout.maxzoom });
    expect(layer('alta-verapaz-label')).toMatchObject({ minzoom: callout.maxzoom });
    // Over the other areas' tints, so it shows on land and sea, and stopped at its own area's edge.
    expect(at('alta-verapaz-callout-leader')).toBeGreaterThan(at('militarised-policing-fill'));
    expect(at('alta-verapaz-callout-leader')).toBe(at('alta-verapaz-fill') - 1);
    expect(layerGroups(style.layers).get('alta-verapaz')).toEqual(
      expect.arrayContaining(['alta-verapaz-callout-leader', 'alta-verapaz-callout-label']),
    );
    // Never clickable: it is decoration, not a feature.
    expect(clickableLayers(style.layers).filter((id) => id.includes('callout'))).toEqual([]);
  });

  it('marks each place with a bullet that starts its label, drawn by the text shader from the places file', () => {
    for (const id of ['capital-labels', 'department-capital-labels']) {
      const layer = style.layers.find((l) => l.id === id) as SymbolLayerSpecification;
      expect(JSON.stringify(layer.filter)).toContain('["==",["get","layer"],"places"]');
      expect(layer.layout?.['text-field']).toEqual(expect.arrayContaining(['format', PLACE_MARKER]));
      expect(layer.layout?.['text-anchor']).toBe('left');
      expect(layer.layout?.['icon-image']).toBeUndefined();
    }
  });

  it('matches the reviewed golden copy (npm run goldens rewrites it; review the diff)', async () => {
    const source = readMapSource();
    const golden = buildStyle({ glyphs: GLYPHS_PATH, source });
    // The data is golden in geodata/ already; here it stands as a count, so the file shows the style.
    const { data: _data, ...options } = golden.sources[MAP_SOURCE] as { data: unknown };
    const text = JSON.stringify(
      { ...golden, sources: { [MAP_SOURCE]: { ...options, data: `${source.features.length} features` } } },
      null,
      2,
    );
    await expect(`${text}\n`).toMatchFileSnapshot('../golden/style.json');
  });
});

describe('the style the map is given: one shader program per kind of layer', () => {
  const shared = sharePrograms(style.layers);
  const opacityOf = (layer: LayerSpecification) => OPACITY[layer.type as keyof typeof OPACITY];
  const drawn = style.layers.filter((l) => l.type in OPACITY);
  const kind = (layer: LayerSpecification) => {
    const property = opacityOf(layer);
    const value = (layer.paint as Record<string, unknown> | undefined)?.[property] ?? 1;
    // A number is constant to MapLibre; an expression compiles to its kind (`source` reads the feature).
    if (typeof value === 'number') return 'constant';
    const expression = createPropertyExpression(value, property, NUMBER_PAINT);
    if (expression.result !== 'success') throw new Error(`${layer.id} ${property}`);
    return expression.value.kind;
  };

  it('reads every opacity per feature, as the dated layers do, but the moving highlight', () => {
    const perFeature = shared.filter((l) => l.type in OPACITY && kind(l) !== 'constant');
    expect(perFeature.map((l) => l.id)).toEqual(
      drawn.map((l) => l.id).filter((id) => !pulseLayerIds().includes(id)),
    );
    // The plain style, which the SVG picture reads, keeps its numbers.
    expect(drawn.filter((l) => kind(l) === 'constant').length).toBeGreaterThan(5);
  });

  it('draws every layer as the plain style does, in every time state', () => {
    for (const layer of drawn) {
      const property = opacityOf(layer);
      for (const state of [undefined, 'in-force', 'uncertain', 'ended', 'not-yet']) {
        const plain =
          (layer.paint as Record<string, unknown> | undefined)?.[property] === undefined
            ? 1
            : opacityIn(layer.id, property, state);
        expect(opacityIn(layer.id, property, state, shared), `${layer.id} ${state}`).toBe(plain);
      }
    }
  });

  it('changes nothing but the opacities', () => {
    const strip = (l: LayerSpecification) => {
      const paint = { ...((l.paint ?? {}) as Record<string, unknown>) };
      delete paint[opacityOf(l)];
      return { ...l, paint };
    };
    expect(shared.map(strip)).toEqual(style.layers.map(strip));
  });
});
