/**
 * `npm run bench -- --only large-files [--runs N] [--compare [LABEL=]DIR] [--part points|rows] [--no-build]` (or
 * `npx tsx bench/large-files.ts …`): a reader's large files in the built app (issue 34).
 *
 * Made here, never committed: 100,000 points as a 10 MB GeoJSON and 1,000,000 rows as a ~33 MB CSV,
 * both in Central America. Each run opens each file through the file input in a new browser context
 * and measures, in the page:
 * - drop → drawn: from the input's `change` event to the first frame MapLibre renders with the
 *   reader's source loaded (`isSourceLoaded`) and at least one of its features (or clusters) drawn;
 * - the main thread's long tasks (PerformanceObserver 'longtask') from the drop to drawn;
 * - animation frames a second while the map is dragged for DRAG_MS, without and then with the file;
 * - the tab's memory before and after the 100k file: the main thread's JS heap (CDP
 *   Performance.getMetrics after a forced GC) and, cross-origin isolated, every agent's including
 *   workers (`performance.measureUserAgentSpecificMemory()`);
 * - for the 1M CSV, the same drop → drawn, the largest gap between animation frames meanwhile, and
 *   the frames while the map is dragged during its progress line.
 * With `--compare [LABEL=]DIR` (repeatable), other builds of the app (e.g. main's) are measured in
 * the same runs, the order turned round each run: an interleaved A/B. `--part points` or
 * `--part rows` measures one file only (and checks no budget). Writes docs/benchmarks-large-files.json.
 */
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { ROOT } from '../scripts/io.ts';
import { serveStatic } from '../scripts/server.ts';
import { launchBenchBrowser } from './browser.ts';
import { checkLargeFileBudgets } from './budgets.ts';
import { swingDrag } from './drag-map.ts';
import { ms, ratio } from './format.ts';
import {
  drawnOrSettled,
  installLargeProbes,
  isDrawn,
  type LargeProbe,
  nextIdle,
  readLarge,
  startFrames,
  stopFrames,
  userAgentMemory,
} from './large-page.ts';
import { sleep, withTimeout } from './measure.ts';
import { METHOD } from './method.ts';
import { defineName } from './page-scripts.ts';
import { loadAverage } from './report.ts';
import { type Stats, stats } from './stats.ts';

const APP_DIR = `${ROOT}dist-bench-app`;
/** Generated, never committed: node_modules is ignored and survives between runs. */
const DATA_DIR = `${ROOT}node_modules/.cache/bench-large`;
const POINTS = 100_000;
const ROWS = 1_000_000;
const DRAG_MS = 3000;
const MB = 1024 * 1024;

/** The same numbers every time (a linear congruential generator). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Writes a file line by line, without holding it in memory. */
async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let chunk: string[] = [];
  const flush = () =>
    new Promise<void>((resolve, reject) => out.write(chunk.join(''), (e) => (e ? reject(e) : resolve())));
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length >= 10_000) {
      await flush();
      chunk = [];
    }
  }
  await flush();
  await new Promise<void>((resolve) => out.end(resolve));
}

const KINDS = ['road', 'sea', 'air', 'river'];

function* pointsGeoJson(): Generator<string> {
  const next = random(34);
  yield '{"type":"FeatureCollection","features":[\n';
  for (let i = 0; i < POINTS; i++) {
    const lon = (-92 + next() * 9).toFixed(4);
    const lat = (13 + next() * 5).toFixed(4);
    const kg = (next() * 500).toFixed(1);
    yield `${i ? ',\n' : ''}{"type":"Feature","properties":{"id":${i},"kg":${kg}},"geometry":{"type":"Point","coordinates":[${lon},${lat}]}}`;
  }
  yield '\n]}\n';
}

function* rowsCsv(): Generator<string> {
  const next = random(35);
  yield 'id,lat,lon,kg,kind\n';
  for (let i = 0; i < ROWS; i++)
    yield `${i},${(13 + next() * 5).toFixed(4)},${(-92 + next() * 9).toFixed(4)},${(next() * 500).toFixed(1)},${KINDS[i % 4]}\n`;
}

