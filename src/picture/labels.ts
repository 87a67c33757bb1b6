import type { Feature, Position } from 'geojson';
import { featureInterval, inLanguage, labelWithSpan } from '../data/time.ts';
import { escapeXml } from '../formats/xml.ts';
import type { Messages } from '../i18n/index.ts';
import { REPORT_LAYERS } from '../layers/registry.ts';
import { middleOf, reportCountries } from '../style/source.ts';
import type { Box, Point } from './geometry.ts';
import { BASELINE, LINE_HEIGHT, Placer, placeLineLabel } from './line-labels.ts';
import { callout, drawnLines, flowType, fullLine, type Scene, stateOf } from './scene.ts';
import type { StyleAt } from './style-values.ts';
import { breakLines, type Font, textWidth } from './text.ts';
import { element, group, num } from './xml.ts';

/**
 * The map's labels in the SVG picture, placed as MapLibre places them: layer by layer from the
 * style's top label layer down, each label only where it overlaps none placed before it, nor the
 * frame, nor the view's edge. Sizes, fonts, anchors, offsets and halos are the style's own.
 */

export const FONT_FAMILY = 'Noto Sans, sans-serif';
/** MapLibre's default text-padding. */
const TEXT_PADDING = 2;

interface Halo {
  colour: string;
  width: number;
}

/** What a group of labels is drawn with: one font, colour and halo for all of them. */
interface LabelStyle {
  font: Font;
  colour: string;
  halo: Halo;
}

function labelStyle(style: StyleAt, id: string, colour?: string): LabelStyle {
  return {
    font: {
      size: style.number(id, 'text-size', 16),
      weight: style.bold(id) ? 'bold' : 'regular',
      letterSpacing: style.number(id, 'text-letter-spacing', 0),
    },
    colour: colour ?? style.value<string>(id, 'text-color', '#000000'),
    halo: {
      colour: style.value<string>(id, 'text-halo-color', 'rgba(0, 0, 0, 0)'),
      width: style.number(id, 'text-halo-width', 0),
    },
  };
}

function labelGroup(id: string, { font, colour, halo }: LabelStyle, texts: string[]): string {
  return group(
    {
      id,
      'font-size': font.size,
      'font-weight': font.weight === 'bold' ? 'bold' : undefined,
      'letter-spacing': font.letterSpacing ? num(font.letterSpacing * font.size) : undefined,
      fill: colour,
      stroke: halo.width > 0 ? halo.colour : undefined,
      'stroke-width': halo.width > 0 ? 2 * halo.width : undefined,
      'stroke-linejoin': halo.width > 0 ? 'round' : undefined,
      'paint-order': halo.width > 0 ? 'stroke' : undefined,
    },
    texts,
  );
}

type Anchor =
  | 'center'
  | 'left'
  | 'right'
  | 'top'
  | 'bottom'
  | 'top-left'
  | 'top-right'
  | 'bottom-left'
  | 'bottom-right';

/** The top-left corner of a box of `width` × `height` whose `anchor` is at (x, y). */
function corner(anchor: Anchor, x: number, y: number, width: number, height: number): [number, number] {
  const dx = anchor.includes('left') ? 0 : anchor.includes('right') ? -width : -width / 2;
  const dy = anchor.startsWith('top') ? 0 : anchor.startsWith('bottom') ? -height : -height / 2;
  return [x + dx, y + dy];
}

const padded = ([l, t, r, b]: Box): Box => [
  l - TEXT_PADDING,
  t - TEXT_PADDING,
  r + TEXT_PADDING,
  b + TEXT_PADDING,
];

interface PointLabel {
  at: [number, number];
  text: string;
  maxWidth: number;
  /** Anchors to try in turn, each with its offset in ems. */
  anchors: [Anchor, [number, number]][];
  justify?: 'left' | 'center';
}

/** A point label as <text>, at the first of its anchors where it fits; empty where none does. */
function placePointLabel(placer: Placer, { font }: LabelStyle, label: PointLabel): string {
  const lines = breakLines(label.text, font, label.maxWidth);
  const width = Math.max(...lines.map((line) => textWidth(line, font)));
  const lineHeight = LINE_HEIGHT * font.size;
  const height = lines.length * lineHeight;
  for (const [anchor, [ox, oy]] of label.anchors) {
    const [left, top] = corner(
      anchor,
      label.at[0] + ox * font.size,
      label.at[1] + oy * font.size,
      width,
      height,
    );
    if (!placer.place([padded([left, top, left + width, top + height])])) continue;
    const justify = label.justify ?? 'center';
    const x = justify === 'left' ? left : left + width / 2;
    const spans = lines.map((line, i) =>
      element('tspan', { x, y: top + (i + 0.5) * lineHeight + BASELINE * font.size }, escapeXml(line)),
    );
    return element('text', { 'text-anchor': justify === 'left' ? undefined : 'middle' }, spans.join(''));
  }
  return '';
}

