import type { Geometry, Position } from 'geojson';
import type { Project } from './project.ts';

/**
 * GeoJSON geometry to SVG path data in the view's pixels: projected, clipped to the view (with a
 * margin, so no stroke ends inside it), simplified to what the picture can show, and written in
 * tenths of a pixel. A picture of the whole corridor then holds a few thousand points, not the
 * basemap's tens of thousands.
 */

/** Points closer than this to the simplified line, in pixels, are left out. */
export const SIMPLIFY_TOLERANCE = 0.4;
/** Rings smaller than this, in square pixels, are left out, as MapLibre's tiler leaves them out. */
const MIN_RING_AREA = 2.25;

/** A rectangle in the view's pixels: left, top, right, bottom. */
export type Box = [number, number, number, number];

export type Point = [number, number];

/** Douglas–Peucker, keeping the first and last points. */
function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const squared = tolerance * tolerance;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    const [ax, ay] = points[first] as Point;
    const [bx, by] = points[last] as Point;
    const dx = bx - ax;
    const dy = by - ay;
    const length = dx * dx + dy * dy;
    let farthest = -1;
    let most = squared;
    for (let i = first + 1; i < last; i += 1) {
      const [px, py] = points[i] as Point;
      let t = length > 0 ? ((px - ax) * dx + (py - ay) * dy) / length : 0;
      t = Math.max(0, Math.min(1, t));
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - py;
      const distance = ex * ex + ey * ey;
      if (distance > most) {
        most = distance;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** One edge of the clipping box: is a point inside, and where a segment crosses it. */
interface Edge {
  inside: (p: Point) => boolean;
  cross: (a: Point, b: Point) => Point;
}

function edges([left, top, right, bottom]: Box): Edge[] {
  const atX =
    (x: number) =>
    (a: Point, b: Point): Point => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
  const atY =
    (y: number) =>
    (a: Point, b: Point): Point => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
  return [
    { inside: (p) => p[0] >= left, cross: atX(left) },
    { inside: (p) => p[0] <= right, cross: atX(right) },
    { inside: (p) => p[1] >= top, cross: atY(top) },
    { inside: (p) => p[1] <= bottom, cross: atY(bottom) },
  ];
}

/**
 * A closed ring clipped to the box (Sutherland–Hodgman). Where the ring leaves the box it comes back
 * along the box's edge, outside the view itself, so neither the fill nor the outline shows it.
 */
function clipRing(ring: Point[], box: Box): Point[] {
  let output = ring;
  for (const edge of edges(box)) {
    const input = output;
    output = [];
    for (let i = 0; i < input.length; i += 1) {
      const current = input[i] as Point;
      const previous = input[(i + input.length - 1) % input.length] as Point;
      if (edge.inside(current)) {
        if (!edge.inside(previous)) output.push(edge.cross(previous, current));
        output.push(current);
      } else if (edge.inside(previous)) output.push(edge.cross(previous, current));
    }
    if (output.length === 0) break;
  }
  return output;
}

/** A line clipped to the box: the runs of it inside, each its own line (Liang–Barsky per segment). */
function clipLine(line: Point[], [left, top, right, bottom]: Box): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] = [];
  for (let i = 1; i < line.length; i += 1) {
    const [ax, ay] = line[i - 1] as Point;
    const [bx, by] = line[i] as Point;
    const dx = bx - ax;
    const dy = by - ay;
    let t0 = 0;
    let t1 = 1;
    const sides: [number, number][] = [
      [-dx, ax - left],
      [dx, right - ax],
      [-dy, ay - top],
      [dy, bottom - ay],
    ];
    let visible = true;
    for (const [p, q] of sides) {
      if (p === 0) {
        if (q < 0) visible = false;
      } else {
        const t = q / p;
        if (p < 0) t0 = Math.max(t0, t);
        else t1 = Math.min(t1, t);
      }
    }
    if (!visible || t0 > t1) {
      if (run.length > 1) runs.push(run);
      run = [];
      continue;
    }
    const start: Point = [ax + t0 * dx, ay + t0 * dy];
    const end: Point = [ax + t1 * dx, ay + t1 * dy];
    if (run.length === 0) run.push(start);
    run.push(end);
    if (t1 < 1) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

function ringArea(ring: Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const [ax, ay] = ring[i] as Point;
    const [bx, by] = ring[(i + 1) % ring.length] as Point;
    sum += ax * by - bx * ay;
  }
  return Math.abs(sum) / 2;
}

/** A number of tenths of a pixel, written as short as SVG allows: 12, 1.5, .5, -.5. */
function tenths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(value) / 10);
  const tenth = Math.abs(value) % 10;
  if (tenth === 0) return `${sign}${whole}`;
  return `${sign}${whole === 0 ? '' : whole}.${tenth}`;
}