export async function largeFiles(): Promise<{ points: string; rows: string }> {
  mkdirSync(DATA_DIR, { recursive: true });
  const points = `${DATA_DIR}/points-100k.geojson`;
  const rows = `${DATA_DIR}/rows-1m.csv`;
  if (!existsSync(points)) await writeLines(points, pointsGeoJson());
  if (!existsSync(rows)) await writeLines(rows, rowsCsv());
  return { points, rows };
}

export interface Build {
  label: string;
  dir: string;
}

export interface PointsRun {
  build: string;
  run: number;
  drawnMs: number;
  /** From the drop to drawn: the main thread's tasks, summed, and the renderer process's CPU time (workers too). */
  mainCpuMs: number;
  processCpuMs: number;
  longestTaskMs: number;
  tasksOver200: number;
  fpsWithout: number;
  fpsWith: number;
  heapBeforeMB: number;
  heapAfterMB: number;
  /** Every agent of the tab (measureUserAgentSpecificMemory), and its dedicated workers. */
  tabBeforeMB: number | null;
  tabAfterMB: number | null;
  workersAfterMB: number | null;
  status: string;
}

export interface RowsRun {
  build: string;
  run: number;
  /** ms from the drop to drawn, or to the refusal's line. */
  ms: number;
  outcome: 'drawn' | 'refused' | 'timeout';
  mainCpuMs: number;
  processCpuMs: number;
  longestTaskMs: number;
  tasksOver200: number;
  /** The largest gap between two animation frames from the drop to drawn. */
  largestFrameGapMs: number;
  fpsBefore: number;
  /** Frames a second while the map is dragged during the progress line. */
  fpsDuringLoad: number;
  tabAfterMB: number | null;
  status: string;
}

/** Animation frames a second while the map is dragged for `duration` (swingDrag). */
async function dragFps(page: Page, duration = DRAG_MS): Promise<number> {
  await swingDrag(page, { ms: duration, dx: 150, dy: 80 }, () => page.evaluate(startFrames));
  return page.evaluate(stopFrames);
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: METHOD.viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(defineName);
  await page.addInitScript(installLargeProbes);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page
    .locator('#map[data-ready="true"]')
    .waitFor({ timeout: 60_000 })
    .catch((error: Error) => {
      throw new Error(`${error.message}; page errors: ${errors.join('; ')}`);
    });
  await page.evaluate(nextIdle);
  await sleep(1000);
  return page;
}

/** The main thread's JS heap after a forced GC, in MB, and the whole tab's where measurable. */
async function memory(page: Page): Promise<{ heap: number; tab: number | null; workers: number | null }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / MB;
  await cdp.detach();
  const tab = await page.evaluate(userAgentMemory);
  return { heap, tab: tab && tab.bytes / MB, workers: tab && tab.workers / MB };
}

/**
 * Seconds so far (CDP Performance.getMetrics): the main thread's tasks, summed (TaskDuration, wall
 * time inside tasks), and the CPU time of the whole renderer process, workers included
 * (ProcessTime), which other load on the machine moves little.
 */
const sessions = new WeakMap<Page, CDPSession>();

async function cpu(page: Page): Promise<{ main: number; process: number }> {
  // One session a page: TaskDuration counts from that session's Performance.enable.
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    sessions.set(page, cdp);
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { main: metric('TaskDuration'), process: metric('ProcessTime') };
}

const overlapping = (probe: LargeProbe, end: number) =>
  probe.tasks.filter((t) => probe.change !== null && t.start + t.duration >= probe.change && t.start <= end);

const statusLine = (page: Page) =>
  page
    .locator('.your-data__status')
    .textContent()
    .then((t) => t ?? '');