/** "Alta Verapaz: army special powers" as a name over its note, as the map's labels break it. */
const breakAfterColon = (label: string): string => label.replace(': ', ':\n');

/** A report area's label on the map: its `label`, with its span once it has an end (src/style/source.ts). */
const areaLabel = (feature: Feature, t: Messages): string | undefined => {
  const label = inLanguage(feature.properties ?? {}, 'label', t);
  return label === null
    ? undefined
    : breakAfterColon(labelWithSpan(label, featureInterval(feature.properties), t));
};

function anchorsOf(style: StyleAt, styleId: string): [Anchor, [number, number]][] {
  const list = style.value<unknown[]>(styleId, 'text-variable-anchor-offset', []);
  if (list.length === 0)
    return [
      [
        style.value<Anchor>(styleId, 'text-anchor', 'center'),
        style.value<[number, number]>(styleId, 'text-offset', [0, 0]),
      ],
    ];
  const out: [Anchor, [number, number]][] = [];
  for (let i = 0; i < list.length; i += 2) out.push([list[i] as Anchor, list[i + 1] as [number, number]]);
  return out;
}

export interface MapLabels {
  /** The label groups, bottom to top: basemap names, then each visible report layer's `<id>-labels`. */
  groups: string[];
  /** The features whose callout label was placed: only they get a leader. */
  calledOut: Set<string>;
}

