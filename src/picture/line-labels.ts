/** Where labels may go in the SVG picture, and the labels that run along a line (the routes'). */

import { escapeXml } from '../formats/xml.ts';
import { type Box, overlaps, type Point, resample } from './geometry.ts';
import { type Font, textWidth } from './text.ts';
import { element, group, num } from './xml.ts';

/** MapLibre's default text-line-height, in ems. */
export const LINE_HEIGHT = 1.2;
/** Where a line of text's baseline sits below the middle of its line box, in ems. */
export const BASELINE = 0.36;

/** Labels are placed as MapLibre places them: in order, each only where it overlaps none placed before. */
export class Placer {
  private readonly taken: Box[];
  constructor(
    private readonly bounds: Box,
    obstacles: Box[],
  ) {
    this.taken = [...obstacles];
  }

  place(boxes: Box[]): boolean {
    const [left, top, right, bottom] = this.bounds;
    const fits = boxes.every(
      (b) =>
        b[0] >= left &&
        b[1] >= top &&
        b[2] <= right &&
        b[3] <= bottom &&
        !this.taken.some((t) => overlaps(b, t)),
    );
    if (fits) this.taken.push(...boxes);
    return fits;
  }
}

/** How far a line's points from `first` to `last` stray from the straight line between those two. */
function deviation(points: Point[], first: number, last: number): number {
  const [ax, ay] = points[first] as Point;
  const [bx, by] = points[last] as Point;
  const length = Math.hypot(bx - ax, by - ay) || 1;
  let most = 0;
  for (let i = first + 1; i < last; i += 1) {
    const [px, py] = points[i] as Point;
    most = Math.max(most, Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length);
  }
  return most;
}

/** Turns a direction's angle, in degrees, to read left to right (MapLibre's text-keep-upright). */
function upright(ux: number, uy: number): number {
  const angle = (Math.atan2(uy, ux) * 180) / Math.PI;
  return angle > 90 ? angle - 180 : angle <= -90 ? angle + 180 : angle;
}

/** Collision boxes along a straight run of text of `width` centred on (x, y) along (ux, uy). */
function boxesAlong(x: number, y: number, ux: number, uy: number, width: number, size: number): Box[] {
  const boxes: Box[] = [];
  const radius = (LINE_HEIGHT * size) / 2;
  for (let s = -width / 2; s <= width / 2 + 0.01; s += size) {
    const [bx, by] = [x + ux * s, y + uy * s];
    boxes.push([bx - radius, by - radius, bx + radius, by + radius]);
  }
  return boxes;
}

/**
 * Where a run of text from `from` to `to` (indices into `points`) goes: halfway between the curve and
 * its chord, so that the text strays from the line least, then `offset` ems across the line, its
 * direction turned a quarter clockwise on screen, as MapLibre offsets a line label.
 */
function runAt(points: Point[], from: number, to: number, offset: number, size: number) {
  const [ax, ay] = points[from] as Point;
  const [bx, by] = points[to] as Point;
  const [px, py] = points[Math.round((from + to) / 2)] as Point;
  const chord = Math.hypot(bx - ax, by - ay) || 1;
  const [ux, uy] = [(bx - ax) / chord, (by - ay) / chord];
  return {
    x: (px + (ax + bx) / 2) / 2 - uy * offset * size,
    y: (py + (ay + by) / 2) / 2 + ux * offset * size,
    ux,
    uy,
  };
}

const LABEL_STEP = 2;

/**
 * A line label at the middle of its line, as MapLibre's line-center places it. Set straight where
 * the line is straight enough under it (a little off the middle if that is where it is), so that it
 * stays one line of text in any editor; on a tighter curve, a word at a time along the curve, each
 * word its own <text>, since librsvg draws neither textPath nor per-glyph positions. `offset` is
 * MapLibre's text-offset in ems; the text turns to read left to right (text-keep-upright).
 */
export function placeLineLabel(
  placer: Placer,
  { font }: { font: Font },
  line: Point[],
  text: string,
  offset: number,
): string {
  const width = textWidth(text, font);
  const points = resample(line, LABEL_STEP);
  const half = Math.ceil(width / 2 / LABEL_STEP);
  const middle = Math.round(points.length / 2);
  const margin = Math.ceil(font.size / LABEL_STEP);
  if (middle - half - margin < 0 || middle + half + margin >= points.length) return '';

  const reach = Math.round(points.length * 0.15);
  const straight: { at: number; cost: number }[] = [];
  for (
    let at = Math.max(half + margin, middle - reach);
    at <= Math.min(points.length - 1 - half - margin, middle + reach);
    at += 2
  ) {
    const stray = deviation(points, at - half, at + half);
    if (stray <= 0.4 * font.size)
      straight.push({ at, cost: stray + 0.05 * LABEL_STEP * Math.abs(at - middle) });
  }
  straight.sort((a, b) => a.cost - b.cost);
  for (const { at } of straight.slice(0, 8)) {
    const run = runAt(points, at - half, at + half, offset, font.size);
    if (!placer.place(boxesAlong(run.x, run.y, run.ux, run.uy, width, font.size))) continue;
    const transform = `translate(${num(run.x)} ${num(run.y)}) rotate(${num(upright(run.ux, run.uy))})`;
    return element('text', { transform, y: BASELINE * font.size, 'text-anchor': 'middle' }, escapeXml(text));
  }

  // Word by word along the curve, read left to right: a line running west is read from its end, with
  // the offset turned round so the label stays on the same side of it. The words are spaced along
  // the offset curve itself, so they keep their spaces on either side of a bend.
  const westward = (points[middle + half] as Point)[0] < (points[middle - half] as Point)[0];
  const forward = westward ? [...points].reverse() : points;
  const side = (westward ? -offset : offset) * font.size;
  const shifted = forward.map(([x, y], i): Point => {
    const [ax, ay] = forward[Math.max(0, i - 1)] as Point;
    const [bx, by] = forward[Math.min(forward.length - 1, i + 1)] as Point;
    const length = Math.hypot(bx - ax, by - ay) || 1;
    return [x - ((by - ay) / length) * side, y + ((bx - ax) / length) * side];
  });
  const path = resample(shifted, LABEL_STEP);
  const space = textWidth(' ', font) / LABEL_STEP;
  let start = (path.length - 1) / 2 - width / 2 / LABEL_STEP;
  if (start < 0 || start + width / LABEL_STEP > path.length - 1) return '';
  const words = text.split(' ').map((word) => {
    const span = textWidth(word, font) / LABEL_STEP;
    const run = runAt(path, Math.round(start), Math.round(start + span), 0, font.size);
    start += span + space;
    return { word, run, width: span * LABEL_STEP };
  });
  const boxes = words.flatMap(({ run, width: w }) => boxesAlong(run.x, run.y, run.ux, run.uy, w, font.size));
  if (!placer.place(boxes)) return '';
  return group(
    { class: 'along-curve' },
    words.map(({ word, run }) =>
      element(
        'text',
        {
          transform: `translate(${num(run.x)} ${num(run.y)}) rotate(${num(upright(run.ux, run.uy))})`,
          y: BASELINE * font.size,
          'text-anchor': 'middle',
        },
        escapeXml(word),
      ),
    ),
  );
}
