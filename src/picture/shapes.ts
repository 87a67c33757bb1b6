import type { ReportLayerId } from '../layers/registry.ts';
import { UNCERTAIN_FILL_OPACITY } from '../style/time.ts';
import { areaColour } from '../theme.ts';
import { along, lineLength } from './geometry.ts';
import {
  type AreaLook,
  callout,
  draw,
  drawnLines,
  type FlowsLook,
  flowType,
  type Scene,
  stateOf,
} from './scene.ts';
import { element, group, num, titleOf } from './xml.ts';

/**
 * The map's shapes in the SVG picture, in the map's order and with its style's widths and dashes:
 * the land's shapes (used twice, for the land and for the borders), the report areas' fills (under
 * the borders, as on the map), Guatemala's departments, and each report layer's outlines or flows.
 */

/** The chevron the map draws along flows ('›' in bold at 26 px), centred on its point, pointing east. */
export const ARROWHEAD_PATH = 'M-4.2-4.4L-1.6-6L4.3 0L-1.6 6L-4.2 4.4L.6 0Z';
const ARROWHEAD_SIZE = 26;
/** Where MapLibre puts a line's first symbol: half the chevron's 9-pixel advance and two 24-pixel ems in. */
const FIRST_ARROW = 9 / 2 + 2 * 24;

function dashes(scene: Scene, styleId: string, lineWidth: number): string {
  return scene.style
    .value<number[]>(styleId, 'line-dasharray')
    .map((d) => num(d * lineWidth))
    .join(' ');
}

/** Every country in view as a path, for <defs>: the land and the borders both use them. */
export function countryShapes(scene: Scene): string[] {
  return scene.basemap.countries.features.flatMap((f) => {
    const d = draw(scene, f.geometry);
    return d
      ? [element('path', { id: scene.id('countries', f.properties?.iso_a3 ?? f.id), d }, titleOf(f))]
      : [];
  });
}

/** An area layer's fills on the day, as `<id>-fill`: whole in force, lighter while uncertain, none once ended. */
function areaFills(scene: Scene, layer: ReportLayerId, look: AreaLook, calledOut: Set<string>): string {
  const parts = scene.data[layer].features.flatMap((feature) => {
    const state = stateOf(scene, feature);
    if (state === 'not-yet') return [];
    const out: string[] = [];
    // The callout's leader goes under its own area's fill, so that it stops at the area's edge.
    const leader = calledOut.has(String(feature.id)) ? callout(scene, layer, look, feature) : undefined;
    if (leader)
      out.push(
        element('path', {
          id: scene.id(layer, feature.id, 'leader'),
          d: `M${num(leader.from[0])} ${num(leader.from[1])}L${num(leader.to[0])} ${num(leader.to[1])}`,
          fill: 'none',
          stroke: look.outline,
          'stroke-width': scene.style.number(`${layer}-callout-leader`, 'line-width'),
        }),
      );
    const d = state === 'ended' ? '' : draw(scene, feature.geometry);
    if (d)
      out.push(
        element('path', {
          id: scene.id(layer, feature.id, 'fill'),
          class: state,
          d,
          'fill-opacity': state === 'uncertain' ? UNCERTAIN_FILL_OPACITY : undefined,
        }),
      );
    return out;
  });
  return group({ id: `${layer}-fill`, fill: areaColour(look), stroke: 'none' }, parts);
}

/** The visible area layers' fills, bottom layer first. */
export function reportFills(scene: Scene, calledOut: Set<string>): string[] {
  return [...scene.shown]
    .reverse()
    .flatMap(({ id, look }) => (look.kind === 'area' ? [areaFills(scene, id, look, calledOut)] : []));
}

/** Guatemala's departments, dashed, from the zoom at which the map shows them. */
export function departments(scene: Scene): string {
  const { style } = scene;
  if (!style.shown('departments-line')) return '';
  const width = style.number('departments-line', 'line-width');
  return group(
    {
      id: 'guatemala-departments',
      fill: 'none',
      stroke: style.value<string>('departments-line', 'line-color'),
      'stroke-width': width,
      'stroke-dasharray': dashes(scene, 'departments-line', width),
    },
    scene.basemap['guatemala-departments'].features.flatMap((f) => {
      const d = draw(scene, f.geometry);
      return d ? [element('path', { id: scene.id('guatemala-departments', f.id), d }, titleOf(f))] : [];
    }),
  );
}

