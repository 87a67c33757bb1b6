/**
 * The offline case of the cross-engine suite (suite.ts): after one visit, the page comes back with the
 * server unreachable, served by the service worker. A server and an engine of its own, so no other
 * case runs under a worker it left behind.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BUILD } from '../../scripts/app-page.ts';
import { type Engine, type EngineOptions, type EnginePage, waitFor } from '../../scripts/engines/engine.ts';
import { type StaticServer, serveStatic } from '../../scripts/server.ts';
import { LAYERS, layerFile } from '../e2e/helpers.ts';

type Probed = Window & { __map?: MapLibreMap; __probe: { errors: string[] } };

const FEATURES = LAYERS.flatMap((layer) => layerFile(layer.id).features).length;

/** What the reader sees: the report layers drawn, the features listed, and the message line. */
const state = (page: EnginePage) =>
  page.evaluate(() => {
    const map = (window as unknown as Probed).__map as MapLibreMap;
    const layers = map
      .queryRenderedFeatures()
      .map((f) => (f.layer.metadata as Record<string, unknown> | undefined)?.['report:layer']);
    return {
      layers: [...new Set(layers.filter(Boolean))].sort(),
      listed: document.querySelectorAll('.text-list__item').length,
      message: document.getElementById('messages')?.textContent ?? '',
      updateLine: document.querySelector('.update-line') !== null,
    };
  });

const ready = (page: EnginePage) =>
  waitFor(page, 'the map to be ready', () => document.querySelector('#map[data-ready="true"]') !== null);

export function offlineSuite(
  label: string,
  launch: (options: EngineOptions) => Promise<Engine>,
  display: () => string | undefined,
  probe: string,
): void {
  describe(`${label}: offline after the first visit`, () => {
    let engine: Engine;
    let server: StaticServer;
    beforeAll(async () => {
      server = await serveStatic(TEST_BUILD, '/some/sub/path/', { probe });
      engine = await launch({ display: display() });
    });
    afterAll(async () => {
      await engine?.close();
      await server?.close();
    });

    it('comes back with the server unreachable: every layer, the text list, no error', async () => {
      const first = await engine.open(server.url);
      await ready(first);
      await waitFor(
        first,
        'the service worker to control the page',
        () =>
          navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined,
        undefined,
        60_000,
      );
      const errors = [...(await first.evaluate(() => [...(window as unknown as Probed).__probe.errors]))];
      await first.close();
      server.setReachable(false);
      const again = await engine.open(server.url);
      await ready(again);
      expect(await state(again)).toEqual({
        layers: LAYERS.map((l) => l.id).sort(),
        listed: FEATURES,
        message: '',
        updateLine: false,
      });
      errors.push(...(await again.evaluate(() => [...(window as unknown as Probed).__probe.errors])));
      errors.push(...again.driverErrors);
      await again.close();
      expect(errors, 'console and page errors').toEqual([]);
    }, 120_000);
  });
}
