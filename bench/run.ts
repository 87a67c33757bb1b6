/**
 * `npm run bench [-- --runs N] [--pairs N] [--rest-sweep]`: the app against bare MapLibre, in numbers.
 * Writes docs/BENCHMARKS.md and docs/benchmarks.json; exits non-zero when a budget fails.
 * Nothing here is asserted by the tests: timings depend on the machine.
 */
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../scripts/browser.ts';
import { ROOT } from '../scripts/io.ts';
import { serveStatic } from '../scripts/server.ts';
import { checkBudgets } from './budgets.ts';
import { exportTimes } from './export-timing.ts';
import { type FirstVisit, firstVisits, summariseFirstVisits } from './first-visit.ts';
import { ms, ratio } from './format.ts';
import { measure, type Run, type Served } from './measure.ts';
import { METHOD, type Target } from './method.ts';
import { consoleSummary, loadAverage, machine, writeReport } from './report.ts';
import { type SecondVisit, secondVisit } from './second-visit.ts';
import { summarise } from './stats.ts';

const APP_DIR = `${ROOT}dist-bench-app`;
const BASELINE_DIR = `${ROOT}dist-bench-baseline`;

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
  // MapLibre's chunk is over Vite's 500 kB warning by nature; say nothing of it.
  const quiet = { logLevel: 'warn', build: { chunkSizeWarningLimit: 2000 } } as const;
  await build({ configFile: `${ROOT}bench/vite.app.config.ts`, mode: 'test', ...quiet });
  await build({ configFile: `${ROOT}bench/vite.config.ts`, ...quiet });
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

/**
 * One unmeasured load of each warms the OS file cache and tells the baseline the app's map size;
 * then `runs` of each, alternating which goes first so neither always follows the other, each run
 * followed by the app's second visit, served by its service worker.
 */
async function measureAll(
  browser: Browser,
  app: Served,
  bare: Served,
  runs: number,
): Promise<{ runs: Run[]; secondVisits: SecondVisit[]; baseline: Served }> {
  const warm = await measure(browser, { ...app, run: 0, warmup: true });
  const baseline = { ...bare, url: `${bare.url}?w=${warm.map.width}&h=${warm.map.height}` };
  const all = [warm, await measure(browser, { ...baseline, run: 0, warmup: true })];
  const secondVisits: SecondVisit[] = [];
  for (let run = 1; run <= runs; run++) {
    const order: Target[] = run % 2 === 1 ? ['app', 'baseline'] : ['baseline', 'app'];
    for (const target of order) {
      const result = await measure(browser, { ...(target === 'app' ? app : baseline), run, warmup: false });
      all.push(result);
      logRun(result);
    }
    const second = await secondVisit(browser, app);
    secondVisits.push(second);
    console.log(
      `run ${run} second   idle ${ms(second.idleMs)}, ${second.fromWorker}/${second.responses} from the worker`,
    );
  }
  return { runs: all, secondVisits, baseline };
}

const logVisit = (v: FirstVisit) =>
  console.log(`pair ${v.pair} ${v.target.padEnd(8)} first visit, new browser: idle ${ms(v.idleMs)}`);

/**
 * Serves both builds, measures them in one browser (the older method, kept beside the new for one
 * release), then measures rested first visits, each in a new browser.
 */
async function measureBuilds(
  runsPerTarget: number,
  pairs: number,
): Promise<{ runs: Run[]; secondVisits: SecondVisit[]; firstVisits: FirstVisit[]; chromium: string }> {
  const prefix = '/';
  const appServer = await serveStatic(APP_DIR, prefix);
  const baselineServer = await serveStatic(BASELINE_DIR, prefix);
  const app: Served = { target: 'app', url: appServer.url, root: APP_DIR, prefix };
  const bare: Served = { target: 'baseline', url: baselineServer.url, root: BASELINE_DIR, prefix };
  try {
    const browser = await launchBrowser();
    const chromium = browser.version();
    const warm = await measureAll(browser, app, bare, runsPerTarget).finally(() => browser.close());
    const visits = await firstVisits(app, warm.baseline, pairs, METHOD.firstVisit.restMs, logVisit);
    return { runs: warm.runs, secondVisits: warm.secondVisits, firstVisits: visits, chromium };
  } finally {
    await appServer.close();
    await baselineServer.close();
  }
}

/**
 * `npm run bench -- --rest-sweep`: first visits after each rest of METHOD.restSweepMs, to choose the
 * rest after which a longer one changes nothing. Prints a table; writes nothing.
 */
async function restSweep(): Promise<void> {
  const prefix = '/';
  const appServer = await serveStatic(APP_DIR, prefix);
  const baselineServer = await serveStatic(BASELINE_DIR, prefix);
  const app: Served = { target: 'app', url: appServer.url, root: APP_DIR, prefix };
  try {
    const browser = await launchBrowser();
    const size = await measure(browser, { ...app, run: 0, warmup: true }).finally(() => browser.close());
    const baseline: Served = {
      target: 'baseline',
      url: `${baselineServer.url}?w=${size.map.width}&h=${size.map.height}`,
      root: BASELINE_DIR,
      prefix,
    };
    const rows = [
      '| Rest | App first idle | Baseline first idle | App ÷ baseline (median, IQR) |',
      '| --- | --- | --- | --- |',
    ];
    for (const rest of METHOD.restSweepMs) {
      const s = summariseFirstVisits(await firstVisits(app, baseline, METHOD.restSweepPairs, rest, logVisit));
      rows.push(
        `| ${rest / 1000} s | ${ms(s.app.median)} | ${ms(s.baseline.median)} | ${ratio(s.ratio.median)}× (${ratio(s.ratio.q1)}–${ratio(s.ratio.q3)}) |`,
      );
      console.log(rows.at(-1));
    }
    console.log(
      `\nFirst visits, ${METHOD.restSweepPairs} pairs a rest, load average ${loadAverage().join(', ')}:\n${rows.join('\n')}`,
    );
  } finally {
    await appServer.close();
    await baselineServer.close();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runsPerTarget = parseCount(argv, '--runs', METHOD.runs);
  const pairs = parseCount(argv, '--pairs', METHOD.firstVisit.pairs);
  const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
  const began = performance.now();
  const loadAtStart = loadAverage();
  const buildMs = await buildPages();
  console.log(`Built app and baseline in ${(buildMs / 1000).toFixed(1)} s`);
  if (argv.includes('--rest-sweep')) return restSweep();
  // Before the browser starts, so the two do not share the CPU.
  const exportMs = exportTimes();
  const { runs, secondVisits, firstVisits: visits, chromium } = await measureBuilds(runsPerTarget, pairs);

  const summary = summarise(runs, exportMs, secondVisits, summariseFirstVisits(visits));
  const budgets = checkBudgets(summary);
  const date = new Date().toISOString();
  const report = {
    command,
    date,
    machine: machine(loadAtStart, chromium),
    buildMs,
    exportMs,
    runsPerTarget,
    runs,
    secondVisits,
    firstVisits: visits,
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
