/** docs/BENCHMARKS.md and docs/benchmarks.json from the runs; the same tables on the console. */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Graphics } from '../scripts/browser.ts';
import { ROOT } from '../scripts/io.ts';
import type { GraphicsStatus } from './browser.ts';
import { BUDGETS, type BudgetResult, dragRatio, idleRatio, secondVisitRatio } from './budgets.ts';
import type { DragVisit } from './drag.ts';
import { KINDS } from './files.ts';
import type { FirstVisit, FirstVisitSummary } from './first-visit.ts';
import { iqr, kb, ms, range, ratio, ratioIqr } from './format.ts';
import type { Milestones, Run } from './measure.ts';
import { METHOD, type Target } from './method.ts';
import type { RestedSecondVisit } from './rested-second-visit.ts';
import { SLOW, type SlowVisit } from './slow-first-view.ts';
import { byTarget, type Summary } from './stats.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  loadAverage: { atStart: number[]; atEnd: number[] };
  node: string;
  chromium: string;
  /** How the browser drew (METHOD.graphics), in chrome://gpu's words. */
  graphics: GraphicsStatus & { mode: Graphics };
}

export interface BenchReport {
  command: string;
  date: string;
  machine: Machine;
  buildMs: number;
  exportMs: number[];
  /** Measured runs of each page, as asked for. */
  runsPerTarget: number;
  /** Every run, warm-up loads included, in the order they ran. */
  runs: Run[];
  /** Every drag of the paired drags, in the order they ran. */
  drags: DragVisit[];
  /** Every rested first visit, in the order they ran. */
  firstVisits: FirstVisit[];
  /** Every rested second visit, with its pair's first. */
  restedSecondVisits: RestedSecondVisit[];
  /** Every visit on the slow connection, in the order they ran. */
  slowVisits: SlowVisit[];
  summary: Summary;
  budgets: BudgetResult[];
}

const GRAPHICS_WORDS: Record<Graphics, string> = {
  browser: 'drawing as the browser chooses on this machine',
  swiftshader: 'SwiftShader standing in for a GPU (`--graphics swiftshader`)',
};

/** Anything else running on the machine skews timings: the load average goes in the report. */
export const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

export function machine(loadAtStart: number[], chromium: string, graphics: Machine['graphics']): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: { atStart: loadAtStart, atEnd: loadAverage() },
    node: process.version,
    chromium,
    graphics,
  };
}

const firstRuns = (r: BenchReport) => {
  const of = byTarget(r.runs);
  return { app: of.app[0] as Run, baseline: of.baseline[0] as Run };
};

