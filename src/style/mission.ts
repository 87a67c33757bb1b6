import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import {
  ALTA_VERAPAZ,
  MILITARISED_POLICING,
  type MissionLayerId,
  TRANSIT_FLOWS,
} from '../layers/registry.ts';
import { pulseGradient } from './pulse.ts';
import { FONT_BOLD, FONT_REGULAR, theme } from './theme.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Style layers record which mission layer they draw, so a toggle can find its whole group. */
export const MISSION_METADATA_KEY = 'mission:layer';
/** Label points of the mission polygons (one per feature, inside it), derived in the page. */
export const MISSION_LABELS_SOURCE = 'mission-labels';
/** The moving highlight over the cocaine route; src/map/flow-animation.ts moves its gradient. */
export const FLOW_PULSE_LAYER = 'transit-flows-pulse';

const isDisplacement: ExpressionSpecification = ['==', ['get', 'flow_type'], 'displacement'];
const isRoute: ExpressionSpecification = ['==', ['get', 'flow_type'], 'route'];

export function missionSources(): Record<string, SourceSpecification> {
  const source = (id: MissionLayerId): SourceSpecification => ({
    type: 'geojson',
    data: EMPTY,
    attribution: 'BBC News, 15 January 2012',
    // `line-progress` for the moving highlight along the routes.
    ...(id === TRANSIT_FLOWS ? { lineMetrics: true } : {}),
  });
  return {
    [MILITARISED_POLICING]: source(MILITARISED_POLICING),
    [ALTA_VERAPAZ]: source(ALTA_VERAPAZ),
    [TRANSIT_FLOWS]: source(TRANSIT_FLOWS),
    [MISSION_LABELS_SOURCE]: { type: 'geojson', data: EMPTY, attribution: 'BBC News, 15 January 2012' },
  };
}

/** The style layer ids of each mission layer, read from the tags the style gives them. */
export function missionGroups(layers: readonly LayerSpecification[]): Map<MissionLayerId, string[]> {
  const groups = new Map<MissionLayerId, string[]>();
  for (const layer of layers) {
    const mission = (layer.metadata as Record<string, unknown> | undefined)?.[MISSION_METADATA_KEY];
    if (typeof mission !== 'string') continue;
    const id = mission as MissionLayerId;
    groups.set(id, [...(groups.get(id) ?? []), layer.id]);
  }
  return groups;
}

function tagged<T extends LayerSpecification>(mission: MissionLayerId, layer: T): T {
  return { ...layer, metadata: { [MISSION_METADATA_KEY]: mission } };
}

const annotationPaint = {
  'text-color': theme.annotationText,
  'text-halo-color': theme.labelHalo,
  'text-halo-width': 1.8,
} as const;

/** Fills and lines, drawn between the basemap's borders and its labels. */
export function missionLayers(): LayerSpecification[] {
  return [
    tagged(MILITARISED_POLICING, {
      id: 'militarised-policing-fill',
      type: 'fill',
      source: MILITARISED_POLICING,
      paint: { 'fill-color': theme.militarisedFill, 'fill-opacity': 0.2 },
    }),
    tagged(MILITARISED_POLICING, {
      id: 'militarised-policing-outline',
      type: 'line',
      source: MILITARISED_POLICING,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.militarisedOutline, 'line-width': 1.6 },
    }),
    tagged(ALTA_VERAPAZ, {
      id: 'alta-verapaz-fill',
      type: 'fill',
      source: ALTA_VERAPAZ,
      paint: { 'fill-color': theme.altaVerapazFill, 'fill-opacity': 0.6 },
    }),
    tagged(ALTA_VERAPAZ, {
      id: 'alta-verapaz-outline',
      type: 'line',
      source: ALTA_VERAPAZ,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': theme.altaVerapazOutline,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.5, 8, 3],
      },
    }),
    tagged(TRANSIT_FLOWS, {
      id: 'transit-flows-casing',
      type: 'line',
      source: TRANSIT_FLOWS,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': theme.labelHalo, 'line-width': 6.5, 'line-opacity': 0.85 },
    }),
    tagged(TRANSIT_FLOWS, {
      id: 'transit-flows-route',
      type: 'line',
      source: TRANSIT_FLOWS,
      filter: isRoute,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': theme.transitFlow, 'line-width': 4 },
    }),
    tagged(TRANSIT_FLOWS, {
      id: FLOW_PULSE_LAYER,
      type: 'line',
      source: TRANSIT_FLOWS,
      filter: isRoute,
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: { 'line-width': 2, 'line-gradient': pulseGradient(0) },
    }),
    tagged(TRANSIT_FLOWS, {
      id: 'transit-flows-displacement',
      type: 'line',
      source: TRANSIT_FLOWS,
      filter: isDisplacement,
      paint: { 'line-color': theme.displacement, 'line-width': 3.5, 'line-dasharray': [2, 1.2] },
    }),
    tagged(TRANSIT_FLOWS, {
      id: 'transit-flows-arrows',
      type: 'symbol',
      source: TRANSIT_FLOWS,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 90,
        'icon-image': ['concat', 'arrow-', ['get', 'flow_type']],
        'icon-size': 1,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-rotation-alignment': 'map',
      },
    }),
  ];
}

/** Annotations from the layers' `label` property, drawn with the basemap labels, above every fill and line. */
export function missionLabelLayers(): LayerSpecification[] {
  return [
    tagged(TRANSIT_FLOWS, {
      id: 'transit-flows-labels',
      type: 'symbol',
      source: TRANSIT_FLOWS,
      layout: {
        'symbol-placement': 'line-center',
        'text-field': ['get', 'label'],
        'text-font': [FONT_BOLD],
        'text-size': 12,
        'text-offset': [0, -1.1],
        'text-max-angle': 30,
        'text-keep-upright': true,
      },
      paint: {
        ...annotationPaint,
        'text-color': ['case', isDisplacement, theme.displacement, theme.transitFlowText],
      },
    }),
    tagged(ALTA_VERAPAZ, {
      id: 'alta-verapaz-label',
      type: 'symbol',
      source: MISSION_LABELS_SOURCE,
      filter: ['==', ['get', 'layer'], ALTA_VERAPAZ],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [FONT_BOLD],
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 8, 14],
        'text-max-width': 9,
        'text-anchor': 'top',
        'text-offset': [0, 0.6],
      },
      paint: { ...annotationPaint, 'text-color': theme.altaVerapazOutline },
    }),
    tagged(MILITARISED_POLICING, {
      id: 'militarised-policing-label',
      type: 'symbol',
      source: MISSION_LABELS_SOURCE,
      filter: ['==', ['get', 'layer'], MILITARISED_POLICING],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [FONT_REGULAR],
        'text-size': 12,
        // Central America is crowded at the default view: let each date move round its country's
        // label point rather than vanish behind a neighbour's.
        'text-variable-anchor': ['top', 'right', 'bottom', 'left'],
        'text-radial-offset': 1.1,
      },
      paint: { ...annotationPaint, 'text-color': theme.militarisedOutline },
    }),
  ];
}