async function pointsRun(browser: Browser, build: Build, url: string, file: string, run: number) {
  const page = await openPage(browser, url);
  try {
    const before = await memory(page);
    const fpsWithout = await dragFps(page);
    await page.evaluate(nextIdle);
    const cpuBefore = await cpu(page);
    await page.locator('#your-data-input').setInputFiles(file);
    await page.waitForFunction(isDrawn, undefined, { timeout: 120_000, polling: 100 });
    const cpuAfter = await cpu(page);
    const probe = await page.evaluate(readLarge);
    const drawn = probe.drawn as number;
    await page.locator('.your-data__entry').first().waitFor();
    await page.evaluate(nextIdle);
    await sleep(1000);
    const tasks = overlapping(probe, drawn);
    const fpsWith = await dragFps(page);
    await sleep(500);
    const after = await memory(page);
    const result: PointsRun = {
      build: build.label,
      run,
      drawnMs: drawn - (probe.change as number),
      mainCpuMs: (cpuAfter.main - cpuBefore.main) * 1000,
      processCpuMs: (cpuAfter.process - cpuBefore.process) * 1000,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      tasksOver200: tasks.filter((t) => t.duration > 200).length,
      fpsWithout,
      fpsWith,
      heapBeforeMB: before.heap,
      heapAfterMB: after.heap,
      tabBeforeMB: before.tab,
      tabAfterMB: after.tab,
      workersAfterMB: after.workers,
      status: await statusLine(page),
    };
    return result;
  } finally {
    await page.context().close();
  }
}

async function rowsRun(browser: Browser, build: Build, url: string, file: string, run: number) {
  const page = await openPage(browser, url);
  try {
    const fpsBefore = await dragFps(page, 2000);
    await page.evaluate(nextIdle);
    const cpuBefore = await cpu(page);
    const start = performance.now();
    await page.locator('#your-data-input').setInputFiles(file);
    // Drag while the progress line (with Cancel) shows: the map must answer meanwhile.
    let fpsDuringLoad = Number.NaN;
    const cancel = page.getByRole('button', { name: 'Cancel' });
    const progress = await cancel.waitFor({ timeout: 30_000 }).then(
      () => true,
      () => false,
    );
    if (progress) fpsDuringLoad = await dragFps(page, 2000);
    const drawnOrLine = page.waitForFunction(drawnOrSettled, basename(file), {
      timeout: 120_000,
      polling: 100,
    });
    const settled = await withTimeout(drawnOrLine, 121_000, '1M rows drawn').then(
      () => true,
      () => false,
    );
    // Added: MapLibre may still be indexing (clustering) the rows; wait for the frame with them.
    if (settled && (await page.locator('.your-data__entry').count()) > 0)
      await page.waitForFunction(isDrawn, undefined, {
        timeout: 180_000,
        polling: 100,
      });
    const cpuAfter = await cpu(page);
    const probe = await page.evaluate(readLarge);
    const change = probe.change as number;
    const refusedAt = performance.now() - start;
    const outcome: RowsRun['outcome'] = !settled ? 'timeout' : probe.drawn !== null ? 'drawn' : 'refused';
    const end = probe.drawn ?? change + refusedAt;
    const tasks = overlapping(probe, end);
    const gaps = probe.frames.slice(1).map((t, i) => t - (probe.frames[i] as number));
    await sleep(500);
    const after = outcome === 'drawn' ? await memory(page) : { tab: null };
    const result: RowsRun = {
      build: build.label,
      run,
      ms: outcome === 'drawn' ? end - change : refusedAt,
      outcome,
      mainCpuMs: (cpuAfter.main - cpuBefore.main) * 1000,
      processCpuMs: (cpuAfter.process - cpuBefore.process) * 1000,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      tasksOver200: tasks.filter((t) => t.duration > 200).length,
      largestFrameGapMs: Math.max(0, ...gaps),
      fpsBefore,
      fpsDuringLoad,
      tabAfterMB: after.tab,
      status: await statusLine(page),
    };
    return result;
  } finally {
    await page.context().close();
  }
}

export interface LargeSummary {
  build: string;
  points: {
    drawnMs: Stats;
    mainCpuMs: Stats;
    processCpuMs: Stats;
    longestTaskMs: Stats;
    fpsRatio: Stats;
    heapDeltaMB: Stats;
    tabDeltaMB: Stats | null;
  };
  rows: {
    ms: Stats;
    mainCpuMs: Stats;
    processCpuMs: Stats;
    longestTaskMs: Stats;
    largestFrameGapMs: Stats;
    fpsRatioDuringLoad: Stats;
    outcome: string;
  };
}