function resultsTable(r: BenchReport): string[] {
  const { idle, phases, fps, rendersIn2s, rafIn2s, popup } = r.summary;
  const n = `${r.runsPerTarget} run${r.runsPerTarget === 1 ? '' : 's'} each`;
  const fv = r.summary.firstVisit;
  const slow = r.summary.slow;
  const rested = r.summary.restedSecondVisit;
  const clicks = byTarget(r.runs).app.flatMap((run) => run.clickToPopupMs).length;
  const fixed = (v: number) => v.toFixed(1);
  const drag = r.summary.drag;
  return [
    '| Measure | App | Baseline | App ÷ baseline |',
    '| --- | --- | --- | --- |',
    `| First visit, each load in a new browser after ${r.summary.firstVisit.restMs / 1000} s of rest: first idle (median, min–max; ${r.summary.firstVisit.pairs} pairs) | ${range(r.summary.firstVisit.app, ms)} | ${range(r.summary.firstVisit.baseline, ms)} | ${ratio(r.summary.firstVisit.ratio.median)}× (IQR ${ratio(r.summary.firstVisit.ratio.q1)}–${ratio(r.summary.firstVisit.ratio.q3)}, pair by pair) |`,
    ...(fv.sameData && fv.sameDataRatio
      ? [
          `| … against bare MapLibre drawing the app's own basemap files and glyphs (same-data baseline) | | ${range(fv.sameData, ms)} | ${ratioIqr(fv.sameDataRatio)} |`,
        ]
      : []),
    `| Older method, kept for comparison: loads back to back in one warm browser, first idle (median, min–max; ${n}) | ${range(idle.app, ms)} | ${range(idle.baseline, ms)} | ${ratio(idleRatio(r.summary))}× |`,
    `| … of which: DOMContentLoaded | ${range(phases.domContentLoaded.app, ms)} | ${range(phases.domContentLoaded.baseline, ms)} | |`,
    `| … the map handed to the page (\`new Map()\`; the app: with its interface built) | ${range(phases.mapCreated.app, ms)} | ${range(phases.mapCreated.baseline, ms)} | |`,
    `| … the map's \`load\` event | ${range(phases.mapLoad.app, ms)} | ${range(phases.mapLoad.baseline, ms)} | |`,
    `| Phone on a slow connection (${SLOW.network.downloadThroughput / 125_000} Mbit/s, ${SLOW.network.latency} ms, CPU ÷${SLOW.cpuSlowdown}, gzip; ${slow.pairs} pairs): the first view's picture painted (Largest Contentful Paint; median, IQR) | ${slow.picture ? iqr(slow.picture, ms) : 'not painted in every load'} | — | |`,
    `| … the map ready (first idle), with the picture and without it | ${iqr(slow.ready, ms)} | ${iqr(slow.readyWithout, ms)} | ${ratio(slow.readyRatio.median)}× (IQR ${ratio(slow.readyRatio.q1)}–${ratio(slow.readyRatio.q3)}, pair by pair) |`,
    `| Second visit, the browser started again on a first visit's profile after the rest, served by the service worker: first idle (median, IQR; ${rested.pairs} pairs) | ${iqr(rested.second, ms)} | — | ${ratio(rested.ratio.median)}× the pair's first visit (IQR ${ratio(rested.ratio.q1)}–${ratio(rested.ratio.q3)}; first visits ${iqr(rested.first, ms)}) |`,
    `| … then Save image (PNG, 2×), the first save: click → file handed over | ${iqr(rested.png, ms)} | — | |`,
    `| Older method: second visit in the warm browser, served by the service worker: first idle | ${range(r.summary.secondVisit, ms)} | — | ${ratio(secondVisitRatio(r.summary))}× the older method's first visit |`,
    `| Map renders a second while dragging ${METHOD.dragMs / 1000} s, each page loaded in a new context and left ${METHOD.drag.settleMs / 1000} s (median, IQR; ${drag.pairs} rounds) | ${iqr(drag.app, fixed)} | ${iqr(drag.baseline, fixed)} | ${ratioIqr(drag.ratio)} |`,
    ...(drag.sameData && drag.sameDataRatio && drag.dataRatio
      ? [
          `| … the same-data baseline; app ÷ it, and it ÷ bare MapLibre | | ${iqr(drag.sameData, fixed)} | ${ratioIqr(drag.sameDataRatio)}; ${ratioIqr(drag.dataRatio)} |`,
        ]
      : []),
    `| Older method: map renders while dragging in the runs above, after the clicks, per second | ${range(fps.app, fixed)} | ${range(fps.baseline, fixed)} | ${ratio(dragRatio(r.summary))}× |`,
    `| … map renders in the drag (count) | ${range(rendersIn2s.app, String)} | ${range(rendersIn2s.baseline, String)} | |`,
    `| … requestAnimationFrame callbacks in the drag | ${range(rafIn2s.app, String)} | ${range(rafIn2s.baseline, String)} | |`,
    `| Click on Alta Verapaz → popup in the DOM (${clicks} clicks) | ${range(popup, ms)} | — | |`,
    `| Timeline date change → map idle (${r.summary.dateToIdle ? METHOD.dates.length : 0} a run) | ${range(r.summary.dateToIdle, ms)} | — | |`,
    `| Page frames per second standing still, route highlight running | ${range(r.summary.stillFps, fixed)} | — | |`,
    `| … while the story plays through (five steps) | ${range(r.summary.playingFps, fixed)} | — | ${ratio(r.summary.playRatio.median)}× |`,
    `| Older method: Save image (PNG, 2×), warm browser: click → file handed over (${METHOD.pictures} a run) | ${range(r.summary.png, ms)} | — | |`,
    `| Save vector image (SVG): click → file handed over (${METHOD.pictures} a run) | ${range(r.summary.svg, ms)} | — | |`,
    `| Build all export files + zip (Node, ${METHOD.exportRuns} runs) | ${range(r.summary.export, ms)} | — | |`,
  ];
}

