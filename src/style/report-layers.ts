import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { REPORT_LAYERS, type ReportLayer, type ReportLayerId } from '../layers/registry.ts';
import { areaColour, FONT_BOLD, FONT_REGULAR } from '../theme.ts';
import { flowLabels, flowLayers } from './flows.ts';
import { inLayer, isCallout, isNotCallout, isPoint, isPolygon, MAP_SOURCE } from './source.ts';
import { annotationPaint, type Look, tagged } from './tags.ts';
import { ANNOTATION_OPACITY, DASHED_OUTLINE_OPACITY, FILL_OPACITY, SOLID_OUTLINE_OPACITY } from './time.ts';

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
      paint: { 'line-color': outline, 'line-width': 1.5, 'line-opacity': ANNOTATION_OPACITY },
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
      // Opaque in force (see areaColour), and with no anti-aliasing edge: the outline draws the edge.
      paint: { 'fill-color': areaColour(look), 'fill-antialias': false, 'fill-opacity': FILL_OPACITY },
    },
    true,
  );
}

const outlineWidth = (look: Look<'area'>): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  4,
  look.outlineWidth * 0.6,
  8,
  look.outlineWidth * 1.2,
];

/** The area's edge: solid in force and once ended, dashed while its date is uncertain. */
function areaOutlines(id: ReportLayerId, look: Look<'area'>): LayerSpecification[] {
  const outline = (suffix: string, paint: Record<string, unknown>): LayerSpecification =>
    tagged(id, {
      id: `${id}-${suffix}`,
      type: 'line',
      source: MAP_SOURCE,
      filter: inLayer(id, isPolygon),
      // MapLibre's default miter join: a round one costs about three times the vertices.
      paint: { 'line-color': look.outline, 'line-width': outlineWidth(look), ...paint },
    });
  return [
    outline('outline', { 'line-opacity': SOLID_OUTLINE_OPACITY }),
    outline('outline-uncertain', { 'line-opacity': DASHED_OUTLINE_OPACITY, 'line-dasharray': [2, 1.5] }),
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
      // From east to west: a label whose place is taken moves west (the anchors below), so the
      // eastern one goes first and leaves its neighbour somewhere to go.
      'symbol-sort-key': ['-', 0, ['get', 'lng']],
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
        'top-right',
        [-0.9, 1.8],
        'bottom-left',
        [0.9, -1.1],
        'bottom-right',
        [-0.9, -1.1],
      ],
    },
    paint: { ...annotationPaint, 'text-color': look.outline, 'text-opacity': ANNOTATION_OPACITY },
  });
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
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 3.5, 12],
        // Narrower where the map is small (a phone's zoom), so that it ends inside the map.
        'text-max-width': ['interpolate', ['linear'], ['zoom'], 1.5, 8, 2, 7, 2.5, 7, 3, 12],
        'text-anchor': side,
        'text-justify': side,
        'text-offset': [west ? -0.4 : 0.4, 0],
      },
      paint: { ...annotationPaint, 'text-color': look.outline, 'text-opacity': ANNOTATION_OPACITY },
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
    look.kind === 'area' ? areaOutlines(id, look) : flowLayers(id, look),
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
