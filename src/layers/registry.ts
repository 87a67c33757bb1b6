import type { FeatureCollection } from 'geojson';
import { theme } from '../style/theme.ts';

/**
 * The mission layers, one entry each. Everything that differs between layers lives here: the map
 * style, the legend, the popups, the text twin and the export read this list and nothing else.
 * Layer ids double as export file names and GeoJSON `name` members: GIS users script against them.
 */
export const TRANSIT_FLOWS = 'transit-flows';
export const ALTA_VERAPAZ = 'alta-verapaz';
export const MILITARISED_POLICING = 'militarised-policing';

export type MissionLayerId = typeof TRANSIT_FLOWS | typeof ALTA_VERAPAZ | typeof MILITARISED_POLICING;

/** The data of every mission layer, by layer id. */
export type MissionData = Record<MissionLayerId, FeatureCollection>;

/** Properties every feature of every mission layer carries (issue #3). */
export const COMMON_PROPERTIES = ['layer', 'name', 'label', 'excerpt', 'source', 'attributed_to'] as const;

export interface MissionLayer {
  readonly id: MissionLayerId;
  /** Shown in the legend, the checkbox's accessible name and the text twin. */
  readonly name: string;
  /** One line for the legend. */
  readonly description: string;
  /** Properties each feature of this layer must carry, beyond COMMON_PROPERTIES. */
  readonly required: readonly string[];
  /** How the legend draws the layer: a line, or a filled box with an outline. */
  readonly swatch: { readonly line: string; readonly fill?: string; readonly dashedLine?: string };
}

export const MISSION_LAYERS: readonly MissionLayer[] = [
  {
    id: TRANSIT_FLOWS,
    name: 'Transit flows',
    description:
      'Cocaine route Colombia → Guatemala → Mexico → US, and the Zetas moving into Guatemala (schematic)',
    required: ['flow_type', 'sequence', 'from_country', 'to_country', 'schematic'],
    swatch: { line: theme.transitFlow, dashedLine: theme.displacement },
  },
  {
    id: ALTA_VERAPAZ,
    name: 'Alta Verapaz',
    description: 'Province placed under army special powers; police "totally infiltrated by the Zetas"',
    required: ['iso_3166_2', 'date_start', 'date_start_precision', 'date_start_source'],
    swatch: { line: theme.altaVerapazOutline, fill: theme.altaVerapazFill },
  },
  {
    id: MILITARISED_POLICING,
    name: 'Militarised policing',
    description: 'Countries the report says use their military against drug gangs, with the start date',
    required: ['iso_a3', 'date_start', 'date_start_precision', 'date_start_source'],
    swatch: { line: theme.militarisedOutline, fill: theme.militarisedFill },
  },
];

export function missionLayer(id: MissionLayerId): MissionLayer {
  const layer = MISSION_LAYERS.find((l) => l.id === id);
  if (!layer) throw new Error(`Unknown mission layer: ${id}`);
  return layer;
}

export function isMissionLayerId(value: string): value is MissionLayerId {
  return MISSION_LAYERS.some((l) => l.id === value);
}

export function requiredProperties(layer: MissionLayer): readonly string[] {
  return [...COMMON_PROPERTIES, ...layer.required];
}