function summarise(label: string, points: PointsRun[], rows: RowsRun[]): LargeSummary {
  const p = points.filter((r) => r.build === label);
  const r = rows.filter((x) => x.build === label);
  const tab = p.every((x) => x.tabAfterMB !== null && x.tabBeforeMB !== null);
  return {
    build: label,
    points: {
      drawnMs: stats(p.map((x) => x.drawnMs)),
      mainCpuMs: stats(p.map((x) => x.mainCpuMs)),
      processCpuMs: stats(p.map((x) => x.processCpuMs)),
      longestTaskMs: stats(p.map((x) => x.longestTaskMs)),
      fpsRatio: stats(p.map((x) => x.fpsWith / x.fpsWithout)),
      heapDeltaMB: stats(p.map((x) => x.heapAfterMB - x.heapBeforeMB)),
      tabDeltaMB: tab ? stats(p.map((x) => (x.tabAfterMB as number) - (x.tabBeforeMB as number))) : null,
    },
    rows: {
      ms: stats(r.map((x) => x.ms)),
      mainCpuMs: stats(r.map((x) => x.mainCpuMs)),
      processCpuMs: stats(r.map((x) => x.processCpuMs)),
      longestTaskMs: stats(r.map((x) => x.longestTaskMs)),
      largestFrameGapMs: stats(r.map((x) => x.largestFrameGapMs)),
      fpsRatioDuringLoad: stats(r.map((x) => x.fpsDuringLoad / x.fpsBefore)),
      outcome: [...new Set(r.map((x) => x.outcome))].join(', '),
    },
  };
}

const spread = (s: Stats, unit: (n: number) => string) =>
  Number.isFinite(s.median) ? `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})` : 'not measured';
const mb = (n: number) => `${n.toFixed(0)} MB`;

export function summaryLines(s: LargeSummary): string[] {
  const points = [
    `${s.build}: 100k GeoJSON drop → drawn ${spread(s.points.drawnMs, ms)}; meanwhile: main-thread tasks ${spread(s.points.mainCpuMs, ms)}, renderer CPU ${spread(s.points.processCpuMs, ms)}`,
    `${s.build}: 100k longest main-thread task ${spread(s.points.longestTaskMs, ms)}`,
    `${s.build}: 100k drag frames with ÷ without ${spread(s.points.fpsRatio, ratio)}`,
    `${s.build}: 100k main JS heap +${spread(s.points.heapDeltaMB, mb)}${s.points.tabDeltaMB ? `, whole tab +${spread(s.points.tabDeltaMB, mb)}` : ''}`,
  ];
  const rows = [
    `${s.build}: 1M CSV ${s.rows.outcome} in ${spread(s.rows.ms, ms)}; meanwhile: main-thread tasks ${spread(s.rows.mainCpuMs, ms)}, renderer CPU ${spread(s.rows.processCpuMs, ms)}; longest task ${spread(s.rows.longestTaskMs, ms)}, largest frame gap ${spread(s.rows.largestFrameGapMs, ms)}, drag frames during its progress ÷ before ${spread(s.rows.fpsRatioDuringLoad, ratio)}`,
  ];
  return [
    ...(Number.isFinite(s.points.drawnMs.median) ? points : []),
    ...(Number.isFinite(s.rows.ms.median) ? rows : []),
  ];
}

