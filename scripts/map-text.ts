import {
  expression,
  featureFilter,
  latest,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
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

/** Every zoom a map can show: text or filters may depend on it. */
const ZOOMS = Array.from({ length: 25 }, (_, z) => z);

type LayoutSpec = Record<string, StylePropertySpecification & { default?: unknown }>;
const SYMBOL_LAYOUT = (latest as unknown as { layout_symbol: LayoutSpec }).layout_symbol;

/** A symbol layout property as MapLibre evaluates it (text fields become formatted text). */
function compile(key: string, value: unknown): (zoom: number, feature: object) => unknown {
  const spec = SYMBOL_LAYOUT[key] as StylePropertySpecification;
  const parsed = expression.createPropertyExpression(value ?? spec.default, 'map-text', spec);
  if (parsed.result !== 'success') throw new Error(`Cannot evaluate ${key} ${JSON.stringify(value)}`);
  const { value: compiled } = parsed;
  return (zoom, feature) => compiled.evaluate({ zoom }, feature as never);
}

/** A Spanish column: `<key>_es`, the project's Spanish for `<key>`. */
const SPANISH = /^(.+)_es$/;

/**
 * The collection with each `<key>_es` text in place of its `<key>`: the words the map shows in
 * Spanish, in the fields, and so the fonts and transforms, the English labels use.
 */
export function inSpanish(data: FeatureCollection): FeatureCollection {
  return {
    ...data,
    features: data.features.map((feature) => {
      const properties = { ...feature.properties };
      for (const [key, value] of Object.entries(feature.properties ?? {})) {
        const english = SPANISH.exec(key)?.[1];
        if (english !== undefined && typeof value === 'string') properties[english] = value;
      }
      return { ...feature, properties };
    }),
  };
}

/** The characters of several `mapCharacters` results, by font. */
export function mergeCharacters(
  ...found: ReadonlyMap<string, ReadonlySet<string>>[]
): Map<string, Set<string>> {
  const byFont = new Map<string, Set<string>>();
  for (const map of found) {
    for (const [font, chars] of map) byFont.set(font, new Set([...(byFont.get(font) ?? []), ...chars]));
  }
  return byFont;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const LINE_BREAKS = new Set(['\n', '\r', '\r\n']);

/**
 * Every character each font of the style can be asked to draw from `data`, at any zoom: each symbol
 * layer's `text-field` evaluated for every feature its filter lets through, after its
 * `text-transform`. Fonts are the `text-font` stacks as MapLibre names them (joined by commas).
 * Throws on a character made of several code points (a letter and a combining accent): MapLibre
 * draws those itself on the page whatever the glyph files hold, so the data should be precomposed.
 */
export function mapCharacters(style: StyleSpecification, data: FeatureCollection): Map<string, Set<string>> {
  const byFont = new Map<string, Set<string>>();
  for (const layer of style.layers) {
    if (layer.type !== 'symbol' || layer.layout?.['text-field'] === undefined) continue;
    const font = (layer.layout['text-font'] ?? SYMBOL_LAYOUT['text-font']?.default) as string[];
    const chars = byFont.get(font.join(',')) ?? new Set<string>();
    byFont.set(font.join(','), chars);
    const filter = featureFilter(layer.filter, 'map-text');
    const textField = compile('text-field', layer.layout['text-field']);
    const textTransform = compile('text-transform', layer.layout['text-transform']);
    for (const feature of data.features) {
      const tile = {
        type: feature.geometry ? GEOMETRY_TYPE[feature.geometry.type] : 0,
        properties: feature.properties ?? {},
      };
      for (const zoom of ZOOMS) {
        if (!filter.filter({ zoom }, tile as never)) continue;
        const value = textField(zoom, tile);
        const transform = textTransform(zoom, tile);
        let text = value === null || value === undefined ? '' : String(value);
        if (transform === 'uppercase') text = text.toLocaleUpperCase();
        if (transform === 'lowercase') text = text.toLocaleLowerCase();
        for (const { segment } of graphemes.segment(text)) {
          // MapLibre breaks the line there and draws nothing.
          if (LINE_BREAKS.has(segment)) continue;
          if ([...segment].length > 1)
            throw new Error(
              `"${text}" (layer ${layer.id}) has ${JSON.stringify(segment)}, several code points`,
            );
          chars.add(segment);
        }
      }
    }
  }
  return byFont;
}
