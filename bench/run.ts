/**
 * `npm run bench [-- --runs N] [--pairs N] [--rest-sweep]`: the app against bare MapLibre, in numbers.
 * Any of these with `--graphics swiftshader`: SwiftShader standing in for a GPU rather than the browser's
 * own choice (METHOD.graphics).
 * `npm run bench -- --only large-files [--runs N] [--compare DIR]`: a reader's large files alone
 * (bench/large-files.ts).
 * `npm run bench -- --your-data-ab [--pairs N]`: first visits of the app with and without "Your data".
 * `npm run bench -- --profile [--pairs N]`: where a first visit's time goes, app, same-data and bare
 * MapLibre, by thread and function (bench/profile.ts).
 * Writes docs/BENCHMARKS.md and docs/benchmarks.json; exits non-zero when a budget fails.
 * Nothing here is asserted by the tests: timings depend on the machine.
 */
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { ROOT } from '../scripts/io.ts';
import { serveStatic } from '../scripts/server.ts';
import {
  benchGraphics,
  type GraphicsStatus,
  graphicsFromArgs,
  graphicsStatus,
  launchBenchBrowser,
  useGraphics,
} from './browser.ts';
import { checkBudgets } from './budgets.ts';
import { type DragVisit, dragVisits, summariseDrags } from './drag.ts';
import { exportTimes } from './export-timing.ts';
import {
  type FirstVisit,
  firstVisits,
  ratiosTo,
  summariseFirstVisits,
  type VisitTarget,
} from './first-visit.ts';
import { ms, ratio } from './format.ts';
import { measure, type Run, type Served, sized } from './measure.ts';
import { METHOD } from './method.ts';
import type { MapState } from './page-scripts.ts';
import { consoleSummary, loadAverage, machine, writeReport } from './report.ts';
import {
  type RestedSecondVisit,
  restedSecondVisits,
  summariseRestedSecondVisits,
} from './rested-second-visit.ts';
import { type SecondVisit, secondVisit } from './second-visit.ts';
import { type SlowVisit, slowFirstViews, summariseSlowVisits } from './slow-first-view.ts';
import { type Quartiles, quartiles, summarise } from './stats.ts';

const APP_DIR = `${ROOT}dist-bench-app`;
const BASELINE_DIR = `${ROOT}dist-bench-baseline`;
const SAME_DATA_DIR = `${ROOT}dist-bench-same-data`;
const WITHOUT_YOUR_DATA_DIR = `${ROOT}dist-bench-without-your-data`;
const WITHOUT_FIRST_VIEW_DIR = `${ROOT}dist-bench-without-first-view`;
// MapLibre's chunk is over Vite's 500 kB warning by nature; say nothing of it.
const QUIET = { logLevel: 'warn', build: { chunkSizeWarningLimit: 2000 } } as const;

function parseCount(argv: string[], flag: string, fallback: number): number {
  const at = argv.indexOf(flag);
  if (at === -1) return fallback;
  const count = Number(argv[at + 1]);
  if (!Number.isInteger(count) || count < 1) throw new Error(`${flag} takes a whole number ≥ 1`);
  return count;
}

/** Builds both pages and returns how long it took, in ms. */
async function buildPages(): Promise<number> {
  const start = performance.now();
  // `vite build --mode test` (window.__map); MapLibre is in a chunk of its own, as in every build.
  await build({ configFile: `${ROOT}bench/vite.app.config.ts`, mode: 'test', ...QUIET });
  await build({ configFile: `${ROOT}bench/vite.config.ts`, ...QUIET });
  await build({ configFile: `${ROOT}bench/vite.same-data.config.ts`, ...QUIET });
  await build({ configFile: `${ROOT}bench/vite.without-first-view.config.ts`, mode: 'test', ...QUIET });
  return performance.now() - start;
}

function logRun(run: Run): void {
  const clicks = run.clickToPopupMs.length
    ? `, click→popup ${run.clickToPopupMs.map((n) => n.toFixed(1)).join(' ')} ms`
    : '';
  console.log(
    `run ${run.run} ${run.target.padEnd(8)} idle ${ms(run.idleMs)}, drag ${run.drag.renders} renders / ${ms(run.drag.ms)}${clicks}`,
  );
}

type Page<T extends VisitTarget> = Served & { target: T };

/**
 * One unmeasured load of each warms the OS file cache and tells the baseline the app's map size;
 * then `runs` of each, alternating which goes first so neither always follows the other, each run
 * followed by the app's second visit, served by its service worker.
 */
