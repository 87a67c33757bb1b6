/** The bench's drag of the map, used by the warm runs (measure.ts) and the paired drags (drag.ts). */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { JSHandle, Page } from 'playwright-core';
import { METHOD } from './method.ts';
import { type Counted, startCounting, stopCounting } from './page-scripts.ts';

export type Drag = Counted & { rendersPerSecond: number };

/** A drag at about 60 mouse events a second, swinging around the centre so the map stays in view. */
export async function dragMap(page: Page, map: JSHandle<MapLibreMap>): Promise<Drag> {
  const box = await page.locator('#map canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('The map canvas has no box');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await map.evaluate(startCounting);
  await page.mouse.down();
  const start = performance.now();
  for (let t = 0; t < METHOD.dragMs; t = performance.now() - start) {
    const phase = (t / METHOD.dragMs) * 2 * Math.PI;
    await page.mouse.move(cx + 200 * Math.sin(phase), cy + 100 * Math.sin(2 * phase));
    await sleep(16 - ((performance.now() - start) % 16));
  }
  await page.mouse.move(cx, cy);
  await page.mouse.up();
  const counted = await page.evaluate(stopCounting);
  return { ...counted, rendersPerSecond: (counted.renders / counted.ms) * 1000 };
}
