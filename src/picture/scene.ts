import type { Feature, Position } from 'geojson';
import { indexFeatures } from '../data/features.ts';
import { featureInterval, stateAt, type TimeState } from '../data/time.ts';
import type { Messages } from '../i18n/index.ts';
import type { BasemapData } from '../layers/basemap.ts';
import {
  type LayerLook,
  REPORT_LAYERS,
  type ReportData,
  type ReportLayer,
  type ReportLayerId,
} from '../layers/registry.ts';
import { type Box, drawGeometry, type Point } from './geometry.ts';
import { type PictureView, type Project, projector, worldCopies } from './project.ts';
import { StyleAt } from './style-values.ts';
import { idMaker } from './xml.ts';

/** How far outside the view shapes are still drawn, so that no stroke ends inside it. */
export const MARGIN = 8;

export type AreaLook = Extract<LayerLook, { kind: 'area' }>;
export type FlowsLook = Extract<LayerLook, { kind: 'flows' }>;

/** What every part of the SVG picture draws from: the view, the style at its zoom, the data and the day. */
export interface Scene {
  view: PictureView;
  style: StyleAt;
  project: Project;
  /** The world copies in view, as pixel shifts east. */
  shifts: number[];
  /** The view and its margin: shapes are clipped to it. */
  box: Box;
  /** A unique XML id for a feature's shape (src/picture/xml.ts idMaker). */
  id: (layer: string, feature: unknown, part?: string) => string;
  basemap: BasemapData;
  data: ReportData;
  /** The visible report layers, top to bottom as the legend lists them. */
  shown: ReportLayer[];
  date: string;
  /** Where a report feature's label and callout start (src/data/features.ts). */
  anchorOf: (feature: Feature) => Position;
  /** The labels' language. */
  t: Messages;
}

export function makeScene(input: {
  view: PictureView;
  basemap: BasemapData;
  data: ReportData;
  visible: readonly ReportLayerId[];
  date: string;
  t: Messages;
}): Scene {
  const { view, basemap, data, visible, date, t } = input;
  // The same anchors as geodata/layers/anchors.json holds, worked out from the data in a few ms.
  const index = indexFeatures(data);
  return {
    view,
    style: new StyleAt(view.zoom),
    project: projector(view),
    shifts: worldCopies(view),
    box: [-MARGIN, -MARGIN, view.width + MARGIN, view.height + MARGIN],
    id: idMaker(),
    basemap,
    data,
    shown: REPORT_LAYERS.filter((layer) => visible.includes(layer.id)),
    date,
    anchorOf: (feature) => index.get(String(feature.id))?.anchor ?? [0, 0],
    t,
  };
}

/** A feature's place on the timeline on the scene's day. */
export const stateOf = (scene: Scene, feature: Feature): TimeState =>
  stateAt(featureInterval(feature.properties), scene.date).state;

export const flowType = (feature: Feature): 'route' | 'displacement' =>
  feature.properties?.flow_type === 'displacement' ? 'displacement' : 'route';

/** A geometry's path data in every world copy in view. */
export const draw = (scene: Scene, geometry: Feature['geometry']): string =>
  scene.shifts.map((shift) => drawGeometry(geometry, scene.project, scene.box, shift).d).join('');

/** A line's runs in view, clipped, in every world copy. */
export const drawnLines = (scene: Scene, geometry: Feature['geometry']): Point[][] =>
  scene.shifts.flatMap((shift) => drawGeometry(geometry, scene.project, scene.box, shift).lines);

/** A whole line in pixels, unclipped, in the world copy `shift` pixels east. */
export const fullLine = (scene: Scene, geometry: Feature['geometry'], shift: number): Point[] =>
  geometry?.type === 'LineString'
    ? geometry.coordinates.map((p) => {
        const [x, y] = scene.project(p);
        return [x + shift, y] as Point;
      })
    : [];

/** A callout's leader, from the feature's anchor to its label point, where the map shows it at this zoom. */
export function callout(scene: Scene, layer: ReportLayerId, look: AreaLook, feature: Feature) {
  if (!look.callout || !scene.style.shown(`${layer}-callout-leader`)) return undefined;
  const [x, y] = scene.anchorOf(feature) as [number, number];
  const [dx, dy] = look.callout.offset;
  return { from: scene.project([x, y]), to: scene.project([x + dx, y + dy]) };
}
