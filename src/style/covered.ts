import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { basemapLabels } from './basemap.ts';

/**
 * The feature-state key set on a basemap name that one of the map's controls covers while the map
 * rests (src/map/covered-labels.ts): a name half under a button reads as a fragment.
 */
export const COVERED_STATE = 'covered';

/** The basemap's name layers: their features carry ids of their own (src/style/source.ts). */
export const BASEMAP_LABEL_LAYERS: readonly string[] = Object.values(basemapLabels()).map(
  (layer) => layer.id,
);

const covered: ExpressionSpecification = ['boolean', ['feature-state', COVERED_STATE], false];

/**
 * The basemap's names hidden where the covered state is set, for the map only (pictures and print
 * have no controls over them). The report's labels are not: the default view keeps them clear of the
 * controls (src/map/fit.ts), and their feature states are shared by every part of a feature.
 */
export function hideCovered(layers: readonly LayerSpecification[]): LayerSpecification[] {
  return layers.map((layer) => {
    if (layer.type !== 'symbol' || !BASEMAP_LABEL_LAYERS.includes(layer.id)) return layer;
    const opacity = layer.paint?.['text-opacity'] ?? 1;
    return {
      ...layer,
      paint: { ...layer.paint, 'text-opacity': ['case', covered, 0, opacity] as ExpressionSpecification },
    };
  });
}