/** What each milestone is, in the order the app reaches them (a baseline makes its map before DOMContentLoaded). */
const MILESTONES: Record<keyof Milestones, string> = {
  domContentLoaded: 'DOMContentLoaded',
  webglAsked: 'WebGL context asked for (in `new Map()`)',
  webglMade: 'WebGL context made',
  mapCreated: 'map handed to the page (the app: with its interface built)',
  firstTile: "first tile on the page (MapLibre's first `sourcedata` event with a tile)",
  mapLoad: "the map's `load` event",
  idle: 'first idle',
};

/**
 * The rested first visits' median milestones, page by page, and how far the app is behind the
 * same-data baseline at each, pair by pair: where on the way to the first idle its extra time is spent.
 */
export function milestonesTable({
  milestones,
  behindSameData,
}: Pick<FirstVisitSummary, 'milestones' | 'behindSameData'>): string[] {
  const { app, 'same-data': same, baseline } = milestones;
  if (!app) return [];
  const cell = (m: Milestones | undefined, key: keyof Milestones) => (m ? ms(m[key]) : '—');
  const behind = (key: keyof Milestones) => {
    if (!behindSameData) return '—';
    const d = Math.round(behindSameData[key]);
    return `${d < 0 ? '−' : '+'}${Math.abs(d)} ms`;
  };
  return [
    '| Milestone (median, ms from navigation start) | App | Same-data baseline | Bare MapLibre (110m) | App − same-data (median of the pairs) |',
    '| --- | --- | --- | --- | --- |',
    ...(Object.entries(MILESTONES) as [keyof Milestones, string][]).map(
      ([key, label]) =>
        `| ${label} | ${cell(app, key)} | ${cell(same, key)} | ${cell(baseline, key)} | ${behind(key)} |`,
    ),
  ];
}

function bytesTable(r: BenchReport): string[] {
  const { appBytes: app, baselineBytes: baseline } = r.summary;
  const first = firstRuns(r);
  const total = (run: Run, key: 'raw' | 'gzip') => kb(run.files.reduce((s, f) => s + f[key], 0));
  return [
    '| Loaded before first idle | App raw | App gzip -9 | Baseline raw | Baseline gzip -9 |',
    '| --- | --- | --- | --- | --- |',
    ...KINDS.filter((k) => app[k].raw + baseline[k].raw > 0).map(
      (k) =>
        `| ${k} | ${kb(app[k].raw)} | ${kb(app[k].gzip)} | ${kb(baseline[k].raw)} | ${kb(baseline[k].gzip)} |`,
    ),
    `| **Total** | ${total(first.app, 'raw')} | ${total(first.app, 'gzip')} | ${total(first.baseline, 'raw')} | ${total(first.baseline, 'gzip')} |`,
  ];
}

function filesTable(r: BenchReport): string[] {
  const first = firstRuns(r);
  const rows = (run: Run) =>
    run.files.map((f) => `| ${run.target} | ${f.path} | ${f.kind} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  return [
    '| Page | File | Kind | Raw | gzip -9 |',
    '| --- | --- | --- | --- | --- |',
    ...rows(first.app),
    ...rows(first.baseline),
  ];
}

function budgetTable(r: BenchReport): string[] {
  return [
    '| Budget | Measured | Result |',
    '| --- | --- | --- |',
    ...r.budgets.map((b) => `| ${b.name} | ${b.value} | ${b.ok ? 'PASS' : 'FAIL'} |`),
  ];
}

const view = (r: Run) =>
  `${r.map.width}×${r.map.height} px, zoom ${r.map.zoom.toFixed(3)}, centre ${r.map.center.map((v) => v.toFixed(3)).join(', ')}`;

function header(r: BenchReport): string[] {
  const { machine: m } = r;
  const first = firstRuns(r);
  return [
    '# Benchmarks',
    '',
    'The app against a baseline page: bare MapLibre from the same installed `maplibre-gl`, showing Natural Earth 110m',
    'countries (world-atlas, one GeoJSON source) with a fill, a line and a label layer and nothing else (no background',
    "layer: the page shows through where no country is drawn), the app's own initial view (its default bounds fitted to the part of the map its controls leave free), MapLibre's default",
    '300 ms label fade and labels in Noto Sans from its woff2 through `font-faces` (the app draws its labels from glyph files made from that font, public/glyphs/).',
    'Generated by `bench/run.ts`; do not edit by hand.',
    '',
    `- Command: \`${r.command}\``,
    `- Date: ${r.date}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os}`,
    `- Load average (1, 5, 15 min) at start ${m.loadAverage.atStart.join(', ')}, at end ${m.loadAverage.atEnd.join(', ')}`,
    `- Node ${m.node}, Chromium ${m.chromium}, headless, ${GRAPHICS_WORDS[m.graphics.mode]}; chrome://gpu: compositing ${m.graphics.compositing}; rasterization ${m.graphics.rasterization}; WebGL ${m.graphics.webgl} (${m.graphics.renderer})`,
    `- App map: ${view(first.app)}; baseline map: ${view(first.baseline)}`,
  ];
}