async function measureAll(
  browser: Browser,
  app: Page<'app'>,
  bare: Page<'baseline'>,
  runs: number,
): Promise<{ runs: Run[]; secondVisits: SecondVisit[]; baseline: Page<'baseline'>; size: MapState }> {
  const warm = await measure(browser, { ...app, run: 0, warmup: true });
  const baseline = sized(bare, warm.map);
  const all = [warm, await measure(browser, { ...baseline, run: 0, warmup: true })];
  const secondVisits: SecondVisit[] = [];
  for (let run = 1; run <= runs; run++) {
    const order = run % 2 === 1 ? [app, baseline] : [baseline, app];
    for (const page of order) {
      const result = await measure(browser, { ...page, run, warmup: false });
      all.push(result);
      logRun(result);
    }
    const second = await secondVisit(browser, app);
    secondVisits.push(second);
    console.log(
      `run ${run} second   idle ${ms(second.idleMs)}, ${second.fromWorker}/${second.responses} from the worker`,
    );
  }
  return { runs: all, secondVisits, baseline, size: warm.map };
}

const logDrag = (v: DragVisit) =>
  console.log(`round ${v.pair} ${v.target.padEnd(9)} drag: ${v.rendersPerSecond.toFixed(1)} renders/s`);

const logVisit = (v: FirstVisit) =>
  console.log(`pair ${v.pair} ${v.target.padEnd(9)} first visit, new browser: idle ${ms(v.idleMs)}`);

/** Serves the three builds, runs `measure` with them, and closes the servers. */
async function serving<R>(
  measure: (pages: { app: Page<'app'>; bare: Page<'baseline'>; sameData: Page<'same-data'> }) => Promise<R>,
): Promise<R> {
  const prefix = '/';
  const [app, bare, sameData] = await Promise.all(
    [APP_DIR, BASELINE_DIR, SAME_DATA_DIR].map((dir) => serveStatic(dir, prefix)),
  );
  if (!app || !bare || !sameData) throw new Error('A bench page could not be served');
  try {
    return await measure({
      app: { target: 'app', url: app.url, root: APP_DIR, prefix },
      bare: { target: 'baseline', url: bare.url, root: BASELINE_DIR, prefix },
      sameData: { target: 'same-data', url: sameData.url, root: SAME_DATA_DIR, prefix },
    });
  } finally {
    await Promise.all([app.close(), bare.close(), sameData.close()]);
  }
}

/**
 * Measures the app and the 110m baseline in one browser (the older method, kept beside the new for one
 * release) and drags of all three pages in the same browser, then rested first visits of all three
 * pages, each in a new browser, then the app with and without its first view's picture on a slow phone
 * connection.
 */
function measureBuilds(
  runsPerTarget: number,
  pairs: number,
): Promise<{
  runs: Run[];
  secondVisits: SecondVisit[];
  drags: DragVisit[];
  firstVisits: FirstVisit[];
  restedSecondVisits: RestedSecondVisit[];
  slowVisits: SlowVisit[];
  chromium: string;
  graphics: GraphicsStatus;
}> {
  return serving(async ({ app, bare, sameData }) => {
    const browser = await launchBenchBrowser();
    const chromium = browser.version();
    const graphics = await graphicsStatus(browser);
    const measured = async () => {
      const warm = await measureAll(browser, app, bare, runsPerTarget);
      const pages = [app, warm.baseline, sized(sameData, warm.size)];
      return { warm, pages, drags: await dragVisits(browser, pages, logDrag) };
    };
    const { warm, pages, drags } = await measured().finally(() => browser.close());
    const visits = await firstVisits(pages, pairs, METHOD.firstVisit.restMs, logVisit);
    const rested = await restedSecondVisits(
      app,
      METHOD.restedSecondVisit.pairs,
      METHOD.firstVisit.restMs,
      (v) =>
        console.log(
          `pair ${v.pair} rested second visit: first ${ms(v.firstMs)}, second ${ms(v.secondMs)} (${v.fromWorker}/${v.responses} from the worker), PNG ${ms(v.pngMs)}`,
        ),
    );
    const slow = await slowFirstViews(APP_DIR, WITHOUT_FIRST_VIEW_DIR);
    return {
      runs: warm.runs,
      secondVisits: warm.secondVisits,
      drags,
      firstVisits: visits,
      restedSecondVisits: rested,
      slowVisits: slow,
      chromium,
      graphics,
    };
  });
}

/**
 * `npm run bench -- --rest-sweep`: first visits of the app and the 110m baseline after each rest of
 * METHOD.restSweepMs, to choose the rest after which a longer one changes nothing. Prints a table.
 */
function restSweep(): Promise<void> {
  return serving(async ({ app, bare }) => {
    const browser = await launchBenchBrowser();
    const size = await measure(browser, { ...app, run: 0, warmup: true }).finally(() => browser.close());
    const baseline = sized(bare, size.map);
    const rows = [
      '| Rest | App first idle | Baseline first idle | App ÷ baseline (median, IQR) |',
      '| --- | --- | --- | --- |',
    ];
    for (const rest of METHOD.restSweepMs) {
      const s = summariseFirstVisits(
        await firstVisits([app, baseline], METHOD.restSweepPairs, rest, logVisit),
      );
      rows.push(
        `| ${rest / 1000} s | ${ms(s.app.median)} | ${ms(s.baseline.median)} | ${ratio(s.ratio.median)}× (${ratio(s.ratio.q1)}–${ratio(s.ratio.q3)}) |`,
      );
      console.log(rows.at(-1));
    }
    console.log(
      `\nFirst visits, ${METHOD.restSweepPairs} pairs a rest, load average ${loadAverage().join(', ')}:\n${rows.join('\n')}`,
    );
  });
}

