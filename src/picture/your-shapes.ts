/**
 * The reader's own files drawn in the SVG picture, as src/map/your-data-layers.ts draws them on the
 * map (colours and looks from ./your-legend.ts).
 */
import type { Geometry, Position } from 'geojson';
import { type Interval, stateAt, type TimeState } from '../data/time.ts';
import { escapeXml } from '../formats/xml.ts';
import type { Point } from './geometry.ts';
import { draw, type Scene } from './scene.ts';
import { element, group } from './xml.ts';
import { LOOK, ownColour, type PictureFile, partOf } from './your-legend.ts';

/** Each feature's place on the timeline on `date`: a dated row is an event, in force from its day. */
function states(file: PictureFile, date: string): (TimeState | undefined)[] {
  return (file.dates?.values ?? []).map((d) => {
    if (!d) return undefined;
    const interval: Interval = {
      start: { earliest: d.earliest, latest: d.latest, date: d.date, precision: d.unit, source: '' },
    };
    return stateAt(interval, date).state;
  });
}

/** The point geometries of a feature, GeometryCollections opened, as positions. */
function positions(geometry: Geometry | null): Position[] {
  if (!geometry) return [];
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'MultiPoint') return geometry.coordinates;
  return [];
}

/** A GeometryCollection's members, drawn as the map draws each (MapLibre splits them the same way). */
const members = (geometry: Geometry | null): Geometry[] =>
  geometry?.type === 'GeometryCollection' ? geometry.geometries.flatMap(members) : geometry ? [geometry] : [];

/**
 * One file's shapes as the map draws them: areas tinted and outlined, lines, points as circles with
 * a white ring, each in its own colour or the file's, fainter while its date is uncertain and left
 * out before it. Points are drawn one a pixel: a circle exactly over another adds nothing, and a
 * file of many thousand points (which the map clusters at low zoom) stays a picture of the size of
 * its view rather than of its rows.
 */
function fileShapes(scene: Scene, file: PictureFile, index: number): string {
  const on = states(file, scene.date);
  const areas: string[] = [];
  const outlines: string[] = [];
  const lines: string[] = [];
  const points: string[] = [];
  const seen = new Set<string>();
  const [width, height] = [scene.view.width, scene.view.height];
  // MapLibre strokes a circle outside its radius, SVG across its edge: the ring's middle is the radius.
  const r = LOOK.point.radius + LOOK.point.strokeWidth / 2;
  const radius = LOOK.point.radius + LOOK.point.strokeWidth;
  file.features.forEach((feature, i) => {
    const state = on[i];
    if (state === 'not-yet') return;
    const faint = state === 'uncertain' ? 1 : 0;
    for (const geometry of members(feature.geometry)) {
      const part = partOf(geometry);
      if (part === 'point') {
        const colour = ownColour(feature, 'point', file.colour);
        for (const position of positions(geometry))
          for (const shift of scene.shifts) {
            const [x, y] = scene.project(position);
            const at: Point = [x + shift, y];
            if (at[0] < -radius || at[0] > width + radius || at[1] < -radius || at[1] > height + radius)
              continue;
            const key = `${Math.round(at[0])} ${Math.round(at[1])} ${colour} ${faint}`;
            if (seen.has(key)) continue;
            seen.add(key);
            points.push(
              element('circle', {
                cx: at[0],
                cy: at[1],
                r,
                fill: colour === file.colour ? undefined : colour,
                opacity: faint ? LOOK.point.opacity[1] : undefined,
              }),
            );
          }
        continue;
      }
      const d = part ? draw(scene, geometry) : '';
      if (!d) continue;
      if (part === 'area') {
        const fill = ownColour(feature, 'area', file.colour);
        const stroke = ownColour(feature, 'outline', file.colour);
        areas.push(
          element('path', {
            d,
            fill: fill === file.colour ? undefined : fill,
            'fill-opacity': faint ? LOOK.fillOpacity[1] : undefined,
          }),
        );
        outlines.push(
          element('path', {
            d,
            stroke: stroke === file.colour ? undefined : stroke,
            'stroke-opacity': faint ? LOOK.outline.opacity[1] : undefined,
          }),
        );
      } else {
        const stroke = ownColour(feature, 'line', file.colour);
        lines.push(
          element('path', {
            d,
            stroke: stroke === file.colour ? undefined : stroke,
            'stroke-opacity': faint ? LOOK.line.opacity[1] : undefined,
          }),
        );
      }
    }
  });
  const c = file.colour;
  const parts = [
    areas.length > 0
      ? group({ class: 'areas', fill: c, 'fill-opacity': LOOK.fillOpacity[0], stroke: 'none' }, areas)
      : '',
    outlines.length > 0
      ? group({ class: 'outlines', fill: 'none', stroke: c, 'stroke-width': LOOK.outline.width }, outlines)
      : '',
    lines.length > 0
      ? group(
          {
            class: 'lines',
            fill: 'none',
            stroke: c,
            'stroke-width': LOOK.line.width,
            'stroke-linecap': 'round',
            'stroke-linejoin': 'round',
          },
          lines,
        )
      : '',
    points.length > 0
      ? group(
          { class: 'points', fill: c, stroke: LOOK.point.stroke, 'stroke-width': LOOK.point.strokeWidth },
          points,
        )
      : '',
  ].filter((p) => p !== '');
  return group({ id: `your-data-${index + 1}`, class: 'your-data-file' }, [
    element('title', {}, escapeXml(file.name)),
    ...parts,
  ]);
}

/**
 * The reader's files in the SVG, as the group `your-data`, one group a file in the order they were
 * added (a later file over an earlier one, as on the map); empty when none is shown. The map puts
 * them over the report's area tints and under every line and label, and so does the picture.
 */
export function yourShapes(scene: Scene, files: readonly PictureFile[]): string {
  if (files.length === 0) return '';
  return group(
    { id: 'your-data' },
    files.map((file, i) => fileShapes(scene, file, i)),
  );
}