function method(): string[] {
  const { viewport, dragMs, clicksPerRun, clickAt, exportWarmup, exportRuns } = METHOD;
  return [
    `- Both pages are built (the app with \`vite build --mode test\`, for \`window.__map\`) and served from loopback;`,
    `  each run opens a fresh browser context at ${viewport.width}×${viewport.height}. One unmeasured load of each comes first;`,
    "  then app and baseline alternate, the order swapping every run. The baseline map is given the size of the app's map.",
    '- Time to first idle: `performance.now()` (from navigation start) when `#map` gets `data-ready="true"`, seen by a',
    "  MutationObserver installed before the page's scripts. Each load is a first visit, in a fresh browser context.",
    `- First visit, as a reader has it: each load in a browser started for it alone (a new, empty profile), after`,
    `  ${METHOD.firstVisit.restMs / 1000} s with nothing running (\`npm run bench -- --rest-sweep\` shows a longer rest changes nothing), app and`,
    '  baseline alternating, the order swapping every pair; the ratio is taken pair by pair and reported as its median',
    '  and interquartile range. The first-idle budget is checked on it. The older figure (loads back to back in one',
    '  warm browser, below it) stays for one release, so the log stays comparable. A third page joins the first',
    "  visits: bare MapLibre drawing the app's own basemap files (countries, departments, label points, places) with",
    "  its glyph files, one source a file (bench/same-data/): the app against it is what the app's code costs, and",
    '  it against the 110m page is what the richer data costs.',
    `- Slow connection: ${SLOW.pairs} pairs of first visits on a phone (${SLOW.viewport.width}×${SLOW.viewport.height}, touch) through CDP's`,
    `  \`Network.emulateNetworkConditions\` (${SLOW.network.downloadThroughput / 125_000} Mbit/s down, ${SLOW.network.uploadThroughput / 125_000} Mbit/s up, ${SLOW.network.latency} ms round trips) and`,
    `  \`Emulation.setCPUThrottlingRate\` (${SLOW.cpuSlowdown}×), from a server that gzips what a static host does, each load in a new`,
    `  browser after ${SLOW.restMs / 1000} s of rest: the app against the same build without its first view's picture`,
    "  (bench/vite.without-first-view.config.ts), alternating. The picture's time is the Largest Contentful Paint",
    '  entry whose element is the picture; the map ready is its first idle, as above, and the ratio is taken pair by pair.',
    `- Rested second visit: ${METHOD.restedSecondVisit.pairs} pairs; in each, a browser with a new profile loads the app after the rest, until its service`,
    '  worker controls the page, and closes; after the rest again, a browser started on that profile loads it: first idle,',
    '  every response from the worker; then the view is saved as PNG once. The budgets are checked on these; the older',
    '  second visit (below) stays for one release.',
    '- Second visit (older method): after each run, a fresh context loads the app until its service worker controls the page, then a',
    '  new page of that context is timed the same way; every response must come from the worker.',
    `- Dragging: the mouse is held down on the map's centre and moved about 60 times a second for ${dragMs / 1000} s; the page counts`,
    "  the map's `render` events and its own `requestAnimationFrame` callbacks over that time. The budget is checked on",
    `  ${METHOD.drag.pairs} rounds of the three pages in turn, in the warm browser after its runs: each page loaded in a new context, left`,
    `  ${METHOD.drag.settleMs / 1000} s after its first idle, dragged, the ratio taken round by round. The app registers its service`,
    '  worker at its first idle, whose fetching of the files it keeps for offline use may last into the drag; the baselines have none.',
    "  The older figure, a drag in each run after the app's clicks, stays for one release.",
    `- Click → popup: ${clicksPerRun} clicks a run on Alta Verapaz (${clickAt.join(', ')}), timed in the page from the click event (capture`,
    '  phase) to `.maplibregl-popup` in the DOM; Escape closes it between clicks.',
    '- Timeline: after the drag, the slider gets an `input` event for each of its test days in turn; the time is from',
    "  the event to the map's next `idle`. Then the page's `requestAnimationFrame` callbacks are counted standing still",
    '  (the route highlight running) and while Play the story runs to its end; the ratio is taken run by run.',
    `- Save image: after the timeline, "Save image (PNG)" is clicked ${METHOD.pictures} times, then "Save vector image (SVG)"; the time is from the click (capture phase)`,
    '  to the Blob handed to `URL.createObjectURL` for the download link. The first save of each loads its code on demand.',
    `- Export: \`zipExport(buildExport(readReportLayers()))\` in Node, the layers read once beforehand, ${exportWarmup} warm-up runs then ${exportRuns}.`,
    '- Figures are medians with min–max. Every run is in docs/benchmarks.json.',
  ];
}