/**
 * `npm run bench -- --your-data-ab`: first visits of the app and of the same build without the reader's
 * files (bench/vite.without-your-data.config.ts), alternating, each in a new browser after the rest:
 * what "Your data" costs a reader who opens no file (issue 33). Prints a table.
 */
async function yourDataAb(pairs: number): Promise<void> {
  await build({ configFile: `${ROOT}bench/vite.without-your-data.config.ts`, mode: 'test', ...QUIET });
  const prefix = '/';
  const [app, without] = await Promise.all(
    [APP_DIR, WITHOUT_YOUR_DATA_DIR].map((dir) => serveStatic(dir, prefix)),
  );
  if (!app || !without) throw new Error('A bench page could not be served');
  try {
    const visits = await firstVisits(
      [
        { target: 'app', url: app.url, root: APP_DIR, prefix },
        { target: 'without-your-data', url: without.url, root: WITHOUT_YOUR_DATA_DIR, prefix },
      ],
      pairs,
      METHOD.firstVisit.restMs,
      logVisit,
    );
    const idle = (target: VisitTarget) =>
      quartiles(visits.filter((v) => v.target === target).map((v) => v.idleMs));
    const span = (q: Quartiles, format: (n: number) => string) =>
      `${format(q.median)} (${format(q.q1)}–${format(q.q3)})`;
    const r = quartiles(ratiosTo(visits, 'without-your-data'));
    console.log(
      [
        `\nFirst visits, ${pairs} pairs, ${METHOD.firstVisit.restMs / 1000} s rest, load average ${loadAverage().join(', ')}:`,
        '| App first idle | Without "Your data" | App ÷ without (median, IQR) |',
        '| --- | --- | --- |',
        `| ${span(idle('app'), ms)} | ${span(idle('without-your-data'), ms)} | ${span(r, (n) => `${ratio(n)}×`)} |`,
      ].join('\n'),
    );
  } finally {
    await Promise.all([app.close(), without.close()]);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  useGraphics(graphicsFromArgs(argv));
  // Every mode's output, tables included, holds figures that depend on it.
  console.log(`Graphics: ${benchGraphics()} (npm run bench -- --graphics browser|swiftshader)`);
  if (argv[argv.indexOf('--only') + 1] === 'large-files' && argv.includes('--only')) {
    const { main: largeFiles } = await import('./large-files.ts');
    // `--graphics` stays in, so that the large files' report names the command as run.
    const rest = argv.filter((a, i) => a !== '--only' && argv[i - 1] !== '--only');
    return largeFiles(rest);
  }
  const runsPerTarget = parseCount(argv, '--runs', METHOD.runs);
  if (argv.includes('--profile'))
    return (await import('./profile.ts')).profileFirstVisits(
      parseCount(argv, '--pairs', METHOD.profile.pairs),
    );
  const pairs = parseCount(argv, '--pairs', METHOD.firstVisit.pairs);
  const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
  const began = performance.now();
  const loadAtStart = loadAverage();
  const buildMs = await buildPages();
  console.log(`Built app and baseline in ${(buildMs / 1000).toFixed(1)} s`);
  if (argv.includes('--rest-sweep')) return restSweep();
  if (argv.includes('--your-data-ab')) return yourDataAb(pairs);
  // Before the browser starts, so the two do not share the CPU.
  const exportMs = exportTimes();
  const {
    runs,
    secondVisits,
    drags,
    firstVisits: visits,
    restedSecondVisits: rested,
    slowVisits: slow,
    chromium,
    graphics,
  } = await measureBuilds(runsPerTarget, pairs);

  const summary = summarise(
    runs,
    exportMs,
    secondVisits,
    summariseDrags(drags),
    summariseFirstVisits(visits),
    summariseRestedSecondVisits(rested),
    summariseSlowVisits(slow),
  );
  const budgets = checkBudgets(summary);
  const date = new Date().toISOString();
  const report = {
    command,
    date,
    machine: machine(loadAtStart, chromium, { mode: benchGraphics(), ...graphics }),
    buildMs,
    exportMs,
    runsPerTarget,
    runs,
    secondVisits,
    drags,
    firstVisits: visits,
    restedSecondVisits: rested,
    slowVisits: slow,
    summary,
    budgets,
  };
  writeReport(report);
  console.log(consoleSummary(report));
  const seconds = ((performance.now() - began) / 1000).toFixed(0);
  console.log(`Wrote docs/BENCHMARKS.md and docs/benchmarks.json in ${seconds} s`);
  if (budgets.some((b) => !b.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