/** An area layer's outlines, as the group `<id>`: solid in force and once ended, dashed while uncertain. */
function outlines(scene: Scene, layer: ReportLayerId, look: AreaLook): string {
  const width = scene.style.number(`${layer}-outline`, 'line-width');
  const parts = scene.data[layer].features.flatMap((feature) => {
    const state = stateOf(scene, feature);
    const d = state === 'not-yet' ? '' : draw(scene, feature.geometry);
    if (!d) return [];
    const dasharray = state === 'uncertain' ? dashes(scene, `${layer}-outline-uncertain`, width) : undefined;
    return [
      element(
        'path',
        { id: scene.id(layer, feature.id, 'outline'), class: state, d, 'stroke-dasharray': dasharray },
        titleOf(feature),
      ),
    ];
  });
  return group({ id: layer, fill: 'none', stroke: look.outline, 'stroke-width': width }, parts);
}

/** Chevrons along a flow type's lines, every `symbol-spacing` pixels, pointing the way they go. */
function arrows(scene: Scene, layer: ReportLayerId, type: 'route' | 'displacement'): string {
  const { style } = scene;
  const styleId = type === 'route' ? `${layer}-arrows` : `${layer}-displacement-arrows`;
  const spacing = style.number(styleId, 'symbol-spacing', 250);
  const size = style.number(styleId, 'text-size', 16);
  const scale = size / ARROWHEAD_SIZE === 1 ? '' : ` scale(${num(size / ARROWHEAD_SIZE)})`;
  const uses = scene.data[layer].features
    .filter((f) => flowType(f) === type)
    .flatMap((f) => drawnLines(scene, f.geometry))
    .flatMap((run) => {
      const out: string[] = [];
      const length = lineLength(run);
      for (let s = ((FIRST_ARROW * size) / 24) % spacing; s < length; s += spacing) {
        const at = along(run, s);
        if (!at) continue;
        const angle = (Math.atan2(at.direction[1], at.direction[0]) * 180) / Math.PI;
        const transform = `translate(${num(at.at[0])} ${num(at.at[1])}) rotate(${num(angle)})${scale}`;
        out.push(element('use', { 'xlink:href': '#arrowhead', transform }));
      }
      return out;
    });
  return group(
    {
      class: `arrows ${type}`,
      fill: style.value<string>(styleId, 'text-color'),
      stroke: style.value<string>(styleId, 'text-halo-color'),
      'stroke-width': 2 * style.number(styleId, 'text-halo-width', 0),
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    },
    uses,
  );
}

/** A flows layer, as the group `<id>`: a light casing under every line, the routes, the dashed displacement, the arrows. */
function flows(scene: Scene, layer: ReportLayerId, look: FlowsLook): string {
  const { style } = scene;
  const paths = (type: 'route' | 'displacement' | 'casing') =>
    scene.data[layer].features
      .filter((f) => type === 'casing' || flowType(f) === type)
      .flatMap((f) => {
        const d = draw(scene, f.geometry);
        if (!d) return [];
        return [
          type === 'casing'
            ? element('path', { d })
            : element('path', { id: scene.id(layer, f.id), d }, titleOf(f)),
        ];
      });
  const casing = `${layer}-casing`;
  const route = `${layer}-route`;
  const displacement = `${layer}-displacement`;
  const displacementWidth = style.number(displacement, 'line-width');
  return group({ id: layer, fill: 'none' }, [
    group(
      {
        class: 'casing',
        stroke: style.value<string>(casing, 'line-color'),
        'stroke-width': style.number(casing, 'line-width'),
        'stroke-opacity': style.number(casing, 'line-opacity', 1),
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
      },
      paths('casing'),
    ),
    group(
      {
        class: 'route',
        stroke: look.route,
        'stroke-width': style.number(route, 'line-width'),
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
      },
      paths('route'),
    ),
    group(
      {
        class: 'displacement',
        stroke: look.displacement,
        'stroke-width': displacementWidth,
        'stroke-dasharray': dashes(scene, displacement, displacementWidth),
      },
      paths('displacement'),
    ),
    arrows(scene, layer, 'route'),
    arrows(scene, layer, 'displacement'),
  ]);
}

/** Each visible report layer's group over the borders, bottom layer first. */
export function reportShapes(scene: Scene): string[] {
  return [...scene.shown]
    .reverse()
    .map(({ id, look }) => (look.kind === 'area' ? outlines(scene, id, look) : flows(scene, id, look)));
}
