import type { LayerSpecification } from 'maplibre-gl';
import { buildStyle } from '../style/index.ts';

/**
 * The map style's own numbers and colours at one zoom, read from the style the map is given: the
 * SVG then draws each line as wide, each dash as long and each label as large as the map does, and
 * follows any change to src/style/ without a copy of its values. Only what the style uses is
 * understood: literals and linear interpolation on zoom.
 */

let style: Map<string, LayerSpecification> | undefined;

function styleLayers(): Map<string, LayerSpecification> {
  style ??= new Map(
    buildStyle({ glyphs: '', source: { type: 'FeatureCollection', features: [] } }).layers.map((l) => [
      l.id,
      l,
    ]),
  );
  return style;
}

function interpolate(value: unknown, zoom: number): unknown {
  if (!Array.isArray(value) || value[0] !== 'interpolate') return value;
  const [, kind, input, ...stops] = value as [string, unknown[], unknown[], ...number[]];
  if (kind?.[0] !== 'linear' || input?.[0] !== 'zoom')
    throw new Error(`The SVG picture reads only linear zoom interpolation, not ${JSON.stringify(value)}`);
  const pairs: [number, number][] = [];
  for (let i = 0; i < stops.length; i += 2) pairs.push([stops[i] as number, stops[i + 1] as number]);
  const [first, ...rest] = pairs;
  if (!first) throw new Error('An interpolation with no stops');
  if (zoom <= first[0]) return first[1];
  let previous = first;
  for (const stop of rest) {
    if (zoom <= stop[0]) {
      const t = (zoom - previous[0]) / (stop[0] - previous[0]);
      return previous[1] + t * (stop[1] - previous[1]);
    }
    previous = stop;
  }
  return previous[1];
}

export class StyleAt {
  constructor(readonly zoom: number) {}

  layer(id: string): LayerSpecification {
    const layer = styleLayers().get(id);
    if (!layer) throw new Error(`The map style has no layer ${id} for the SVG picture to follow`);
    return layer;
  }

  /** Whether the map shows the layer at this zoom (its minzoom and maxzoom). */
  shown(id: string): boolean {
    const { minzoom = 0, maxzoom = 24 } = this.layer(id);
    return this.zoom >= minzoom && this.zoom < maxzoom;
  }

  /** A paint or layout property, evaluated at the zoom; `fallback` is MapLibre's default. */
  value<T>(id: string, key: string, fallback?: T): T {
    const layer = this.layer(id) as { paint?: Record<string, unknown>; layout?: Record<string, unknown> };
    const raw = layer.paint?.[key] ?? layer.layout?.[key];
    if (raw === undefined) {
      if (fallback === undefined) throw new Error(`Style layer ${id} has no ${key}`);
      return fallback;
    }
    return interpolate(raw, this.zoom) as T;
  }

  number(id: string, key: string, fallback?: number): number {
    const value = this.value<unknown>(id, key, fallback);
    if (typeof value !== 'number') throw new Error(`Style layer ${id}: ${key} is not a number here`);
    return value;
  }

  /** Whether the layer's first font is a bold one. */
  bold(id: string): boolean {
    return this.value<string[]>(id, 'text-font').some((font) => /Bold/.test(font));
  }
}
