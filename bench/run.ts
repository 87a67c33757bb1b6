/**
 * `npm run bench [-- --runs N]`: the app against bare MapLibre showing the same map, in numbers.
 * Writes docs/BENCHMARKS.md and docs/benchmarks.json; exits non-zero when a budget fails.
 * Nothing here is asserted by the tests: timings depend on the machine.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../scripts/browser.ts';
import { ROOT, readMissionLayers } from '../scripts/io.ts';
import { serveStatic } from '../scripts/server.ts';
import { buildExport, zipExport } from '../src/data/export.ts';

const APP_DIR = `${ROOT}dist-bench-app`;
const BASELINE_DIR = `${ROOT}dist-bench-baseline`;
const VIEWPORT = { width: 1280, height: 800 };
const DRAG_MS = 2000;
const CLICKS_PER_RUN = 3;
const EXPORT_WARMUP = 5;
const EXPORT_RUNS = 20;
/** The Alta Verapaz polygon. */
const CLICK_AT: [number, number] = [-90.2, 15.6];
const KB = 1000;

const BUDGETS = {
  idleRatio: 1.25,
  dragRatio: 0.9,
  appJsGzip: 40 * KB,
  dataFontsGzip: 150 * KB,
  clickToPopupMs: 100,
  exportMs: 50,
};

type Target = 'app' | 'baseline';
type Kind = 'MapLibre' | 'App JS' | 'CSS' | 'Data' | 'Fonts' | 'HTML' | 'Other';
const KINDS: Kind[] = ['MapLibre', 'App JS', 'CSS', 'Data', 'Fonts', 'HTML', 'Other'];

interface LoadedFile {
  path: string;
  kind: Kind;
  raw: number;
  gzip: number;
}

interface Run {
  target: Target;
  run: number;
  warmup: boolean;
  idleMs: number;
  /** ms from navigation start: DOMContentLoaded, `new Map()`, the map's `load`, its first idle. */
  phases: { domContentLoaded: number; mapCreated: number; mapLoad: number; idle: number };
  map: { width: number; height: number; zoom: number; center: [number, number] };
  files: LoadedFile[];
  drag: { renders: number; frames: number; ms: number; rendersPerSecond: number };
  clickToPopupMs: number[];
  popupText?: string;
}

interface Stats {
  median: number;
  min: number;
  max: number;
}

function parseRuns(argv: string[]): number {
  const at = argv.indexOf('--runs');
  if (at === -1) return 5;
  const runs = Number(argv[at + 1]);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
  return runs;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

function kindOf(path: string): Kind {
  const ext = extname(path);
  if (ext === '.js' || ext === '.mjs') return /(^|\/)maplibre-gl[-.]/.test(path) ? 'MapLibre' : 'App JS';
  if (ext === '.css') return 'CSS';
  if (ext === '.geojson' || ext === '.json') return 'Data';
  // Glyph range files (public/glyphs/) are the labels' font, already rasterised.
  if (ext === '.woff2' || ext === '.woff' || ext === '.pbf') return 'Fonts';
  if (ext === '.html') return 'HTML';
  return 'Other';
}

const sizeCache = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string): { raw: number; gzip: number } {
  let size = sizeCache.get(file);
  if (!size) {
    const bytes = readFileSync(file);
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizeCache.set(file, size);
  }
  return size;
}

/**
 * Runs before any script of the page. Records when #map gets data-ready and when a popup appears
 * after a click, and tells the bench through an exposed function rather than being polled.
 */
const INIT_SCRIPT = `(() => {
  const b = (window.__bench = { ready: null, click: null, popup: null, created: null, load: null });
  const signal = (what) => window.__benchSignal && window.__benchSignal(what);
  // Both pages assign window.__map right after new Map(): note when, and when its style has loaded.
  let map;
  Object.defineProperty(window, '__map', {
    configurable: true,
    get: () => map,
    set: (value) => {
      map = value;
      b.created = performance.now();
      map.once('load', () => { b.load = performance.now(); });
    },
  });
  new MutationObserver(() => {
    const now = performance.now();
    if (b.ready === null && document.getElementById('map')?.dataset.ready === 'true') {
      b.ready = now;
      signal('ready');
    }
    if (b.click !== null && b.popup === null && document.querySelector('.maplibregl-popup')) {
      b.popup = now;
      signal('popup');
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  addEventListener('click', () => { b.click = performance.now(); b.popup = null; }, true);
})()`;