/** Pairs of numbers, spaced only where SVG needs it (a minus sign separates on its own). */
function numbers(values: string[]): string {
  let out = '';
  for (const value of values) out += out === '' || value.startsWith('-') ? value : ` ${value}`;
  return out;
}

/** Path data for runs of points: absolute moveto, relative linetos, in tenths of a pixel. */
function pathData(runs: Point[][], closed: boolean): string {
  let d = '';
  for (const run of runs) {
    let previous: [number, number] | undefined;
    const moves: string[] = [];
    for (const [x, y] of run) {
      const at: [number, number] = [Math.round(x * 10), Math.round(y * 10)];
      if (!previous) moves.push(`M${numbers([tenths(at[0]), tenths(at[1])])}l`);
      else if (at[0] !== previous[0] || at[1] !== previous[1])
        moves.push(numbers([tenths(at[0] - previous[0]), tenths(at[1] - previous[1])]));
      else continue;
      previous = at;
    }
    if (moves.length < 2) continue;
    const [first = '', ...rest] = moves;
    d += first + numbers(rest) + (closed ? 'z' : '');
  }
  return d;
}

export interface Drawn {
  /** Path data, empty when nothing of the geometry is in the box. */
  d: string;
  /** The clipped runs in pixels, for what is placed along lines (arrowheads, labels). */
  lines: Point[][];
}

/**
 * A geometry as SVG path data within `box`: polygons as closed rings, lines as open runs, shifted by
 * `shift` pixels east (a world copy). Points are left out first within a tenth of a pixel of the one
 * before, which keeps Douglas–Peucker quick on the basemap's long coasts.
 */
export function drawGeometry(geometry: Geometry | null, project: Project, box: Box, shift = 0): Drawn {
  if (!geometry) return { d: '', lines: [] };
  const toPixels = (positions: Position[]): Point[] => {
    const out: Point[] = [];
    let last: Point | undefined;
    for (const position of positions) {
      const [x, y] = project(position);
      const p: Point = [x + shift, y];
      if (last && Math.abs(p[0] - last[0]) < 0.1 && Math.abs(p[1] - last[1]) < 0.1) continue;
      out.push(p);
      last = p;
    }
    return out;
  };
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  const lineStrings =
    geometry.type === 'LineString'
      ? [geometry.coordinates]
      : geometry.type === 'MultiLineString'
        ? geometry.coordinates
        : [];
  if (polygons.length > 0) {
    const rings = polygons.flatMap((polygon) =>
      polygon.flatMap((ring) => {
        // A GeoJSON ring repeats its first point at the end; the clipper wants it once.
        const clipped = clipRing(toPixels(ring.slice(0, -1)), box);
        if (clipped.length < 3 || ringArea(clipped) < MIN_RING_AREA) return [];
        const closedRun = simplify([...clipped, clipped[0] as Point], SIMPLIFY_TOLERANCE);
        closedRun.pop();
        return closedRun.length >= 3 ? [closedRun] : [];
      }),
    );
    return { d: pathData(rings, true), lines: rings };
  }
  const runs = lineStrings.flatMap((line) =>
    clipLine(toPixels(line), box).map((run) => simplify(run, SIMPLIFY_TOLERANCE)),
  );
  return { d: pathData(runs, false), lines: runs };
}

/** Whether two boxes overlap. */
export const overlaps = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** The point `distance` pixels along a line, and the direction there. */
export function along(line: Point[], distance: number): { at: Point; direction: Point } | undefined {
  let travelled = 0;
  for (let i = 1; i < line.length; i += 1) {
    const [ax, ay] = line[i - 1] as Point;
    const [bx, by] = line[i] as Point;
    const length = Math.hypot(bx - ax, by - ay);
    if (length > 0 && travelled + length >= distance) {
      const t = (distance - travelled) / length;
      return {
        at: [ax + t * (bx - ax), ay + t * (by - ay)],
        direction: [(bx - ax) / length, (by - ay) / length],
      };
    }
    travelled += length;
  }
  return undefined;
}

export const lineLength = (line: Point[]): number =>
  line
    .slice(1)
    .reduce((sum, [x, y], i) => sum + Math.hypot(x - (line[i] as Point)[0], y - (line[i] as Point)[1]), 0);

/** Points every `step` pixels along a line, from its start. */
export function resample(line: Point[], step: number): Point[] {
  const out: Point[] = [];
  let next = 0;
  let travelled = 0;
  for (let i = 1; i < line.length; i += 1) {
    const [ax, ay] = line[i - 1] as Point;
    const [bx, by] = line[i] as Point;
    const length = Math.hypot(bx - ax, by - ay);
    while (length > 0 && next <= travelled + length) {
      const t = (next - travelled) / length;
      out.push([ax + t * (bx - ax), ay + t * (by - ay)]);
      next += step;
    }
    travelled += length;
  }
  return out;
}