function parseArgs(argv: string[]) {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const runs = Number(value('--runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
  // `--compare DIR` or `--compare LABEL=DIR`, as often as wanted.
  const compare = argv.flatMap((a, i) => (argv[i - 1] === '--compare' ? [a] : []));
  const only = value('--part');
  return { runs, compare, noBuild: argv.includes('--no-build'), only };
}

export async function main(argv: string[]): Promise<void> {
  const { runs, compare, noBuild, only } = parseArgs(argv);
  const loadAtStart = loadAverage();
  if (!noBuild) {
    const quiet = { logLevel: 'warn', build: { chunkSizeWarningLimit: 2000 } } as const;
    await build({ configFile: `${ROOT}bench/vite.app.config.ts`, mode: 'test', ...quiet });
  }
  const files = await largeFiles();
  console.log(
    `Files: ${(statSync(files.points).size / MB).toFixed(1)} MB GeoJSON (${POINTS} points), ${(statSync(files.rows).size / MB).toFixed(1)} MB CSV (${ROWS} rows)`,
  );
  const builds: Build[] = [
    { label: 'this', dir: APP_DIR },
    ...compare.map((c, i): Build => {
      const [label, dir] = c.includes('=') ? (c.split('=', 2) as [string, string]) : [`compare${i + 1}`, c];
      return { label, dir };
    }),
  ];
  // Cross-origin isolated, so the page may measure every agent's memory, workers included.
  const headers = {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  };
  const servers = await Promise.all(builds.map((b) => serveStatic(b.dir, '/', { headers })));
  // Eager: measureUserAgentSpecificMemory answers at once rather than at the next GC (up to 20 s).
  const browser = await launchBenchBrowser({ args: ['--enable-blink-features=ForceEagerMeasureMemory'] });
  const points: PointsRun[] = [];
  const rows: RowsRun[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      // Each run starts one build later than the last, so no build always comes first.
      const order = builds.map((_, i) => builds[(i + run - 1) % builds.length] as Build);
      for (const b of order) {
        const url = servers[builds.indexOf(b)]?.url as string;
        if (only !== 'rows') {
          const p = await pointsRun(browser, b, url, files.points, run);
          points.push(p);
          console.log(
            `run ${run} ${b.label.padEnd(7)} 100k: drawn ${ms(p.drawnMs)} (main-thread tasks ${ms(p.mainCpuMs)}, renderer CPU ${ms(p.processCpuMs)}), longest task ${ms(p.longestTaskMs)} (${p.tasksOver200} over 200 ms), drag ${p.fpsWith.toFixed(1)}/${p.fpsWithout.toFixed(1)} fps, heap ${p.heapBeforeMB.toFixed(0)}→${p.heapAfterMB.toFixed(0)} MB, tab ${p.tabBeforeMB?.toFixed(0)}→${p.tabAfterMB?.toFixed(0)} MB (workers ${p.workersAfterMB?.toFixed(0)}); "${p.status}"`,
          );
        }
        if (only !== 'points') {
          const r = await rowsRun(browser, b, url, files.rows, run);
          rows.push(r);
          console.log(
            `run ${run} ${b.label.padEnd(7)} 1M: ${r.outcome} ${ms(r.ms)} (main-thread tasks ${ms(r.mainCpuMs)}, renderer CPU ${ms(r.processCpuMs)}), longest task ${ms(r.longestTaskMs)} (${r.tasksOver200} over 200 ms), largest frame gap ${ms(r.largestFrameGapMs)}, drag during load ${r.fpsDuringLoad.toFixed(1)}/${r.fpsBefore.toFixed(1)} fps, tab ${r.tabAfterMB?.toFixed(0)} MB; "${r.status}"`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  const summaries = builds.map((b) => summarise(b.label, points, rows));
  const load = { atStart: loadAtStart, atEnd: loadAverage() };
  for (const s of summaries) for (const line of summaryLines(s)) console.log(line);
  console.log(`Load average at start ${load.atStart.join(', ')}, at end ${load.atEnd.join(', ')}`);
  let failed = false;
  if (only === undefined) {
    const ours = summaries[0] as LargeSummary;
    for (const b of checkLargeFileBudgets(ours)) {
      console.log(`${b.ok ? 'ok  ' : 'FAIL'} ${b.name}: ${b.value}`);
      failed ||= !b.ok;
    }
  }
  const report = {
    date: new Date().toISOString(),
    command: `npm run bench -- --only large-files ${argv.join(' ')}`.trim(),
    load,
    runs,
    builds,
    points,
    rows,
    summaries,
  };
  writeFileSync(`${ROOT}docs/benchmarks-large-files.json`, `${JSON.stringify(report, null, 1)}\n`);
  console.log('Wrote docs/benchmarks-large-files.json');
  if (failed) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
