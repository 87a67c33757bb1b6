/** One load of one page in a fresh browser context: time to first idle, files, clicks and a drag. */
import type { Browser, Page } from 'playwright-core';
import { mapHandle, pagePoint } from '../scripts/app-page.ts';
import { type Drag, dragMap } from './drag-map.ts';
import { type LoadedFile, loadedFiles } from './files.ts';
import type { VisitTarget } from './first-visit.ts';
import { METHOD, type Target } from './method.ts';
import {
  dateChangeToIdle,
  defineName,
  framesPerSecond,
  installProbes,
  type MapState,
  mapState,
  type Phases,
  readPhases,
  readPicture,
  readPopup,
  type Signal,
} from './page-scripts.ts';

export interface Run {
  target: Target;
  run: number;
  warmup: boolean;
  idleMs: number;
  /** ms from navigation start: DOMContentLoaded, the WebGL context, the map handed over, its first tile, `load`, first idle. */
  phases: Milestones;
  map: MapState;
  files: LoadedFile[];
  drag: Drag;
  clickToPopupMs: number[];
  popupText?: string;
  /** The app's timeline: date changes to idle, and frames standing still and while the story plays. */
  timeline?: { dateToIdleMs: number[]; stillFps: number; playingFps: number };
  /** Click on "Save image (PNG)" (or SVG) → the file handed to the download link, each time. */
  pngMs?: number[];
  svgMs?: number[];
}

/** A page as served: `url` shows `root`, whose files are fetched under `prefix`. */
export interface Served {
  target: VisitTarget;
  url: string;
  root: string;
  prefix: string;
}

/** A baseline page told the size and view of the app's map, so both draw the same pixels of the world. */
export const sized = <T extends Served>(page: T, size: MapState): T => ({
  ...page,
  url: `${page.url}?w=${size.width}&h=${size.height}&z=${size.zoom}&lng=${size.center[0]}&lat=${size.center[1]}`,
});

export interface MeasureOptions extends Served {
  target: Target;
  run: number;
  /** An unmeasured load, kept apart from the figures. */
  warmup: boolean;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    // A pending timer would keep Node running for up to `ms` after the bench is done.
    clearTimeout(timer);
  }
}

/** Resolves each time the page signals `what`; a fresh promise per wait. */
class Signals {
  private waiting = new Map<Signal, () => void>();
  handle = (what: Signal): void => {
    this.waiting.get(what)?.();
    this.waiting.delete(what);
  };
  next(what: Signal): Promise<void> {
    return new Promise((resolve) => this.waiting.set(what, resolve));
  }
}

/** A page with the probes installed and what it fetched recorded, not yet navigated. */
export async function probedPage(page: Page, prefix: string) {
  const signals = new Signals();
  await page.exposeFunction('__benchSignal', signals.handle);
  await page.addInitScript(defineName);
  await page.addInitScript(installProbes);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const loaded = new Set<string>();
  let loading = true;
  page.on('response', (response) => {
    const path = decodeURIComponent(new URL(response.url()).pathname);
    if (loading && response.ok() && path.startsWith(prefix))
      loaded.add(path.slice(prefix.length) || 'index.html');
  });
  const stopRecording = () => {
    loading = false;
  };
  return { signals, errors, loaded, stopRecording };
}

/**
 * Loads `served` in `page`, with the probes, to the map's first idle; returns its milestones, that
 * idle the last, in ms from navigation start. Fails on a page error or after `timeoutMs`.
 */
export async function loadToMilestones(
  page: Page,
  served: Served,
  {
    what = served.target,
    timeoutMs = 60_000,
    waitUntil = 'load',
  }: { what?: string; timeoutMs?: number; waitUntil?: 'load' | 'commit' } = {},
): Promise<Milestones> {
  const probed = await probedPage(page, served.prefix);
  const ready = probed.signals.next('ready');
  await page.goto(served.url, { waitUntil });
  const errors = () => `page errors: ${probed.errors.join('; ')}`;
  await withTimeout(ready, timeoutMs, `${what}: #map[data-ready=true]`).catch((error: Error) => {
    throw new Error(probed.errors.length ? `${error.message}; ${errors()}` : error.message);
  });
  if (probed.errors.length) throw new Error(`${what}: ${errors()}`);
  return phasesOf(page, served.target);
}

/** loadToMilestones' first idle alone. */
export const loadToIdle = async (...args: Parameters<typeof loadToMilestones>): Promise<number> =>
  (await loadToMilestones(...args)).idle;

