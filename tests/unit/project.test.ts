import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, defaultPadding } from '../../src/data/default-view.ts';
import { drawGeometry } from '../../src/picture/geometry.ts';
import {
  fitBounds,
  latFromMercatorY,
  mercatorY,
  type PictureView,
  projector,
  worldCopies,
} from '../../src/picture/project.ts';

const VIEW: PictureView = { center: [-88, 17], zoom: 3.9, width: 930, height: 768 };

describe('Web Mercator as MapLibre draws it (src/picture/project.ts)', () => {
  it('puts a point where the 512-pixel world at zoom 0, centred on the view, has it', () => {
    const world = 512 * 2 ** VIEW.zoom;
    // Worked out here another way: y = 1/2 − asinh(tan φ) / 2π of the world's height.
    const y = (lat: number) => 0.5 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / (2 * Math.PI);
    const [x0, y0] = projector(VIEW)([-74.08175, 4.60971]);
    expect(x0).toBeCloseTo(465 + ((-74.08175 + 88) / 360) * world, 9);
    expect(y0).toBeCloseTo(384 + (y(4.60971) - y(17)) * world, 9);
    expect(projector(VIEW)([-88, 17])).toEqual([465, 384]);
    // MapLibre's edge of the world, and back again.
    expect(mercatorY(89)).toBe(mercatorY(85.051129));
    expect(latFromMercatorY(mercatorY(40))).toBeCloseTo(40, 12);
  });

  it('repeats the world where a wide view at a low zoom shows it twice', () => {
    expect(worldCopies(VIEW)).toEqual([0]);
    const wide = { center: [170, 0] as [number, number], zoom: 1.5, width: 1920, height: 600 };
    expect(worldCopies(wide)).toEqual([0, 512 * 2 ** 1.5]);
  });

  it('fits the default bounds as MapLibre fitBounds does: inside the padding, touching the side that limits it', () => {
    const padding = defaultPadding(930);
    const view = fitBounds(DEFAULT_BOUNDS, padding, 930, 768);
    const project = projector(view);
    const [[west, south], [east, north]] = DEFAULT_BOUNDS;
    const [left, bottom] = project([west, south]);
    const [right, top] = project([east, north]);
    expect(left).toBeCloseTo(padding.left, 6);
    expect(right).toBeCloseTo(930 - padding.right, 6);
    // Vertically it has room to spare, shared equally above and below.
    expect(top).toBeGreaterThan(padding.top);
    expect(top - padding.top).toBeCloseTo(768 - padding.bottom - bottom, 6);
  });
});

describe('geometry in the view’s pixels (src/picture/geometry.ts)', () => {
  const project = projector(VIEW);
  const box: [number, number, number, number] = [-8, -8, 938, 776];

  it('clips a polygon to the box, and drops one wholly outside it', () => {
    // A square around the view's centre, far larger than the view.
    const big = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [-140, -40],
          [-40, -40],
          [-40, 60],
          [-140, 60],
          [-140, -40],
        ],
      ],
    };
    const { d, lines } = drawGeometry(big, project, box);
    // The view's box itself, in tenths of a pixel, relative after the first point.
    expect(d).toBe('M-8-8l0 784 946 0 0-784z');
    for (const [x, y] of lines.flat()) {
      expect(x).toBeGreaterThanOrEqual(-8);
      expect(x).toBeLessThanOrEqual(938);
      expect(y).toBeGreaterThanOrEqual(-8);
      expect(y).toBeLessThanOrEqual(776);
    }
    const away = {
      ...big,
      coordinates: [big.coordinates[0]?.map(([x, y]) => [(x ?? 0) + 200, y ?? 0]) ?? []],
    };
    expect(drawGeometry(away, project, box).d).toBe('');
  });

  it('cuts a line into the runs inside the box, and simplifies what the picture cannot show', () => {
    // West to east across the view, with points a hundredth of a pixel off the straight line.
    const coordinates = Array.from({ length: 201 }, (_, i) => [-200 + i * 1.5, 17 + (i % 2) * 1e-5]);
    const { lines } = drawGeometry({ type: 'LineString', coordinates }, project, box);
    expect(lines).toHaveLength(1);
    const [run] = lines;
    expect(run?.[0]?.[0]).toBeCloseTo(-8, 6);
    expect(run?.[run.length - 1]?.[0]).toBeCloseTo(938, 6);
    expect(run?.length).toBe(2);
  });
});
