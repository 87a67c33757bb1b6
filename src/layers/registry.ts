import type { FeatureCollection } from 'geojson';
import { theme } from '../theme.ts';

/**
 * The report's layers, one entry each. Everything that differs between layers lives here: the map
 * style, the legend, the popups, the text list and the export read this list and nothing else, so a
 * new layer is one entry here plus its data. The list runs top to bottom, as in the legend: the map
 * draws the first entry on top.
 * Layer ids double as export file names and GeoJSON `name` members: GIS users script against them.
 */
export const TRANSIT_FLOWS = 'transit-flows';
export const ALTA_VERAPAZ = 'alta-verapaz';
export const MILITARISED_POLICING = 'militarised-policing';

export type ReportLayerId = typeof TRANSIT_FLOWS | typeof ALTA_VERAPAZ | typeof MILITARISED_POLICING;

/** The data of every report layer, by layer id. */
export type ReportData = Record<ReportLayerId, FeatureCollection>;

/** Properties every feature of every report layer carries; `*_es` is the Spanish of the one before. */
export const COMMON_PROPERTIES = [
  'layer',
  'name',
  'name_es',
  'label',
  'label_es',
  'excerpt',
  'source',
  'attributed_to',
] as const;

/**
 * The project's own words, each with its Spanish `<key>_es` wherever it has text, authored in
 * geodata/sources/ so the map never translates at run time. Never the excerpts: they are the report's
 * words, quoted in English as published.
 */
export const TRANSLATED_PROPERTIES = ['name', 'label', 'note'] as const;

/** How a report layer is drawn: directed flows (lines), or areas (polygons) with an annotation. */
export type LayerLook =
  | {
      readonly kind: 'flows';
      readonly route: string;
      readonly routeText: string;
      readonly displacement: string;
    }
  | {
      readonly kind: 'area';
      readonly fill: string;
      readonly fillOpacity: number;
      readonly outline: string;
      readonly outlineWidth: number;
      /** Bold, larger annotation for a layer that is the map's focus. */
      readonly emphasis: boolean;
      /** A label set off in open space with a leader line, for an area too small to label in place. */
      readonly callout?: Callout;
    };

/**
 * Where a callout's label sits: `offset` degrees of longitude and latitude from the feature's anchor,
 * below `maxzoom`; from there on the area is large enough to carry its label itself.
 */
export interface Callout {
  readonly offset: readonly [number, number];
  readonly maxzoom: number;
}

/** A date a popup shows: the ISO date property, read with its `_precision` and `_source` siblings. */
export interface PopupDate {
  readonly key: string;
  /** Which word introduces it, in each language's catalogue (src/i18n: `dateLabels`). */
  readonly label: 'from' | 'until' | 'since';
}

export interface ReportLayer {
  readonly id: ReportLayerId;
  /** The one geometry type of every feature: GIS tools type a layer by it. */
  readonly geometry: 'LineString' | 'MultiPolygon';
  /** Shown in the legend, the checkbox's accessible name and the text list. */
  readonly name: string;
  /** One line for the legend. */
  readonly description: string;
  /** Properties each feature of this layer must carry, beyond COMMON_PROPERTIES. */
  readonly required: readonly string[];
  /** Colours and kind, for the map style and the legend swatch alike. */
  readonly look: LayerLook;
  /** The dates its popup shows, in order. Excerpts, attribution and source are shown for every layer. */
  readonly popupDates: readonly PopupDate[];
}

export const REPORT_LAYERS: readonly ReportLayer[] = [
  {
    id: TRANSIT_FLOWS,
    geometry: 'LineString',
    name: 'Transit flows',
    description:
      'Cocaine route Colombia → Guatemala → Mexico → US, and the Zetas moving into Guatemala (schematic)',
    required: ['flow_type', 'sequence', 'from_country', 'to_country', 'destination_basis', 'schematic'],
    look: {
      kind: 'flows',
      route: theme.transitFlow,
      routeText: theme.transitFlowText,
      displacement: theme.displacement,
    },
    popupDates: [],
  },
  {
    id: ALTA_VERAPAZ,
    geometry: 'MultiPolygon',
    name: 'Alta Verapaz',
    description: 'Province placed under army special powers; police "totally infiltrated by the Zetas"',
    required: ['iso_3166_2', 'date_start', 'date_start_precision', 'date_start_source'],
    look: {
      kind: 'area',
      fill: theme.altaVerapazFill,
      fillOpacity: 0.6,
      outline: theme.altaVerapazOutline,
      outlineWidth: 2.5,
      emphasis: true,
      // Over the Caribbean to the east-north-east, clear of the route, the Zetas' arc and Guatemala's
      // own labels: at the default view the department is a few pixels across.
      callout: { offset: [6.5, 1.7], maxzoom: 5 },
    },
    popupDates: [
      { key: 'date_start', label: 'from' },
      { key: 'date_end', label: 'until' },
    ],
  },
  {
    id: MILITARISED_POLICING,
    geometry: 'MultiPolygon',
    name: 'Militarised policing',
    description: 'Countries the report says use their military against drug gangs, with the start date',
    required: ['iso_a3', 'date_start', 'date_start_precision', 'date_start_source'],
    look: {
      kind: 'area',
      fill: theme.militarisedFill,
      fillOpacity: 0.45,
      outline: theme.militarisedOutline,
      outlineWidth: 1.6,
      emphasis: false,
    },
    popupDates: [{ key: 'date_start', label: 'since' }],
  },
];

/** Every report layer id, top to bottom. */
export const REPORT_LAYER_IDS: readonly ReportLayerId[] = REPORT_LAYERS.map((l) => l.id);

export function reportLayer(id: ReportLayerId): ReportLayer {
  const layer = REPORT_LAYERS.find((l) => l.id === id);
  if (!layer) throw new Error(`Unknown report layer: ${id}`);
  return layer;
}

export function isReportLayerId(value: string): value is ReportLayerId {
  return REPORT_LAYERS.some((l) => l.id === value);
}

export function requiredProperties(layer: ReportLayer): readonly string[] {
  return [...COMMON_PROPERTIES, ...layer.required];
}
