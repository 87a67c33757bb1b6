/**
 * The code the large-file benchmark runs in the page (sent as source: types only from elsewhere).
 * No named inner arrow functions: tsx's keepNames would wrap them in __name(), which the page lacks
 * (defineName in page-scripts.ts gives it one all the same).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** What the probe notes, in ms from navigation start; null until it happens. */
export interface LargeProbe {
  /** The file input's `change` event: the reader's drop, as the page sees it. */
  change: number | null;
  /** The reader's source, once MapLibre reports data for it. */
  source: string | null;
  /** The first frame rendered with the reader's source loaded and one of its features drawn. */
  drawn: number | null;
  /** Every main-thread long task (over 50 ms) since the page started. */
  tasks: { start: number; duration: number }[];
  /** requestAnimationFrame times from `change` until `drawn`. */
  frames: number[];
  /** Frames counted by startFrames(), and since when. */
  counted: number;
  counting: boolean;
  t0: number;
}

interface ProbedWindow {
  __large: LargeProbe;
  __map?: MapLibreMap;
}

export function installLargeProbes(): void {
  const w = window as unknown as ProbedWindow;
  const probe: LargeProbe = {
    change: null,
    source: null,
    drawn: null,
    tasks: [],
    frames: [],
    counted: 0,
    counting: false,
    t0: 0,
  };
  w.__large = probe;
  new PerformanceObserver(function onTasks(list) {
    for (const entry of list.getEntries())
      probe.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener(
    'change',
    function onChange(event) {
      if ((event.target as Element | null)?.id !== 'your-data-input') return;
      Object.assign(probe, { change: performance.now(), source: null, drawn: null, frames: [] });
      requestAnimationFrame(function frame(now) {
        if (probe.drawn !== null) return;
        probe.frames.push(now);
        requestAnimationFrame(frame);
      });
    },
    true,
  );
  let map: MapLibreMap | undefined;
  Object.defineProperty(window, '__map', {
    configurable: true,
    get: () => map,
    set(value: MapLibreMap) {
      map = value;
      value.on('sourcedata', function onData(event) {
        if (probe.change !== null && event.sourceId.startsWith('your-data-')) probe.source = event.sourceId;
      });
      value.on('render', function onRender() {
        const source = probe.source;
        if (
          probe.drawn !== null ||
          source === null ||
          !value.getSource(source) ||
          !value.isSourceLoaded(source)
        )
          return;
        const layers = value.getLayersOrder().filter(function ofSource(id) {
          return value.getLayer(id)?.source === source;
        });
        if (value.queryRenderedFeatures({ layers }).length > 0) probe.drawn = performance.now();
      });
    },
  });
}

export function readLarge(): LargeProbe {
  return (window as unknown as ProbedWindow).__large;
}

/** Counts the page's animation frames until stopFrames(). */
export function startFrames(): void {
  const probe = (window as unknown as ProbedWindow).__large;
  Object.assign(probe, { counted: 0, counting: true, t0: performance.now() });
  requestAnimationFrame(function tick() {
    if (!probe.counting) return;
    probe.counted++;
    requestAnimationFrame(tick);
  });
}

/** Frames a second since startFrames(). */
export function stopFrames(): number {
  const probe = (window as unknown as ProbedWindow).__large;
  probe.counting = false;
  return (probe.counted / (performance.now() - probe.t0)) * 1000;
}

/** Resolves at the map's next idle. */
export function nextIdle(): Promise<void> {
  const map = (window as unknown as ProbedWindow).__map;
  if (!map) throw new Error('No window.__map');
  return new Promise(function wait(resolve) {
    map.once('idle', function idle() {
      resolve();
    });
    map.triggerRepaint();
  });
}

/** The whole tab's memory, workers included (needs cross-origin isolation); null where unavailable. */
export async function userAgentMemory(): Promise<{ bytes: number; workers: number } | null> {
  const measure = (
    performance as unknown as {
      measureUserAgentSpecificMemory?: () => Promise<{
        bytes: number;
        breakdown: { bytes: number; attribution: { scope?: string }[] }[];
      }>;
    }
  ).measureUserAgentSpecificMemory;
  if (!crossOriginIsolated || !measure) return null;
  const result = await measure.call(performance);
  let workers = 0;
  for (const part of result.breakdown)
    if (part.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')) workers += part.bytes;
  return { bytes: result.bytes, workers };
}

/** Whether the reader's file has been drawn since the drop. */
export function isDrawn(): boolean {
  return (window as unknown as ProbedWindow).__large.drawn !== null;
}

/** Drawn, or the status line names the file without progress (a refusal, an error, or added). */
export function drawnOrSettled(file: string): boolean {
  const status = document.querySelector('.your-data__status');
  return (
    (window as unknown as ProbedWindow).__large.drawn !== null ||
    (status !== null &&
      status.querySelector('progress') === null &&
      (status.textContent ?? '').includes(file))
  );
}
