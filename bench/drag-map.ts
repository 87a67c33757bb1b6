/** The bench's drag of the map: the warm runs (measure.ts), the paired drags (drag.ts), large files. */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { JSHandle, Page } from 'playwright-core';
import { METHOD } from './method.ts';
import { type Counted, startCounting, stopCounting } from './page-scripts.ts';

export type Drag = Counted & { rendersPerSecond: number };

/**
 * Holds the mouse down on the map's centre and swings it about 60 times a second for `ms`, up to `dx`
 * by `dy` px around the centre so the map stays in view; `begin` runs with the mouse on the centre,
 * before it is pressed (the caller starts its counters there).
 */
export async function swingDrag(
  page: Page,
  { ms, dx, dy }: { ms: number; dx: number; dy: number },
  begin: () => Promise<unknown>,
): Promise<void> {
  const box = await page.locator('#map canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('The map canvas has no box');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await begin();
  await page.mouse.down();
  const start = performance.now();
  for (let t = 0; t < ms; t = performance.now() - start) {
    const phase = (t / ms) * 2 * Math.PI;
    await page.mouse.move(cx + dx * Math.sin(phase), cy + dy * Math.sin(2 * phase));
    await sleep(16 - ((performance.now() - start) % 16));
  }
  await page.mouse.move(cx, cy);
  await page.mouse.up();
}

/** The bench's drag (swingDrag for METHOD.dragMs), counting the map's renders and the page's frames. */
export async function dragMap(page: Page, map: JSHandle<MapLibreMap>): Promise<Drag> {
  await swingDrag(page, { ms: METHOD.dragMs, dx: 200, dy: 100 }, () => map.evaluate(startCounting));
  const counted = await page.evaluate(stopCounting);
  return { ...counted, rendersPerSecond: (counted.renders / counted.ms) * 1000 };
}