export function mapLabels(scene: Scene, obstacles: Box[]): MapLabels {
  const { style, view, basemap, data, shown } = scene;
  const placer = new Placer([0, 0, view.width, view.height], obstacles);
  const inView = ([x, y]: Point) => x >= 0 && x <= view.width && y >= 0 && y <= view.height;
  const pointAt = (f: Feature): Point => scene.project((f.geometry as { coordinates: Position }).coordinates);
  const labelsOf = (kind: string) =>
    basemap.labels.features.filter(
      (f) =>
        f.properties?.kind === kind && f.geometry?.type === 'Point' && typeof f.properties?.name === 'string',
    );
  const maxWidth = (styleId: string) => style.number(styleId, 'text-max-width', 10);
  const placed = new Map<string, string[]>();
  const put = (groupId: string, text: string) => {
    if (text) placed.set(groupId, [...(placed.get(groupId) ?? []), text]);
  };

  // Callouts first, as the map places them; a leader is drawn only to a label that could be placed.
  const calledOut = new Set<string>();
  for (const { id: layer, look } of shown) {
    const styleId = `${layer}-callout-label`;
    if (look.kind !== 'area' || !look.callout || !style.shown(styleId)) continue;
    const ls = labelStyle(style, styleId);
    const justify = style.value<string>(styleId, 'text-justify', 'center') === 'left' ? 'left' : 'center';
    for (const feature of data[layer].features) {
      const where = callout(scene, layer, look, feature);
      const text = areaLabel(feature, scene.t);
      if (!where || !text || stateOf(scene, feature) === 'not-yet') continue;
      const svg = placePointLabel(placer, ls, {
        at: where.to,
        text,
        maxWidth: maxWidth(styleId),
        anchors: anchorsOf(style, styleId),
        justify,
      });
      if (svg) calledOut.add(String(feature.id));
      put(`${layer}-labels`, svg);
    }
  }

  // The countries the report names are placed before the other countries, and may move aside.
  const named = new Set(
    reportCountries({
      type: 'FeatureCollection',
      features: REPORT_LAYERS.flatMap(({ id }) => data[id].features),
    }),
  );
  const names = (styleId: string, features: Feature[]) => {
    if (!style.shown(styleId)) return;
    const ls = labelStyle(style, styleId);
    const upper = style.value<string>(styleId, 'text-transform', 'none') === 'uppercase';
    for (const f of features) {
      const at = pointAt(f);
      if (!inView(at)) continue;
      const name = inLanguage(f.properties ?? {}, 'name', scene.t) ?? '';
      put(
        styleId,
        placePointLabel(placer, ls, {
          at,
          text: upper ? name.toUpperCase() : name,
          maxWidth: maxWidth(styleId),
          anchors: anchorsOf(style, styleId),
        }),
      );
    }
  };

  // A place is a bullet and its name, the bullet on the place (src/style/basemap.ts placeLabels).
  const places = (styleId: string, kind: string) => {
    if (!style.shown(styleId)) return;
    const ls = labelStyle(style, styleId);
    const [ox, oy] = style.value<[number, number]>(styleId, 'text-offset', [0, 0]);
    const size = ls.font.size;
    const bullet = textWidth('\u2022', ls.font) * 1.3 + textWidth(' ', ls.font);
    for (const f of basemap.places.features.filter((p) => p.properties?.kind === kind)) {
      const at = pointAt(f);
      if (!inView(at)) continue;
      const name = inLanguage(f.properties ?? {}, 'name', scene.t) ?? '';
      const lineHeight = LINE_HEIGHT * size * 1.3;
      const left = at[0] + ox * size;
      const middle = at[1] + oy * size;
      const box: Box = [
        left,
        middle - lineHeight / 2,
        left + bullet + textWidth(name, ls.font),
        middle + lineHeight / 2,
      ];
      if (!placer.place([padded(box)])) continue;
      put(
        'place-labels',
        group({ id: scene.id('places', f.id), 'font-size': size }, [
          element('circle', { cx: at[0], cy: at[1], r: 0.19 * size * 1.3 }),
          element('text', { x: left + bullet, y: middle + BASELINE * size }, escapeXml(name)),
        ]),
      );
    }
  };

  names(
    'country-labels',
    labelsOf('country').filter((f) => named.has(f.properties?.iso_a3)),
  );
  places('department-capital-labels', 'department capital');
  for (const { id: layer, look } of shown) {
    const styleId = `${layer}-label`;
    if (look.kind !== 'area' || !style.shown(styleId)) continue;
    const ls = labelStyle(style, styleId);
    for (const feature of data[layer].features) {
      const text = areaLabel(feature, scene.t);
      if (!text || stateOf(scene, feature) === 'not-yet') continue;
      put(
        `${layer}-labels`,
        placePointLabel(placer, ls, {
          at: scene.project(scene.anchorOf(feature)),
          text,
          maxWidth: maxWidth(styleId),
          anchors: anchorsOf(style, styleId),
        }),
      );
    }
  }
  places('capital-labels', 'capital');
  for (const { id: layer, look } of shown) {
    if (look.kind !== 'flows') continue;
    for (const type of ['displacement', 'route'] as const) {
      const styleId = type === 'route' ? `${layer}-labels` : `${layer}-displacement-labels`;
      const ls = labelStyle(style, styleId);
      const [, offset] = style.value<[number, number]>(styleId, 'text-offset', [0, 0]);
      for (const feature of data[layer].features.filter((f) => flowType(f) === type)) {
        const label = inLanguage(feature.properties ?? {}, 'label', scene.t);
        if (label === null) continue;
        // The displacement's label is a point halfway along its line, as on the map (src/style/flows.ts).
        if (type === 'displacement' && feature.geometry.type === 'LineString') {
          const at = scene.project(middleOf(feature.geometry.coordinates));
          const seen = at[0] >= 0 && at[0] <= view.width && at[1] >= 0 && at[1] <= view.height;
          const text = seen
            ? placePointLabel(placer, ls, {
                at,
                text: label,
                maxWidth: maxWidth(styleId),
                anchors: anchorsOf(style, styleId),
                justify: 'center',
              })
            : '';
          put(`${layer}-labels-${type}`, text);
          continue;
        }
        // At the middle of the whole line, as the map puts it; where that is out of view, at the middle
        // of the part in view, as the map's tiles do when each labels its own piece of the line.
        const whole = scene.shifts.map((shift) =>
          placeLineLabel(placer, ls, fullLine(scene, feature.geometry, shift), label, offset),
        );
        const placedAny = whole.some((text) => text !== '');
        const inView = placedAny ? [] : drawnLines(scene, feature.geometry);
        let text = '';
        for (const run of inView) {
          text = placeLineLabel(placer, ls, run, label, offset);
          if (text) break;
        }
        for (const t of [...whole, text]) put(`${layer}-labels-${type}`, t);
      }
    }
  }
  names(
    'other-country-labels',
    labelsOf('country').filter((f) => !named.has(f.properties?.iso_a3)),
  );
  names('department-labels', labelsOf('department'));

  const groups: string[] = [];
  const add = (groupId: string, styleId: string, colour?: string) =>
    groups.push(labelGroup(groupId, labelStyle(style, styleId, colour), placed.get(groupId) ?? []));
  if (style.shown('department-labels')) add('department-labels', 'department-labels');
  add('other-country-labels', 'other-country-labels');
  if (style.shown('capital-labels') || style.shown('department-capital-labels'))
    add('place-labels', 'capital-labels');
  add('country-labels', 'country-labels');
  for (const { id: layer, look } of [...shown].reverse()) {
    if (look.kind === 'flows') {
      const of = (type: string, styleId: string) =>
        labelGroup(
          `${layer}-labels-${type}`,
          labelStyle(style, styleId),
          placed.get(`${layer}-labels-${type}`) ?? [],
        );
      groups.push(
        group({ id: `${layer}-labels` }, [
          of('route', `${layer}-labels`),
          of('displacement', `${layer}-displacement-labels`),
        ]),
      );
    } else {
      const styleId =
        look.callout && style.shown(`${layer}-callout-label`) ? `${layer}-callout-label` : `${layer}-label`;
      add(`${layer}-labels`, styleId, look.outline);
    }
  }
  return { groups, calledOut };
}
