import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import {
  isReportLayerId,
  type LayerLook,
  REPORT_LAYERS,
  type ReportLayer,
  type ReportLayerId,
} from '../layers/registry.ts';
import { areaColour, FONT_BOLD, FONT_REGULAR, theme } from '../theme.ts';
import { pulseGradient } from './pulse.ts';
import { inLayer, isCallout, isNotCallout, isPoint, isPolygon, MAP_SOURCE } from './source.ts';

/** Style layers record which report layer they draw, so a toggle can find its whole group. */
export const LAYER_METADATA_KEY = 'report:layer';
/** Style layers a click can pick a feature from carry this metadata flag. */
export const CLICKABLE_METADATA_KEY = 'report:clickable';

const isDisplacement: ExpressionSpecification = ['==', ['get', 'flow_type'], 'displacement'];
const isRoute: ExpressionSpecification = ['==', ['get', 'flow_type'], 'route'];

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

function tagged<T extends LayerSpecification>(id: ReportLayerId, layer: T, clickable = false): T {
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

/** The moving highlight of each flows layer; src/map/flow-animation.ts moves its gradient. */
export const pulseLayerIds = (): string[] =>
  REPORT_LAYERS.filter((l) => l.look.kind === 'flows').map((l) => `${l.id}-pulse`);

/**
 * Arrowheads are a text chevron, in the bundled font's latin subset, placed along the line: drawn by the
 * text shader the labels compile anyway, where an icon would need its own shader and an image.
 */
export const ARROWHEAD = '\u203A';

const annotationPaint = {
  'text-color': theme.annotationText,
  'text-halo-color': theme.labelHalo,
  'text-halo-width': 1.8,
} as const;

type Look<K extends LayerLook['kind']> = Extract<LayerLook, { kind: K }>;

/** A flow type's layer-id suffix, filter, and colours for its lines and for its text. */
interface FlowType {
  suffix: string;
  filter: ExpressionSpecification;
  colour: string;
  textColour: string;
}

/** One layer per flow type, each with its own constant colour (see flowLabels). */
function byFlowType(
  look: Look<'flows'>,
  layer: (type: FlowType) => LayerSpecification,
): LayerSpecification[] {
  return [
    layer({ suffix: '', filter: isRoute, colour: look.route, textColour: look.routeText }),
    layer({
      suffix: '-displacement',
      filter: isDisplacement,
      colour: look.displacement,
      textColour: look.displacement,
    }),
  ];
}

/**
 * A callout's leader line, drawn over the land and the other areas' tints but under its own area's
 * fill, so that it stops at the area's edge rather than crossing it.
 */
function calloutLeader(id: ReportLayerId, { callout, outline }: Look<'area'>): LayerSpecification[] {
  if (!callout) return [];
  return [
    tagged(id, {
      id: `${id}-callout-leader`,
      type: 'line',
      source: MAP_SOURCE,
      maxzoom: callout.maxzoom,
      filter: inLayer(id, isCallout('leader')),
      paint: { 'line-color': outline, 'line-width': 1.5 },
    }),
  ];
}

function areaFill(id: ReportLayerId, look: Look<'area'>): LayerSpecification {
  return tagged(
    id,
    {
      id: `${id}-fill`,
      type: 'fill',
      source: MAP_SOURCE,
      filter: inLayer(id, isPolygon),
      // Opaque (see areaColour), so MapLibre draws it in its opaque pass with no blending, and no
      // anti-aliasing edge: the outline layer draws the edge.
      paint: { 'fill-color': areaColour(look), 'fill-antialias': false },
    },
    true,
  );
}

function areaOutline(id: ReportLayerId, look: Look<'area'>): LayerSpecification {
  return tagged(id, {
    id: `${id}-outline`,
    type: 'line',
    source: MAP_SOURCE,
    filter: inLayer(id, isPolygon),
    // MapLibre's default miter join: a round one costs about three times the vertices.
    paint: {
      'line-color': look.outline,
      'line-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        4,
        look.outlineWidth * 0.6,
        8,
        look.outlineWidth * 1.2,
      ],
    },
  });
}

