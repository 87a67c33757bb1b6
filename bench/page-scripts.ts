/**
 * The code the benchmark runs in the page. Each function is sent to the page as source, so it may use
 * nothing from this module but types.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export type Signal = 'ready' | 'popup';

/** What the probes note, in ms from navigation start; null until it happens. */
export interface Probe {
  ready: number | null;
  click: number | null;
  popup: number | null;
  created: number | null;
  /** The first request for a WebGL context and its return, which in a browser just started waits for its GPU process. */
  webglAsked: number | null;
  webglMade: number | null;
  /** The first tile on the page: MapLibre's first `sourcedata` event with one, once it is unpacked there. */
  firstTile: number | null;
  load: number | null;
  renders: number;
  frames: number;
  counting: boolean;
  t0: number;
  /** When the page last handed a picture (PNG or SVG) to a download link. */
  picture: number | null;
}

interface ProbedWindow {
  __bench: Probe;
  __benchSignal?: (what: Signal) => void;
  __map?: MapLibreMap;
}

export interface Phases {
  domContentLoaded: number;
  webglAsked: number | null;
  webglMade: number | null;
  mapCreated: number | null;
  firstTile: number | null;
  mapLoad: number | null;
  idle: number | null;
}

export interface MapState {
  width: number;
  height: number;
  zoom: number;
  center: [number, number];
}

export interface Counted {
  renders: number;
  frames: number;
  ms: number;
}

/**
 * tsx compiles with esbuild's keepNames, which wraps the page scripts' inner functions in __name();
 * the page has no such function, so this gives it one that does nothing. Install it first.
 */
export function defineName(): void {
  (globalThis as { __name?: unknown }).__name ??= (f: unknown) => f;
}

/**
 * Runs before any script of the page. Notes when #map gets data-ready and when a popup appears after
 * a click, and tells the bench through an exposed function rather than being polled.
 */
export function installProbes(): void {
  const w = window as unknown as ProbedWindow;
  const probe: Probe = {
    ready: null,
    click: null,
    popup: null,
    created: null,
    webglAsked: null,
    webglMade: null,
    firstTile: null,
    load: null,
    renders: 0,
    frames: 0,
    counting: false,
    t0: 0,
    picture: null,
  };
  w.__bench = probe;
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    if (object instanceof Blob && object.type.startsWith('image/')) probe.picture = performance.now();
    return createObjectURL(object);
  };
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
    const webgl = probe.webglAsked === null && String(args[0]).startsWith('webgl');
    if (webgl) probe.webglAsked = performance.now();
    const context = (getContext as (...a: unknown[]) => unknown).apply(this, args);
    if (webgl) probe.webglMade = performance.now();
    return context;
  } as typeof getContext;
  // The baselines assign window.__map right after new Map(), the app once the map's interface is
  // built too: note when, when its first tile is on the page, and when the map has loaded.
  let map: MapLibreMap | undefined;
  Object.defineProperty(window, '__map', {
    configurable: true,
    get: () => map,
    set: (value: MapLibreMap) => {
      map = value;
      probe.created = performance.now();
      const onTile = (event: { tile?: unknown }) => {
        if (!event.tile) return;
        probe.firstTile ??= performance.now();
        value.off('sourcedata', onTile);
      };
      value.on('sourcedata', onTile);
      value.once('load', () => {
        probe.load = performance.now();
      });
    },
  });
  new MutationObserver(() => {
    const now = performance.now();
    if (probe.ready === null && document.getElementById('map')?.dataset.ready === 'true') {
      probe.ready = now;
      w.__benchSignal?.('ready');
    }
    if (probe.click !== null && probe.popup === null && document.querySelector('.maplibregl-popup')) {
      probe.popup = now;
      w.__benchSignal?.('popup');
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  addEventListener(
    'click',
    (event) => {
      // The page's own click on a download link is not the reader's.
      if ((event.target as Element | null)?.matches?.('a[download]')) return;
      probe.click = performance.now();
      probe.popup = null;
    },
    true,
  );
}

export function readPhases(): Phases {
  const probe = (window as unknown as ProbedWindow).__bench;
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return {
    domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
    webglAsked: probe.webglAsked,
    webglMade: probe.webglMade,
    mapCreated: probe.created,
    firstTile: probe.firstTile,
    mapLoad: probe.load,
    idle: probe.ready,
  };
}

export function mapState(map: MapLibreMap): MapState {
  const c = map.getCenter();
  const container = map.getContainer();
  return {
    width: container.clientWidth,
    height: container.clientHeight,
    zoom: map.getZoom(),
    center: [c.lng, c.lat],
  };
}

/** Counts the map's renders and the page's animation frames until stopCounting(). */
export function startCounting(map: MapLibreMap): void {
  const probe = (window as unknown as ProbedWindow).__bench;
  Object.assign(probe, { renders: 0, frames: 0, counting: true, t0: performance.now() });
  map.on('render', () => {
    if (probe.counting) probe.renders++;
  });
  const tick = () => {
    if (!probe.counting) return;
    probe.frames++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export function stopCounting(): Counted {
  const probe = (window as unknown as ProbedWindow).__bench;
  probe.counting = false;
  return { renders: probe.renders, frames: probe.frames, ms: performance.now() - probe.t0 };
}

/** From the last click (its capture phase) to the popup in the DOM, and the start of its text. */
export function readPopup(): { ms: number; text: string } {
  const probe = (window as unknown as ProbedWindow).__bench;
  const text = document.querySelector('.maplibregl-popup')?.textContent ?? '';
  return { ms: (probe.popup ?? Number.NaN) - (probe.click ?? Number.NaN), text: text.trim().slice(0, 60) };
}

/** requestAnimationFrame callbacks per second over `ms`: the page's frame rate while something runs. */
export function framesPerSecond(ms: number): Promise<number> {
  return new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    const tick = (now: number) => {
      if (now - start >= ms) {
        resolve((frames / (now - start)) * 1000);
        return;
      }
      frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * For each day, ms from the timeline slider's input (as a reader's drag or key press sends it) to
 * the map's next idle: the whole change of date, map drawn.
 */
export async function dateChangeToIdle(days: number[]): Promise<number[]> {
  const map = (window as unknown as ProbedWindow).__map;
  const slider = document.getElementById('timeline-date') as HTMLInputElement | null;
  if (!map || !slider) throw new Error('No map or no timeline slider');
  const times: number[] = [];
  for (const day of days) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const start = performance.now();
    const idle = new Promise((resolve) => map.once('idle', resolve));
    slider.value = String(day);
    slider.dispatchEvent(new Event('input'));
    await idle;
    times.push(performance.now() - start);
  }
  return times;
}

/** ms from the last click to the picture it asked for, handed to the download link; null if none yet. */
export function readPicture(): number | null {
  const probe = (window as unknown as ProbedWindow).__bench;
  return probe.picture !== null && probe.click !== null && probe.picture > probe.click
    ? probe.picture - probe.click
    : null;
}
