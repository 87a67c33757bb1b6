/**
 * The reader's own files drawn in the SVG picture, as src/map/your-data-layers.ts draws them on the
 * map (colours and looks from ./your-legend.ts).
 */
import { Supercluster } from '@maplibre/geojson-vt';
import type { Geometry, Position } from 'geojson';
import { type Interval, stateAt, type TimeState } from '../data/time.ts';
import { escapeXml } from '../formats/xml.ts';
import { members } from '../your-data/tile-layers.ts';
import type { YourFeature } from '../your-data/types.ts';
import type { Point } from './geometry.ts';
import { latFromMercatorY, lngFromMercatorX, mercatorX, mercatorY, worldSize } from './project.ts';
import { draw, type Scene } from './scene.ts';
import { element, group } from './xml.ts';
import { featureColour, LOOK, type PictureFile, partOf } from './your-legend.ts';

/** MapLibre's vector tile extent, in which its clustering measures its radius. */
const TILE_EXTENT = 8192;

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

/**
 * A file's points as the map clusters them at the view's zoom: with the map's own clustering
 * (@maplibre/geojson-vt, which the tile worker runs, src/your-data/tile-index.ts), its options
 * (CLUSTERING) and its tiles' zoom (the whole zoom below the view's), so
 * the picture has the bubbles and counts the map shows, not an imitation of them.
 */
function clusters(scene: Scene, file: PictureFile) {
  const index = new Supercluster({
    maxZoom: LOOK.cluster.maxZoom,
    minPoints: 2,
    extent: TILE_EXTENT,
    radius: (LOOK.cluster.pixels * TILE_EXTENT) / 512,
  });
  index.load(
    file.features.flatMap((f) =>
      f.geometry?.type === 'Point' || f.geometry?.type === 'MultiPoint'
        ? [{ type: 'Feature' as const, id: f.id, properties: {}, geometry: f.geometry }]
        : [],
    ),
  );
  // The view and the largest bubble's margin, in degrees; the whole world where it shows more.
  const { center, zoom, width, height } = scene.view;
  const size = worldSize(zoom);
  const margin = 25;
  const x = mercatorX(center[0]) * size;
  const y = mercatorY(center[1]) * size;
  const west = lngFromMercatorX((x - width / 2 - margin) / size);
  const east = lngFromMercatorX((x + width / 2 + margin) / size);
  const box: [number, number, number, number] =
    west < -180 || east > 180
      ? [-180, -85.06, 180, 85.06]
      : [
          west,
          Math.max(-85.06, latFromMercatorY((y + height / 2 + margin) / size)),
          east,
          Math.min(85.06, latFromMercatorY((y - height / 2 - margin) / size)),
        ];
  return index.getClusters(box, Math.floor(zoom));
}

/**
 * One file's shapes as the map draws them: areas tinted and outlined, lines, points as circles with
 * a white ring, each in its own colour or the file's, fainter while its date is uncertain and left
 * out before it; a file of many points in the map's clusters, with their counts. Points are drawn
 * one a pixel: a circle exactly over another adds nothing to the picture but bytes.
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
  const inView = ([x, y]: Point, margin: number) =>
    x >= -margin && x <= width + margin && y >= -margin && y <= height + margin;
  const point = (position: Position, feature: YourFeature, faint: number) => {
    const colour = featureColour(file, feature, 'point');
    for (const shift of scene.shifts) {
      const [x, y] = scene.project(position);
      const at: Point = [x + shift, y];
      if (!inView(at, r + LOOK.point.strokeWidth)) continue;
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
  };
  const clustered = file.features.filter((f) => f.geometry?.type === 'Point').length >= LOOK.cluster.from;
  file.features.forEach((feature, i) => {
    const state = on[i];
    if (state === 'not-yet') return;
    const faint = state === 'uncertain' ? 1 : 0;
    for (const geometry of feature.geometry ? members(feature.geometry) : []) {
      const part = partOf(geometry);
      if (part === 'point') {
        if (!clustered) for (const position of positions(geometry)) point(position, feature, faint);
        continue;
      }
      const d = part ? draw(scene, geometry) : '';
      if (!d) continue;
      if (part === 'area') {
        const fill = featureColour(file, feature, 'area');
        const stroke = featureColour(file, feature, 'outline');
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
        const stroke = featureColour(file, feature, 'line');
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
  const bubbles: string[] = [];
  const counts: string[] = [];
  if (clustered)
    for (const found of clusters(scene, file)) {
      const [lng = 0, lat = 0] = found.geometry.coordinates;
      const properties = found.properties as Record<string, unknown> | null;
      if (properties?.cluster !== true) {
        // A point the clustering left alone: drawn, and dated, as any other.
        const id = Number(found.id);
        const feature = file.features[id];
        const state = on[id];
        if (feature && state !== 'not-yet') point([lng, lat], feature, state === 'uncertain' ? 1 : 0);
        continue;
      }
      const count = Number(properties.point_count);
      const radius = LOOK.cluster.radius.findLast(([from]) => count >= from)?.[1] ?? 12;
      for (const shift of scene.shifts) {
        const [x, y] = scene.project([lng, lat]);
        const at: Point = [x + shift, y];
        if (!inView(at, radius + LOOK.cluster.strokeWidth)) continue;
        bubbles.push(element('circle', { cx: at[0], cy: at[1], r: radius + LOOK.cluster.strokeWidth / 2 }));
        // Set on the bubble's middle: a third of the size below it is the middle of a digit.
        counts.push(
          element(
            'text',
            { x: at[0], y: at[1] + LOOK.cluster.textSize * 0.36 },
            escapeXml(String(properties.point_count_abbreviated)),
          ),
        );
      }
    }
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
    bubbles.length > 0
      ? group(
          {
            class: 'clusters',
            fill: c,
            stroke: LOOK.point.stroke,
            'stroke-width': LOOK.cluster.strokeWidth,
          },
          bubbles,
        )
      : '',
    counts.length > 0
      ? group(
          {
            class: 'counts',
            fill: '#ffffff',
            'font-size': LOOK.cluster.textSize,
            'font-weight': 'bold',
            'text-anchor': 'middle',
          },
          counts,
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