function flowLayers(id: ReportLayerId, look: Look<'flows'>): LayerSpecification[] {
  return [
    tagged(id, {
      id: `${id}-casing`,
      type: 'line',
      source: MAP_SOURCE,
      filter: inLayer(id),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': theme.labelHalo, 'line-width': 6.5, 'line-opacity': 0.85 },
    }),
    tagged(
      id,
      {
        id: `${id}-route`,
        type: 'line',
        source: MAP_SOURCE,
        filter: inLayer(id, isRoute),
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': look.route, 'line-width': 4 },
      },
      true,
    ),
    tagged(id, {
      id: `${id}-pulse`,
      type: 'line',
      source: MAP_SOURCE,
      filter: inLayer(id, isRoute),
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      // Shown from the map's first idle (src/map/flow-animation.ts): MapLibre skips a line at zero
      // opacity, so its gradient shader compiles after the map is ready rather than before.
      paint: { 'line-width': 2, 'line-gradient': pulseGradient(0), 'line-opacity': 0 },
    }),
    tagged(
      id,
      {
        id: `${id}-displacement`,
        type: 'line',
        source: MAP_SOURCE,
        filter: inLayer(id, isDisplacement),
        paint: { 'line-color': look.displacement, 'line-width': 3.5, 'line-dasharray': [2, 1.2] },
      },
      true,
    ),
    ...byFlowType(look, ({ suffix, filter, colour }) =>
      tagged(id, {
        id: `${id}${suffix}-arrows`,
        type: 'symbol',
        source: MAP_SOURCE,
        filter: inLayer(id, filter),
        layout: {
          'symbol-placement': 'line',
          'symbol-spacing': 90,
          'text-field': ARROWHEAD,
          'text-font': [FONT_BOLD],
          'text-size': 26,
          // The chevron sits above the middle of its line of text; this puts it on the line.
          'text-offset': [0, -0.2],
          // Upright text would turn every chevron on a westward leg round to point east.
          'text-keep-upright': false,
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': colour, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1 },
      }),
    ),
  ];
}

/** "Alta Verapaz: army special powers" as a name over its note: a line break after the first ": ". */
const breakAfterColon: ExpressionSpecification = [
  'let',
  'at',
  ['index-of', ': ', ['get', 'label']],
  [
    'case',
    ['>=', ['var', 'at'], 0],
    [
      'concat',
      ['slice', ['get', 'label'], 0, ['+', ['var', 'at'], 1]],
      '\n',
      ['slice', ['get', 'label'], ['+', ['var', 'at'], 2]],
    ],
    ['get', 'label'],
  ],
];

function areaLabel(id: ReportLayerId, look: Look<'area'>): LayerSpecification {
  return tagged(id, {
    id: `${id}-label`,
    type: 'symbol',
    source: MAP_SOURCE,
    // Where the area has a callout, its own label takes over once the area can hold it.
    ...(look.callout ? { minzoom: look.callout.maxzoom } : {}),
    filter: inLayer(id, ['all', isPoint, isNotCallout]),
    layout: {
      'text-field': breakAfterColon,
      'text-font': [look.emphasis ? FONT_BOLD : FONT_REGULAR],
      'text-size': look.emphasis
        ? ['interpolate', ['linear'], ['zoom'], 4, 11, 8, 14]
        : ['interpolate', ['linear'], ['zoom'], 2, 10.5, 4, 12],
      'text-max-width': 9,
      // Central America is crowded at the default view: let each annotation move round its label
      // point rather than vanish behind a neighbour's. Below the country's name first, centred, then
      // shifted clear of a neighbour's name; then below a name that moved right of its point, a little
      // lower so that it does not run on from the date beside it; then beside or above the point.
      'text-variable-anchor-offset': [
        'top',
        [0, 1.3],
        'top',
        [-1.2, 1.3],
        'top-left',
        [0.9, 1.8],
        'left',
        [1.1, 0],
        'right',
        [-1.1, 0],
        'bottom',
        [0, -1.1],
      ],
    },
    paint: { ...annotationPaint, 'text-color': look.outline },
  });
}

/**
 * Route and displacement labels in their own colours. Two layers with one colour each, not one with a
 * data-driven colour: that would need a second text shader, compiled before the first idle.
 */
function flowLabels(id: ReportLayerId, look: Look<'flows'>): LayerSpecification[] {
  return byFlowType(look, ({ suffix, filter, textColour }) =>
    tagged(id, {
      id: `${id}${suffix}-labels`,
      type: 'symbol',
      source: MAP_SOURCE,
      filter: inLayer(id, filter),
      layout: {
        'symbol-placement': 'line-center',
        'text-field': ['get', 'label'],
        'text-font': [FONT_BOLD],
        'text-size': 12,
        'text-offset': [0, -1.1],
        'text-max-angle': 30,
        'text-keep-upright': true,
      },
      paint: { ...annotationPaint, 'text-color': textColour },
    }),
  );
}

/** The label at the open end of a callout's leader, the text starting just past the line's end. */
function calloutLabel(id: ReportLayerId, look: Look<'area'>): LayerSpecification[] {
  if (!look.callout) return [];
  const west = look.callout.offset[0] < 0;
  const side = west ? 'right' : 'left';
  return [
    tagged(id, {
      id: `${id}-callout-label`,
      type: 'symbol',
      source: MAP_SOURCE,
      maxzoom: look.callout.maxzoom,
      filter: inLayer(id, isCallout('label')),
      layout: {
        'text-field': breakAfterColon,
        'text-font': [look.emphasis ? FONT_BOLD : FONT_REGULAR],
        'text-size': 12,
        'text-max-width': 12,
        'text-anchor': side,
        'text-justify': side,
        'text-offset': [west ? -0.4 : 0.4, 0],
      },
      paint: { ...annotationPaint, 'text-color': look.outline },
    }),
  ];
}

/** The registry from the bottom of the legend up: the first entry is drawn last, on top. */
const bottomUp = (): ReportLayer[] => [...REPORT_LAYERS].reverse();

/** The report's layers' area fills, drawn on the land under the basemap's borders, with their leaders. */
export function reportAreaFills(): LayerSpecification[] {
  return bottomUp().flatMap(({ id, look }) =>
    look.kind === 'area' ? [...calloutLeader(id, look), areaFill(id, look)] : [],
  );
}

/** Outlines and flows, drawn over the basemap's borders and under its labels. */
export function reportLayers(): LayerSpecification[] {
  return bottomUp().flatMap(({ id, look }) =>
    look.kind === 'area' ? [areaOutline(id, look)] : flowLayers(id, look),
  );
}

/** The report's label layers, by what they label; the style sets their order (src/style/index.ts). */
export function reportLabels() {
  const layers = bottomUp();
  return {
    flows: layers.flatMap(({ id, look }) => (look.kind === 'flows' ? flowLabels(id, look) : [])),
    areas: layers.flatMap(({ id, look }) => (look.kind === 'area' ? [areaLabel(id, look)] : [])),
    callouts: layers.flatMap(({ id, look }) => (look.kind === 'area' ? calloutLabel(id, look) : [])),
  };
}