const START_COUNTING = `(() => {
  const b = window.__bench;
  Object.assign(b, { renders: 0, frames: 0, counting: true, t0: performance.now() });
  window.__map.on('render', () => { if (b.counting) b.renders++; });
  const tick = () => { if (!b.counting) return; b.frames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

const STOP_COUNTING = `(() => {
  const b = window.__bench;
  b.counting = false;
  return { renders: b.renders, frames: b.frames, ms: performance.now() - b.t0 };
})()`;

const MAP_STATE = `(() => {
  const m = window.__map;
  const c = m.getCenter();
  return { width: m.getContainer().clientWidth, height: m.getContainer().clientHeight, zoom: m.getZoom(), center: [c.lng, c.lat] };
})()`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
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
  private waiting = new Map<string, () => void>();
  handle = (what: string): void => {
    this.waiting.get(what)?.();
    this.waiting.delete(what);
  };
  next(what: string): Promise<void> {
    return new Promise((resolve) => this.waiting.set(what, resolve));
  }
}

/** A 2 s drag at about 60 mouse events a second, swinging around the centre so the map stays in view. */
async function drag(page: Page): Promise<Run['drag']> {
  const box = await page.locator('#map canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('The map canvas has no box');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.evaluate(START_COUNTING);
  await page.mouse.down();
  const start = performance.now();
  for (let t = 0; t < DRAG_MS; t = performance.now() - start) {
    const phase = (t / DRAG_MS) * 2 * Math.PI;
    await page.mouse.move(cx + 200 * Math.sin(phase), cy + 100 * Math.sin(2 * phase));
    await sleep(16 - ((performance.now() - start) % 16));
  }
  await page.mouse.move(cx, cy);
  await page.mouse.up();
  const counted = (await page.evaluate(STOP_COUNTING)) as { renders: number; frames: number; ms: number };
  return { ...counted, rendersPerSecond: (counted.renders / counted.ms) * 1000 };
}

async function clickToPopup(page: Page, signals: Signals): Promise<{ ms: number; text: string }> {
  const point = (await page.evaluate(`(() => {
    const p = window.__map.project(${JSON.stringify(CLICK_AT)});
    const r = window.__map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  })()`)) as { x: number; y: number };
  const shown = signals.next('popup');
  await page.mouse.click(point.x, point.y);
  await withTimeout(shown, 10_000, 'popup after a click on Alta Verapaz');
  const result = (await page.evaluate(
    `({ ms: window.__bench.popup - window.__bench.click, text: document.querySelector('.maplibregl-popup').textContent.trim().slice(0, 60) })`,
  )) as { ms: number; text: string };
  await page.keyboard.press('Escape');
  await page.locator('.maplibregl-popup').waitFor({ state: 'detached', timeout: 10_000 });
  return result;
}

async function measure(
  browser: Browser,
  target: Target,
  url: string,
  root: string,
  prefix: string,
  run: number,
  warmup: boolean,
): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const signals = new Signals();
    await page.exposeFunction('__benchSignal', signals.handle);
    await page.addInitScript(INIT_SCRIPT);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const loaded = new Set<string>();
    let loading = true;
    page.on('response', (response) => {
      const path = decodeURIComponent(new URL(response.url()).pathname);
      if (loading && response.ok() && path.startsWith(prefix))
        loaded.add(path.slice(prefix.length) || 'index.html');
    });
    const ready = signals.next('ready');
    await page.goto(url);
    await withTimeout(ready, 60_000, `${target}: #map[data-ready=true]`).catch((error: Error) => {
      throw new Error(`${error.message}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
    });
    loading = false;
    const phases = (await page.evaluate(`({
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      mapCreated: window.__bench.created,
      mapLoad: window.__bench.load,
      idle: window.__bench.ready,
    })`)) as Run['phases'];
    const idleMs = phases.idle;
    const map = (await page.evaluate(MAP_STATE)) as Run['map'];
    const files = [...loaded].sort().map((path): LoadedFile => {
      const file = join(root, path);
      if (!statSync(file, { throwIfNoEntry: false })?.isFile())
        throw new Error(`Loaded ${path}, not in ${root}`);
      return { path, kind: kindOf(path), ...sizeOf(file) };
    });
    const clicks: number[] = [];
    let popupText: string | undefined;
    if (target === 'app') {
      for (let i = 0; i < CLICKS_PER_RUN; i++) {
        const { ms, text } = await clickToPopup(page, signals);
        clicks.push(ms);
        popupText ??= text;
        await sleep(200);
      }
    }
    await sleep(300);
    const dragged = await drag(page);
    if (errors.length) throw new Error(`${target}: page errors: ${errors.join('; ')}`);
    return {
      target,
      run,
      warmup,
      idleMs,
      phases,
      map,
      files,
      drag: dragged,
      clickToPopupMs: clicks,
      ...(popupText ? { popupText } : {}),
    };
  } finally {
    await context.close();
  }
}

function exportTimes(): number[] {
  const data = readMissionLayers();
  const times: number[] = [];
  for (let i = 0; i < EXPORT_WARMUP + EXPORT_RUNS; i++) {
    const start = performance.now();
    zipExport(buildExport(data));
    const ms = performance.now() - start;
    if (i >= EXPORT_WARMUP) times.push(ms);
  }
  return times;
}

function bytesByKind(files: LoadedFile[]): Record<Kind, { raw: number; gzip: number }> {
  const totals = Object.fromEntries(KINDS.map((k) => [k, { raw: 0, gzip: 0 }])) as Record<
    Kind,
    { raw: number; gzip: number }
  >;
  for (const f of files) {
    totals[f.kind].raw += f.raw;
    totals[f.kind].gzip += f.gzip;
  }
  return totals;
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const kb = (n: number) => `${(n / KB).toFixed(1)} kB`;
const range = (s: Stats, unit: (n: number) => string) => `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`;
const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function main(): Promise<void> {
  const runs = parseRuns(process.argv.slice(2));
  const command = `npm run bench${process.argv.includes('--runs') ? ` -- --runs ${runs}` : ''}`;
  const began = performance.now();
  // Anything else running on the machine skews timings: the load average goes in the report.
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);

  const buildStart = performance.now();
  // `vite build --mode test` (window.__map); MapLibre is in a chunk of its own, as in every build.
  // MapLibre's chunk is over Vite's 500 kB warning by nature; say nothing of it.
  const quiet = { logLevel: 'warn', build: { chunkSizeWarningLimit: 2000 } } as const;
  await build({ configFile: `${ROOT}bench/vite.app.config.ts`, mode: 'test', ...quiet });
  await build({ configFile: `${ROOT}bench/vite.config.ts`, ...quiet });
  const buildMs = performance.now() - buildStart;
  console.log(`Built app and baseline in ${(buildMs / 1000).toFixed(1)} s`);

  // Before the browser starts, so the two do not share the CPU.
  const exportMs = exportTimes();

  const prefix = '/';
  const appServer = await serveStatic(APP_DIR, prefix);
  const baselineServer = await serveStatic(BASELINE_DIR, prefix);
  const browser = await launchBrowser();
  const browserVersion = browser.version();
  const all: Run[] = [];
  try {
    // One unmeasured load of each warms the OS file cache and tells the baseline the app's map size.
    const warm = await measure(browser, 'app', appServer.url, APP_DIR, prefix, 0, true);
    all.push(warm);
    const baselineUrl = `${baselineServer.url}?w=${warm.map.width}&h=${warm.map.height}`;
    all.push(await measure(browser, 'baseline', baselineUrl, BASELINE_DIR, prefix, 0, true));
    for (let run = 1; run <= runs; run++) {
      // Alternate which goes first, so neither always follows the other.
      const order: Target[] = run % 2 === 1 ? ['app', 'baseline'] : ['baseline', 'app'];
      for (const target of order) {
        const result =
          target === 'app'
            ? await measure(browser, 'app', appServer.url, APP_DIR, prefix, run, false)
            : await measure(browser, 'baseline', baselineUrl, BASELINE_DIR, prefix, run, false);
        all.push(result);
        console.log(
          `run ${run} ${target.padEnd(8)} idle ${ms(result.idleMs)}, drag ${result.drag.renders} renders / ${ms(result.drag.ms)}` +
            (result.clickToPopupMs.length
              ? `, click→popup ${result.clickToPopupMs.map((n) => n.toFixed(1)).join(' ')} ms`
              : ''),
        );
      }
    }
  } finally {
    await browser.close();
    await appServer.close();
    await baselineServer.close();
  }

  const measured = all.filter((r) => !r.warmup);
  const of = (target: Target) => measured.filter((r) => r.target === target);
  const idle = {
    app: stats(of('app').map((r) => r.idleMs)),
    baseline: stats(of('baseline').map((r) => r.idleMs)),
  };
  const phase = (key: keyof Run['phases']) => ({
    app: stats(of('app').map((r) => r.phases[key])),
    baseline: stats(of('baseline').map((r) => r.phases[key])),
  });
  const phases = {
    domContentLoaded: phase('domContentLoaded'),
    mapCreated: phase('mapCreated'),
    mapLoad: phase('mapLoad'),
  };
  const fps = {
    app: stats(of('app').map((r) => r.drag.rendersPerSecond)),
    baseline: stats(of('baseline').map((r) => r.drag.rendersPerSecond)),
  };
  const rendersIn2s = {
    app: stats(of('app').map((r) => r.drag.renders)),
    baseline: stats(of('baseline').map((r) => r.drag.renders)),
  };
  const rafIn2s = {
    app: stats(of('app').map((r) => r.drag.frames)),
    baseline: stats(of('baseline').map((r) => r.drag.frames)),
  };
  const popup = stats(of('app').flatMap((r) => r.clickToPopupMs));
  const exportStats = stats(exportMs);
  const firstApp = of('app')[0] as Run;
  const firstBaseline = of('baseline')[0] as Run;
  const appBytes = bytesByKind(firstApp.files);
  const baselineBytes = bytesByKind(firstBaseline.files);
  const sameFiles = (target: Target, first: Run) =>
    of(target).every((r) => r.files.map((f) => f.path).join() === first.files.map((f) => f.path).join());

  const idleRatio = idle.app.median / idle.baseline.median;
  const dragRatio = fps.app.median / fps.baseline.median;
  // Three decimals: at two, a ratio of 0.896 would read 0.90 beside a failed 0.9 budget.
  const ratio = (value: number) => value.toFixed(3);
  const dataFonts = appBytes.Data.gzip + appBytes.Fonts.gzip;
  const budgets = [
    {
      name: `Time to first idle ≤ ${BUDGETS.idleRatio}× baseline`,
      value: `${ratio(idleRatio)}×`,
      ok: idleRatio <= BUDGETS.idleRatio,
    },
    {
      name: `Frames while dragging ≥ ${BUDGETS.dragRatio}× baseline`,
      value: `${ratio(dragRatio)}×`,
      ok: dragRatio >= BUDGETS.dragRatio,
    },
    {
      name: `App's own JS ≤ ${kb(BUDGETS.appJsGzip)} gzipped`,
      value: kb(appBytes['App JS'].gzip),
      ok: appBytes['App JS'].gzip <= BUDGETS.appJsGzip,
    },
    {
      name: `Data + fonts on first load ≤ ${kb(BUDGETS.dataFontsGzip)} gzipped`,
      value: kb(dataFonts),
      ok: dataFonts <= BUDGETS.dataFontsGzip,
    },
    {
      name: `Click → popup ≤ ${BUDGETS.clickToPopupMs} ms (median)`,
      value: ms(popup.median),
      ok: popup.median <= BUDGETS.clickToPopupMs,
    },
    {
      name: `Export build ≤ ${BUDGETS.exportMs} ms (median)`,
      value: ms(exportStats.median),
      ok: exportStats.median <= BUDGETS.exportMs,
    },
  ];

  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: { atStart: loadAtStart, atEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    node: process.version,
    chromium: browserVersion,
  };
  const date = new Date().toISOString();
  const n = `${runs} run${runs === 1 ? '' : 's'} each`;

  const results = [
    '| Measure | App | Baseline | App ÷ baseline |',
    '| --- | --- | --- | --- |',
    `| Time to first idle (median, min–max; ${n}) | ${range(idle.app, ms)} | ${range(idle.baseline, ms)} | ${ratio(idleRatio)}× |`,
    `| … of which: DOMContentLoaded | ${range(phases.domContentLoaded.app, ms)} | ${range(phases.domContentLoaded.baseline, ms)} | |`,
    `| … \`new Map()\` | ${range(phases.mapCreated.app, ms)} | ${range(phases.mapCreated.baseline, ms)} | |`,
    `| … the map's \`load\` event | ${range(phases.mapLoad.app, ms)} | ${range(phases.mapLoad.baseline, ms)} | |`,
    `| Map renders while dragging 2 s, per second | ${range(fps.app, (v) => v.toFixed(1))} | ${range(fps.baseline, (v) => v.toFixed(1))} | ${ratio(dragRatio)}× |`,
    `| Map renders in the drag (count) | ${range(rendersIn2s.app, String)} | ${range(rendersIn2s.baseline, String)} | |`,
    `| requestAnimationFrame callbacks in the drag | ${range(rafIn2s.app, String)} | ${range(rafIn2s.baseline, String)} | |`,
    `| Click on Alta Verapaz → popup in the DOM (${of('app').flatMap((r) => r.clickToPopupMs).length} clicks) | ${range(popup, ms)} | — | |`,
    `| Build all export files + zip (Node, ${EXPORT_RUNS} runs) | ${range(exportStats, ms)} | — | |`,
  ];
  const bytes = [
    '| Loaded before first idle | App raw | App gzip -9 | Baseline raw | Baseline gzip -9 |',
    '| --- | --- | --- | --- | --- |',
    ...KINDS.filter((k) => appBytes[k].raw + baselineBytes[k].raw > 0).map(
      (k) =>
        `| ${k} | ${kb(appBytes[k].raw)} | ${kb(appBytes[k].gzip)} | ${kb(baselineBytes[k].raw)} | ${kb(baselineBytes[k].gzip)} |`,
    ),
    `| **Total** | ${kb(firstApp.files.reduce((s, f) => s + f.raw, 0))} | ${kb(firstApp.files.reduce((s, f) => s + f.gzip, 0))} | ${kb(firstBaseline.files.reduce((s, f) => s + f.raw, 0))} | ${kb(firstBaseline.files.reduce((s, f) => s + f.gzip, 0))} |`,
  ];
  const fileRows = (run: Run) =>
    run.files.map((f) => `| ${run.target} | ${f.path} | ${f.kind} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  const files = [
    '| Page | File | Kind | Raw | gzip -9 |',
    '| --- | --- | --- | --- | --- |',
    ...fileRows(firstApp),
    ...fileRows(firstBaseline),
  ];
  const budgetRows = [
    '| Budget | Measured | Result |',
    '| --- | --- | --- |',
    ...budgets.map((b) => `| ${b.name} | ${b.value} | ${pass(b.ok)} |`),
  ];
  const view = (r: Run) =>
    `${r.map.width}×${r.map.height} px, zoom ${r.map.zoom.toFixed(3)}, centre ${r.map.center.map((v) => v.toFixed(3)).join(', ')}`;

  const markdown = [
    '# Benchmarks',
    '',
    'The app against a baseline page: bare MapLibre from the same installed `maplibre-gl`, showing Natural Earth 110m',
    'countries (world-atlas, one GeoJSON source) with a fill, a line and a label layer and nothing else (no background',
    "layer: the page shows through where no country is drawn), the same initial bounds and padding, MapLibre's default",
    '300 ms label fade and labels in Noto Sans from its woff2 through `font-faces` (the app draws its labels from glyph files made from that font, public/glyphs/).',
    'Generated by `bench/run.ts`; do not edit by hand.',
    '',
    `- Command: \`${command}\``,
    `- Date: ${date}`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB memory, ${machine.os}`,
    `- Load average (1, 5, 15 min) at start ${machine.loadAverage.atStart.join(', ')}, at end ${machine.loadAverage.atEnd.join(', ')}`,
    `- Node ${machine.node}, Chromium ${machine.chromium} (headless, WebGL through SwiftShader: the CPU draws every frame)`,
    `- App map: ${view(firstApp)}; baseline map: ${view(firstBaseline)}`,
    '',
    '## Results',
    '',
    ...results,
    '',
    '## Bytes on first load',
    '',
    'Every file the page fetched before its first idle, sized in the build (1 kB = 1000 bytes).',
    '"MapLibre" is the `maplibre-gl` chunk and its worker; the build puts MapLibre in a chunk of its own',
    "(vite.config.ts) so that the app's own code can be measured apart.",
    '',
    ...bytes,
    '',
    ...files,
    '',
    '## Budgets',
    '',
    ...budgetRows,
    '',
    '## Method',
    '',
    `- Both pages are built (the app with \`vite build --mode test\`, for \`window.__map\`) and served from loopback;`,
    `  each run opens a fresh browser context at ${VIEWPORT.width}×${VIEWPORT.height}. One unmeasured load of each comes first;`,
    "  then app and baseline alternate, the order swapping every run. The baseline map is given the size of the app's map.",
    '- Time to first idle: `performance.now()` (from navigation start) when `#map` gets `data-ready="true"`, seen by a',
    "  MutationObserver installed before the page's scripts.",
    `- Dragging: the mouse is held down on the map's centre and moved about 60 times a second for ${DRAG_MS / 1000} s; the page counts`,
    "  the map's `render` events and its own `requestAnimationFrame` callbacks over that time.",
    `- Click → popup: ${CLICKS_PER_RUN} clicks a run on Alta Verapaz (${CLICK_AT.join(', ')}), timed in the page from the click event (capture`,
    '  phase) to `.maplibregl-popup` in the DOM; Escape closes it between clicks.',
    `- Export: \`zipExport(buildExport(readMissionLayers()))\` in Node, the layers read once beforehand, ${EXPORT_WARMUP} warm-up runs then ${EXPORT_RUNS}.`,
    '- Figures are medians with min–max. Every run is in docs/benchmarks.json.',
    '',
  ].join('\n');

  writeFileSync(`${ROOT}docs/BENCHMARKS.md`, markdown);
  writeFileSync(
    `${ROOT}docs/benchmarks.json`,
    `${JSON.stringify(
      {
        command,
        date,
        machine,
        budgets: BUDGETS,
        buildMs,
        exportMs,
        summary: {
          idle,
          phases,
          fps,
          rendersIn2s,
          rafIn2s,
          popup,
          export: exportStats,
          appBytes,
          baselineBytes,
        },
        results: budgets,
        sameFilesEveryRun: {
          app: sameFiles('app', firstApp),
          baseline: sameFiles('baseline', firstBaseline),
        },
        runs: all,
      },
      null,
      2,
    )}\n`,
  );

  console.log(['', ...results, '', ...bytes, '', ...budgetRows, ''].join('\n'));
  console.log(
    `Wrote docs/BENCHMARKS.md and docs/benchmarks.json in ${((performance.now() - began) / 1000).toFixed(0)} s`,
  );
  if (budgets.some((b) => !b.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
