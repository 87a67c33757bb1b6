import { createExpression, featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Geometry } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';

/** MapLibre's numeric geometry types, which the style's `geometry-type` filters read. */
const GEOMETRY_TYPE: Record<Geometry['type'], number> = {
  Point: 1,
  MultiPoint: 1,
  LineString: 2,
  MultiLineString: 2,
  Polygon: 3,
  MultiPolygon: 3,
  GeometryCollection: 0,
};

/** A layout value as a function of a feature's properties. */
function compile(expression: unknown): (properties: Record<string, unknown>) => unknown {
  const parsed = createExpression(expression, 'map-text');
  if (parsed.result !== 'success') throw new Error(`Cannot evaluate ${JSON.stringify(expression)}`);
  const { value } = parsed;
  return (properties) => value.evaluate({ zoom: 0 }, { type: 1, properties } as never);
}

/**
 * Every character each font of the style can be asked to draw from `data`, at any zoom: each symbol
 * layer's `text-field` evaluated for every feature its filter lets through, after its
 * `text-transform`. Fonts are the `text-font` stacks as MapLibre names them (joined by commas).
 */
export function mapCharacters(style: StyleSpecification, data: FeatureCollection): Map<string, Set<string>> {
  const byFont = new Map<string, Set<string>>();
  for (const layer of style.layers) {
    if (layer.type !== 'symbol' || layer.layout?.['text-field'] === undefined) continue;
    const font = (layer.layout['text-font'] ?? ['Open Sans Regular', 'Arial Unicode MS Regular']) as string[];
    const chars = byFont.get(font.join(',')) ?? new Set<string>();
    byFont.set(font.join(','), chars);
    const filter = featureFilter(layer.filter, 'map-text');
    const textField = compile(layer.layout['text-field']);
    const textTransform = compile(layer.layout['text-transform'] ?? 'none');
    for (const feature of data.features) {
      const tile = {
        type: feature.geometry ? GEOMETRY_TYPE[feature.geometry.type] : 0,
        properties: feature.properties ?? {},
      };
      if (!filter.filter({ zoom: 0 }, tile as never)) continue;
      const value = textField(tile.properties);
      const transform = textTransform(tile.properties);
      let text = value === null || value === undefined ? '' : String(value);
      if (transform === 'uppercase') text = text.toLocaleUpperCase();
      if (transform === 'lowercase') text = text.toLocaleLowerCase();
      for (const char of text) chars.add(char);
    }
  }
  return byFont;
}
