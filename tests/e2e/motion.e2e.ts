import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForMap, withMap } from '../../scripts/app-page.ts';
import { freshPagePerTest } from './helpers.ts';

const open = freshPagePerTest();
/** What a reader gets who has asked for nothing (the tests' pages are still unless they ask). */
const MOVING = { reducedMotion: 'no-preference' } as const;
const PULSE = 'transit-flows-pulse';

/** Whether the moving highlight's gradient changed within `ms`. */
const gradientChangesWithin = (page: Page, ms: number) =>
  withMap(
    page,
    async (map, { layer, wait }) => {
      const before = JSON.stringify(map.getPaintProperty(layer, 'line-gradient'));
      await new Promise((resolve) => setTimeout(resolve, wait));
      return before !== JSON.stringify(map.getPaintProperty(layer, 'line-gradient'));
    },
    { layer: PULSE, wait: ms },
  );

const highlightOpacity = (page: Page) =>
  withMap(page, (map, layer) => map.getPaintProperty(layer, 'line-opacity'), PULSE);

// MapLibre has no getter for it; `_fadeDuration` is the option as the map holds it.
const labelFade = (page: Page) =>
  withMap(page, (map) => (map as unknown as { _fadeDuration: number })._fadeDuration);

describe('motion', () => {
  it("fades labels in and out over MapLibre's 300 ms by default, and not under reduced motion", async () => {
    expect(await labelFade(await open(MOVING))).toBe(300);
    expect(await labelFade(await open({ reducedMotion: 'reduce' }))).toBe(0);
  });

  it('moves gently along the route by default, shown from the first idle', async () => {
    const page = await open(MOVING);
    expect(await highlightOpacity(page)).toBe(1);
    expect(await gradientChangesWithin(page, 600)).toBe(true);
  });

  it('hides and holds while the map moves, and goes on once it stops', async () => {
    const page = await open(MOVING);
    const held = await withMap(
      page,
      async (map, layer) => {
        const gradient = () => JSON.stringify(map.getPaintProperty(layer, 'line-gradient'));
        map.panBy([150, 0], { duration: 1500 });
        const before = gradient();
        await new Promise((resolve) => setTimeout(resolve, 800));
        return {
          moving: map.isMoving(),
          unchanged: before === gradient(),
          opacity: map.getPaintProperty(layer, 'line-opacity'),
        };
      },
      PULSE,
    );
    expect(held).toEqual({ moving: true, unchanged: true, opacity: 0 });
    await waitForMap(page, ([map]) => !map.isMoving());
    expect(await highlightOpacity(page)).toBe(1);
    expect(await gradientChangesWithin(page, 600)).toBe(true);
  });

  it('stays still when the person prefers reduced motion', async () => {
    const page = await open({ reducedMotion: 'reduce' });
    expect(await highlightOpacity(page)).toBe(1);
    expect(await gradientChangesWithin(page, 600)).toBe(false);
  });
});