async function clickToPopup(page: Page, signals: Signals): Promise<{ ms: number; text: string }> {
  const point = await pagePoint(page, METHOD.clickAt);
  const shown = signals.next('popup');
  await page.mouse.click(point.x, point.y);
  await withTimeout(shown, 10_000, 'popup after a click on Alta Verapaz');
  const result = await page.evaluate(readPopup);
  await page.keyboard.press('Escape');
  await page.locator('.maplibregl-popup').waitFor({ state: 'detached', timeout: 10_000 });
  return result;
}

/**
 * The timeline, after the drag: date changes, then the page's frames standing still with the route's
 * highlight running, and while the story plays through to its end, where it stops by itself.
 */
async function timeline(page: Page): Promise<NonNullable<Run['timeline']>> {
  const dateToIdleMs = await page.evaluate(dateChangeToIdle, [...METHOD.dates]);
  await sleep(500);
  const stillFps = await page.evaluate(framesPerSecond, METHOD.stillMs);
  await page.getByRole('button', { name: 'Play the story' }).click();
  const playingFps = await page.evaluate(framesPerSecond, METHOD.playMs);
  await page.getByRole('button', { name: 'Play the story' }).waitFor({ timeout: 10_000 });
  return { dateToIdleMs, stillFps, playingFps };
}

/** Saves the view `METHOD.pictures` times in a format, timed in the page from the click to the file. */
async function pictureTimes(page: Page, format: 'PNG' | 'SVG'): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < METHOD.pictures; i++) {
    await sleep(500);
    await page.getByRole('button', { name: new RegExp(`^Save image of this view as ${format}`) }).click();
    await page.waitForFunction(readPicture, undefined, { timeout: 30_000 });
    times.push((await page.evaluate(readPicture)) as number);
  }
  return times;
}

interface Clicks {
  ms: number[];
  /** The start of the first popup's text, to show which feature was hit. */
  text?: string;
}

async function clicks(page: Page, signals: Signals): Promise<Clicks> {
  const ms: number[] = [];
  let text: string | undefined;
  for (let i = 0; i < METHOD.clicksPerRun; i++) {
    const popup = await clickToPopup(page, signals);
    ms.push(popup.ms);
    text ??= popup.text;
    await sleep(200);
  }
  return { ms, ...(text ? { text } : {}) };
}

/** A load's milestones (page-scripts.ts Phases), each in ms from navigation start. */
export type Milestones = { [K in keyof Phases]: number };

export async function phasesOf(page: Page, target: string): Promise<Milestones> {
  const phases = await page.evaluate(readPhases);
  const missing = Object.entries(phases).flatMap(([name, at]) => (at === null ? [name] : []));
  if (missing.length) throw new Error(`${target}: ready without ${missing.join(', ')}`);
  return phases as Milestones;
}

export async function measure(browser: Browser, options: MeasureOptions): Promise<Run> {
  const { target, url, root, prefix, run, warmup } = options;
  // A fresh context each load: a first visit, with no service worker yet (it registers after ready).
  const context = await browser.newContext({ viewport: METHOD.viewport, acceptDownloads: true });
  try {
    const page = await context.newPage();
    const probed = await probedPage(page, prefix);
    const ready = probed.signals.next('ready');
    await page.goto(url);
    await withTimeout(ready, 60_000, `${target}: #map[data-ready=true]`).catch((error: Error) => {
      const errors = probed.errors.length ? `; page errors: ${probed.errors.join('; ')}` : '';
      throw new Error(`${error.message}${errors}`);
    });
    probed.stopRecording();
    const phases = await phasesOf(page, target);
    const map = await mapHandle(page);
    const state = await map.evaluate(mapState);
    const files = loadedFiles(probed.loaded, root);
    const clicked: Clicks = target === 'app' ? await clicks(page, probed.signals) : { ms: [] };
    await sleep(300);
    const dragged = await dragMap(page, map);
    const timed = target === 'app' ? await timeline(page) : undefined;
    if (target === 'app') await page.getByText('Save image · Embed').click();
    const pngMs = target === 'app' ? await pictureTimes(page, 'PNG') : undefined;
    const svgMs = target === 'app' ? await pictureTimes(page, 'SVG') : undefined;
    if (probed.errors.length) throw new Error(`${target}: page errors: ${probed.errors.join('; ')}`);
    return {
      target,
      run,
      warmup,
      idleMs: phases.idle,
      phases,
      map: state,
      files,
      drag: dragged,
      clickToPopupMs: clicked.ms,
      ...(clicked.text ? { popupText: clicked.text } : {}),
      ...(timed ? { timeline: timed } : {}),
      ...(pngMs ? { pngMs } : {}),
      ...(svgMs ? { svgMs } : {}),
    };
  } finally {
    await context.close();
  }
}
