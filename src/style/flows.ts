import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { REPORT_LAYERS, type ReportLayerId } from '../layers/registry.ts';
import { FONT_BOLD, theme } from '../theme.ts';
import { pulseGradient } from './pulse.ts';
import { FLOW_LABEL_TAG, inLayer, isPoint, MAP_SOURCE } from './source.ts';
import { annotationPaint, type Look, tagged } from './tags.ts';

const isDisplacement: ExpressionSpecification = ['==', ['get', 'flow_type'], 'displacement'];
const isRoute: ExpressionSpecification = ['==', ['get', 'flow_type'], 'route'];

/** The moving highlight of each flows layer; src/map/flow-animation.ts moves its gradient. */
export const pulseLayerIds = (): string[] =>
  REPORT_LAYERS.filter((l) => l.look.kind === 'flows').map((l) => `${l.id}-pulse`);

/**
 * Arrowheads are a text chevron, in the bundled font's latin subset, placed along the line: drawn by the
 * text shader the labels compile anyway, where an icon would need its own shader and an image.
 */
export const ARROWHEAD = '\u203A';

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

export function flowLayers(id: ReportLayerId, look: Look<'flows'>): LayerSpecification[] {
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
      // Shown and hidden at once, not faded over the style's 300 ms: a fade is frames of work, during
      // a drag when hiding and after the first idle when showing, and motion under reduced motion.
      paint: {
        'line-width': 2,
        'line-gradient': pulseGradient(0),
        'line-opacity': 0,
        'line-opacity-transition': { duration: 0, delay: 0 },
      },
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

/**
 * Route and displacement labels in their own colours. Two layers with one colour each, not one with a
 * data-driven colour: that would need a second text shader, compiled before the first idle.
 */
export function flowLabels(id: ReportLayerId, look: Look<'flows'>): LayerSpecification[] {
  return byFlowType(look, ({ suffix, filter, textColour }) =>
    suffix === '-displacement'
      ? displacementLabel(id, textColour)
      : tagged(id, {
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

/**
 * The displacement's label, at the middle of its line (src/style/source.ts) rather than along it: it is
 * longer than the line at a phone's zoom and in Spanish, and a line label that does not fit is dropped.
 */
function displacementLabel(id: ReportLayerId, colour: string): LayerSpecification {
  return tagged(id, {
    id: `${id}-displacement-labels`,
    type: 'symbol',
    source: MAP_SOURCE,
    filter: inLayer(id, ['all', isPoint, ['has', FLOW_LABEL_TAG]]),
    layout: {
      'text-field': ['get', 'label'],
      'text-font': [FONT_BOLD],
      // Smaller where the whole corridor is a phone's width and Central America crowded.
      'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 3.5, 12],
      'text-max-width': 9,
      // Beside the dashed line, on whichever side is free of the names round it.
      'text-variable-anchor-offset': [
        'right',
        [-0.6, 0],
        'left',
        [0.6, 0],
        'bottom',
        [0, -0.6],
        'top',
        [0, 0.6],
        'bottom-left',
        [0.5, -0.5],
        'bottom-right',
        [-0.5, -0.5],
        'top-left',
        [0.5, 0.5],
        'top-right',
        [-0.5, 0.5],
      ],
    },
    paint: { ...annotationPaint, 'text-color': colour },
  });
}
