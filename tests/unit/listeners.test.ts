import type * as maplibregl from 'maplibre-gl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Permalink } from '../../src/map/permalink.ts';
import { ReportMap } from '../../src/map/report-map.ts';

/** Just enough of a MapLibre map to count the listeners a class adds and removes. */
function fakeMap() {
  const listeners = new Map<string, number>();
  const map = {
    on(type: string) {
      listeners.set(type, (listeners.get(type) ?? 0) + 1);
      let live = true;
      return {
        unsubscribe: () => {
          if (live) listeners.set(type, (listeners.get(type) ?? 0) - 1);
          live = false;
        },
      };
    },
    getCenter: () => ({ lng: 0, lat: 0 }),
    getZoom: () => 3,
    getBearing: () => 0,
    getPitch: () => 0,
  };
  const active = () => [...listeners.values()].reduce((a, b) => a + b, 0);
  return { map: map as unknown as maplibregl.Map, active };
}

/** An EventTarget that counts its live listeners, honouring `signal` as the DOM does. */
class CountingTarget extends EventTarget {
  live = 0;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: AddEventListenerOptions | boolean,
  ): void {
    super.addEventListener(type, listener, options);
    this.live++;
    const signal = typeof options === 'object' ? options.signal : undefined;
    signal?.addEventListener('abort', () => this.live--);
  }
}

const options = { features: new Map(), groups: new Map(), clickable: [] };

afterEach(() => vi.unstubAllGlobals());

describe('classes that listen to the map, the page or the keyboard', () => {
  it('ReportMap removes its map and keyboard listeners', () => {
    const { map, active } = fakeMap();
    const keys = new CountingTarget();
    const report = new ReportMap(map, { ...options, keys });
    expect(active()).toBeGreaterThan(0);
    expect(keys.live).toBe(1);
    report.destroy();
    expect(active()).toBe(0);
    expect(keys.live).toBe(0);
  });

  it('ReportMap tells the change callback it was constructed with', () => {
    const { map } = fakeMap();
    const onChange = vi.fn();
    const report = new ReportMap(map, { ...options, keys: new CountingTarget(), onChange });
    (map as unknown as { style: undefined }).style = undefined;
    (map as unknown as { once: () => void }).once = () => {};
    report.setVisible('alta-verapaz', false);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(report.state().visible).toEqual(['transit-flows', 'militarised-policing']);
  });

  it('Permalink removes its map and window listeners', () => {
    const target = new CountingTarget();
    vi.stubGlobal('window', Object.assign(target, { location: { hash: '', pathname: '/', search: '' } }));
    const { map, active } = fakeMap();
    const report = new ReportMap(map, { ...options, keys: new CountingTarget() });
    const before = active();
    const permalink = new Permalink(map, report);
    expect(active()).toBe(before + 1);
    expect(target.live).toBe(1);
    permalink.destroy();
    expect(active()).toBe(before);
    expect(target.live).toBe(0);
  });
});
