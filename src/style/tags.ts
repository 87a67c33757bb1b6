import type { LayerSpecification } from 'maplibre-gl';
import { isReportLayerId, type LayerLook, type ReportLayerId } from '../layers/registry.ts';
import { theme } from '../theme.ts';

/** Style layers record which report layer they draw, so a toggle can find its whole group. */
export const LAYER_METADATA_KEY = 'report:layer';
/** Style layers a click can pick a feature from carry this metadata flag. */
export const CLICKABLE_METADATA_KEY = 'report:clickable';

/** The report layer a style layer draws, from the tag the style gives it; none for the basemap's. */
export function layerOf(layer: LayerSpecification): ReportLayerId | undefined {
  const id = (layer.metadata as Record<string, unknown> | undefined)?.[LAYER_METADATA_KEY];
  return typeof id === 'string' && isReportLayerId(id) ? id : undefined;
}

/** The style layer ids of each report layer, read from the tags the style gives them. */
export function layerGroups(layers: readonly LayerSpecification[]): Map<ReportLayerId, string[]> {
  const groups = new Map<ReportLayerId, string[]>();
  for (const layer of layers) {
    const id = layerOf(layer);
    if (id) groups.set(id, [...(groups.get(id) ?? []), layer.id]);
  }
  return groups;
}

export function tagged<T extends LayerSpecification>(id: ReportLayerId, layer: T, clickable = false): T {
  return {
    ...layer,
    metadata: { [LAYER_METADATA_KEY]: id, ...(clickable ? { [CLICKABLE_METADATA_KEY]: true } : {}) },
  };
}

/** The style layers a click can pick a report feature from. */
export function clickableLayers(layers: readonly LayerSpecification[]): string[] {
  return layers
    .filter((l) => (l.metadata as Record<string, unknown> | undefined)?.[CLICKABLE_METADATA_KEY] === true)
    .map((l) => l.id);
}

export const annotationPaint = {
  'text-color': theme.annotationText,
  'text-halo-color': theme.labelHalo,
  'text-halo-width': 1.8,
} as const;

export type Look<K extends LayerLook['kind']> = Extract<LayerLook, { kind: K }>;
