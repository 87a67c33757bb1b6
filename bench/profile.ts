/**
 * `npm run bench -- --profile [--pairs N]`: where a rested first visit's time goes, thread by thread,
 * in the app, the same-data baseline and bare MapLibre (110m): the app against the same-data page is
 * what its code costs, that page against the bare one what its data costs. All three are built
 * against MapLibre's unminified build, so that its functions keep their names, and each load is
 * traced (V8's CPU profiles and Chromium's tasks) from its request to the map's first idle. Prints
 * medians over the loads; writes nothing.
 */
import { build, mergeConfig, type PluginOption, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { mapHandle } from '../scripts/app-page.ts';
import { ROOT } from '../scripts/io.ts';
import { OFFLINE } from '../scripts/offline.ts';
import { serveStatic } from '../scripts/server.ts';
import appConfig from '../vite.config.ts';
import { launchBenchBrowser } from './browser.ts';
import { alternatingVisits, type VisitTarget } from './first-visit.ts';
import { ms } from './format.ts';
import { loadToIdle, type Served, sized } from './measure.ts';
import { METHOD } from './method.ts';
import { mapState } from './page-scripts.ts';
import {
  medianProfile,
  profileTable,
  requestTime,
  THREADS,
  type ThreadProfile,
  type TraceEvent,
  threadProfiles,
} from './trace.ts';

const APP_DIR = `${ROOT}dist-bench-profile-app`;
const SAME_DATA_DIR = `${ROOT}dist-bench-profile-same-data`;
const BARE_DIR = `${ROOT}dist-bench-profile-bare`;
const QUIET = { logLevel: 'warn', build: { chunkSizeWarningLimit: 5000 } } as const;

/** MapLibre's unminified build and worker in place of the minified ones, and nothing minified. */
const UNMINIFIED: UserConfig = {
  build: { minify: false },
  resolve: {
    alias: [
      { find: /^maplibre-gl$/, replacement: `${ROOT}node_modules/maplibre-gl/dist/maplibre-gl-dev.mjs` },
      { find: /maplibre-gl-worker\.mjs/, replacement: 'maplibre-gl-worker-dev.mjs' },
    ],
  },
};

/** The app's plugins with the offline one allowed MapLibre's unminified file (2.4 MB) in its cache. */
function withLargerCache(plugins: PluginOption[] = []): PluginOption[] {
  const isOffline = (plugin: PluginOption) =>
    !!plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name.startsWith('vite-plugin-pwa');
  const flat = (list: PluginOption[]): PluginOption[] =>
    list.flatMap((plugin) => (Array.isArray(plugin) ? flat(plugin) : [plugin]));
  const others = flat(plugins).filter((plugin) => !isOffline(plugin));
  return [
    ...others,
    VitePWA({ ...OFFLINE, workbox: { ...OFFLINE.workbox, maximumFileSizeToCacheInBytes: 8 * 2 ** 20 } }),
  ];
}

async function buildPages(): Promise<void> {
  const app = appConfig({ command: 'build', mode: 'test' });
  await build({
    configFile: false,
    mode: 'test',
    ...mergeConfig(mergeConfig({ ...app, plugins: withLargerCache(app.plugins) }, UNMINIFIED), {
      ...QUIET,
      build: { ...QUIET.build, outDir: APP_DIR },
    }),
  });
  for (const [configFile, outDir] of [
    [`${ROOT}bench/vite.same-data.config.ts`, SAME_DATA_DIR],
    [`${ROOT}bench/vite.config.ts`, BARE_DIR],
  ] as const)
    await build({ configFile, ...mergeConfig(UNMINIFIED, { ...QUIET, build: { ...QUIET.build, outDir } }) });
}

/** One load of `served` in a browser of its own, traced from its request to its first idle. */
async function tracedVisit(served: Served): Promise<{ idleMs: number; threads: ThreadProfile[] }> {
  const browser = await launchBenchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: METHOD.viewport })).newPage();
    await browser.startTracing(page, {
      categories: [
        '__metadata',
        'toplevel',
        'devtools.timeline',
        'gpu',
        'viz',
        'disabled-by-default-v8.cpu_profiler',
      ],
    });
    const idle = await loadToIdle(page, served);
    const events: TraceEvent[] = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    // From the document's request, a few ms after the navigation start that `idle` counts from.
    const from = requestTime(events, served.url);
    return { idleMs: idle, threads: threadProfiles(events, from, from + idle * 1000, THREADS, 40) };
  } finally {
    await browser.close();
  }
}

export async function profileFirstVisits(pairs: number): Promise<void> {
  await buildPages();
  const prefix = '/';
  const [app, same, bare] = await Promise.all([
    serveStatic(APP_DIR, prefix),
    serveStatic(SAME_DATA_DIR, prefix),
    serveStatic(BARE_DIR, prefix),
  ]);
  try {
    const appPage: Served = { target: 'app', url: app.url, root: APP_DIR, prefix };
    // One unmeasured load of each, as `npm run bench` makes, which also tells the baselines the app's
    // map size and view.
    const browser = await launchBenchBrowser();
    let pages: Served[];
    try {
      const page = async () => (await browser.newContext({ viewport: METHOD.viewport })).newPage();
      const first = await page();
      await loadToIdle(first, appPage);
      const size = await (await mapHandle(first)).evaluate(mapState);
      pages = [
        appPage,
        sized({ target: 'same-data', url: same.url, root: SAME_DATA_DIR, prefix }, size),
        sized({ target: 'baseline', url: bare.url, root: BARE_DIR, prefix }, size),
      ];
      for (const baseline of pages.slice(1)) await loadToIdle(await page(), baseline);
    } finally {
      await browser.close();
    }
    const visits = await alternatingVisits(pages, pairs, METHOD.firstVisit.restMs, tracedVisit, (v) =>
      console.log(`pair ${v.pair} ${v.target}: first idle ${ms(v.idleMs)}`),
    );
    for (const target of ['app', 'same-data', 'baseline'] as VisitTarget[]) {
      const mine = visits.filter((v) => v.target === target);
      const table = profileTable(
        target,
        mine.map((v) => v.idleMs),
        medianProfile(mine.map((v) => v.threads)),
      );
      console.log(`\n${table}`);
    }
  } finally {
    await Promise.all([app.close(), same.close(), bare.close()]);
  }
}