export function markdown(r: BenchReport): string {
  return [
    ...header(r),
    '',
    '## Results',
    '',
    ...resultsTable(r),
    '',
    "## Where a rested first visit's time goes",
    '',
    'Each page notes, as it loads, when it first asks for a WebGL context and when it has it (in a browser just',
    'started, the call waits for the GPU process to be ready), when it hands its map over, when the first tile from',
    "MapLibre's worker is on the page, and the map's `load` and first idle. The gap to the same-data page is taken",
    'pair by pair. That page has four sources, fetched by the worker; the app has one, its data given inline.',
    '',
    ...milestonesTable(r.summary.firstVisit),
    '',
    '## Bytes on first load',
    '',
    'Every file the page fetched before its first idle, sized in the build (1 kB = 1000 bytes).',
    '"MapLibre" is the `maplibre-gl` chunk and its worker; the build puts MapLibre in a chunk of its own',
    "(vite.config.ts) so that the app's own code can be measured apart.",
    '',
    ...bytesTable(r),
    '',
    ...filesTable(r),
    '',
    '## Budgets',
    '',
    ...budgetTable(r),
    '',
    '## Method',
    '',
    ...method(),
    '',
  ].join('\n');
}

export function json(r: BenchReport): string {
  const of = byTarget(r.runs);
  const sameFiles = (target: Target) => {
    const paths = (run: Run) => run.files.map((f) => f.path).join();
    return of[target].every((run) => paths(run) === paths(of[target][0] as Run));
  };
  const { command, date, machine, buildMs, exportMs, summary } = r;
  const sameFilesEveryRun = { app: sameFiles('app'), baseline: sameFiles('baseline') };
  return `${JSON.stringify(
    {
      command,
      date,
      machine,
      budgets: BUDGETS,
      buildMs,
      exportMs,
      summary,
      results: r.budgets,
      sameFilesEveryRun,
      runs: r.runs,
      drags: r.drags,
      firstVisits: r.firstVisits,
      restedSecondVisits: r.restedSecondVisits,
      slowVisits: r.slowVisits,
    },
    null,
    2,
  )}\n`;
}

export function writeReport(r: BenchReport): void {
  writeFileSync(`${ROOT}docs/BENCHMARKS.md`, markdown(r));
  writeFileSync(`${ROOT}docs/benchmarks.json`, json(r));
}

/** The tables that matter at a glance, for the console. */
export function consoleSummary(r: BenchReport): string {
  return ['', ...resultsTable(r), '', ...bytesTable(r), '', ...budgetTable(r), ''].join('\n');
}
