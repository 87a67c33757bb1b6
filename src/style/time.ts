import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { TimeState } from '../data/time.ts';

/**
 * The feature-state key that holds a report feature's state on the timeline's date (src/map/time.ts
 * sets it). Feature state is applied in the main thread at the next frame; a filter or global state
 * would re-tile the map's one source in its worker at every change of date.
 */
export const TIME_STATE = 'time';

/** How much of its tint an area keeps while its date is uncertain: a lighter version of itself. */
export const UNCERTAIN_FILL_OPACITY = 0.35;

type Drawn = Exclude<TimeState, 'undated'>;
/** A feature with no state (before the timeline sets one, and every undated one) counts as in force. */
const state = ['coalesce', ['feature-state', TIME_STATE], 'in-force'] as ExpressionSpecification;
const when = (states: Drawn | Drawn[], then: number, otherwise: number) =>
  ['match', state, states, then, otherwise] as ExpressionSpecification;

/** Fills: whole in force, lighter while the date is uncertain, gone once ended (the outline stays). */
export const FILL_OPACITY = [
  'match',
  state,
  'in-force',
  1,
  'uncertain',
  UNCERTAIN_FILL_OPACITY,
  0,
] as ExpressionSpecification;
/** The solid outline: in force and ended; a dashed one stands for it while the date is uncertain. */
export const SOLID_OUTLINE_OPACITY = when(['in-force', 'ended'], 1, 0);
export const DASHED_OUTLINE_OPACITY = when('uncertain', 1, 0);
/** Labels and leaders: at every date but before the feature's start. */
export const ANNOTATION_OPACITY = when('not-yet', 0, 1);

/** The opacity each layer type reads; the style draws no icons. */
export const OPACITY = { fill: 'fill-opacity', line: 'line-opacity', symbol: 'text-opacity' } as const;

/**
 * The same drawing, each constant opacity read through the feature's time state as the dated layers'
 * opacities are, to the same value at every state. MapLibre compiles a shader program for each layer
 * type and each set of paint properties it reads per feature: this way the basemap's and the flows'
 * layers share the dated layers' programs, four compiles fewer before the first view
 * (docs/PERFORMANCE.md). For the map only: the SVG picture reads the plain style's numbers. The
 * route's moving highlight keeps its own gradient program and its opacity, which the map sets.
 */
export function sharePrograms(layers: readonly LayerSpecification[]): LayerSpecification[] {
  return layers.map((layer) => {
    if (!(layer.type in OPACITY)) return layer;
    const key = OPACITY[layer.type as keyof typeof OPACITY];
    const paint = (layer.paint ?? {}) as Record<string, unknown>;
    const value = paint[key] ?? 1;
    if (typeof value !== 'number' || 'line-gradient' in paint) return layer;
    return { ...layer, paint: { ...paint, [key]: when('not-yet', value, value) } } as LayerSpecification;
  });
}
