/**
 * A first visit on a phone on a slow connection, with and without the first view's picture
 * (src/first-view/): when the picture is painted (the Largest Contentful Paint entry that is it), and
 * when the map is ready, each load in a browser of its own after a rest, the two builds alternating.
 */
import { serveStatic } from '../scripts/server.ts';
import { launchBenchBrowser } from './browser.ts';
import { alternatingVisits, type VisitTarget } from './first-visit.ts';
import { ms } from './format.ts';
import { loadToIdle, type Served } from './measure.ts';
import { type Quartiles, quartiles } from './stats.ts';

/**
 * The connection and phone of issue 35: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trips (Chrome
 * DevTools' "Slow 4G" bandwidth), a CPU four times slower, files gzipped as a static host sends them.
 */
export const SLOW = {
  network: { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
  cpuSlowdown: 4,
  viewport: { width: 375, height: 667 },
  pairs: 5,
  restMs: 10_000,
} as const;

export interface SlowVisit {
  target: VisitTarget;
  pair: number;
  /** ms from navigation start to the picture's paint; null where none was painted. */
  pictureMs: number | null;
  /** ms from navigation start to the map's first idle. */
  readyMs: number;
}

/** Records every Largest Contentful Paint candidate: its time and whether it is the first view's picture. */
const RECORD_PAINTS = `(() => {
  window.__paints = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__paints.push({ at: entry.startTime, picture: entry.element?.classList?.contains('first-view__picture') ?? false });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
})()`;

/** One load of `served` on the slow connection, in a browser of its own, to the map's first idle. */
export async function slowVisit(served: Served): Promise<Omit<SlowVisit, 'target' | 'pair'>> {
  const browser = await launchBenchBrowser();
  try {
    const context = await browser.newContext({ viewport: SLOW.viewport, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.addInitScript(RECORD_PAINTS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW.cpuSlowdown });
    const readyMs = await loadToIdle(page, served, {
      what: `${served.target} on a slow connection`,
      timeoutMs: 120_000,
      waitUntil: 'commit',
    });
    const paints = (await page.evaluate('window.__paints')) as { at: number; picture: boolean }[];
    return { pictureMs: paints.find((p) => p.picture)?.at ?? null, readyMs };
  } finally {
    await browser.close();
  }
}

/** `pairs` rounds of one slow load of each build, alternating (alternatingVisits). */
export const slowVisits = (
  app: Served,
  without: Served,
  pairs: number = SLOW.pairs,
  log: (visit: SlowVisit) => void = () => {},
): Promise<SlowVisit[]> => alternatingVisits([app, without], pairs, SLOW.restMs, slowVisit, log);

/**
 * The slow connection's visits of the app built in `appDir` against the same build without its first
 * view's picture in `withoutDir`, each served as a static host serves it, gzipped.
 */
export async function slowFirstViews(appDir: string, withoutDir: string): Promise<SlowVisit[]> {
  const prefix = '/';
  const [app, without] = await Promise.all(
    [appDir, withoutDir].map((dir) => serveStatic(dir, prefix, { compress: true })),
  );
  if (!app || !without) throw new Error('A bench page could not be served');
  try {
    return await slowVisits(
      { target: 'app', url: app.url, root: appDir, prefix },
      { target: 'without-first-view', url: without.url, root: withoutDir, prefix },
      undefined,
      (v) =>
        console.log(
          `pair ${v.pair} ${v.target.padEnd(18)} slow connection: picture ${v.pictureMs === null ? 'none' : ms(v.pictureMs)}, ready ${ms(v.readyMs)}`,
        ),
    );
  } finally {
    await Promise.all([app.close(), without.close()]);
  }
}

export interface SlowSummary {
  pairs: number;
  /** The picture's paint, with it; null if any load painted none. */
  picture: Quartiles | null;
  ready: Quartiles;
  readyWithout: Quartiles;
  /** The map ready with the picture ÷ without it, pair by pair. */
  readyRatio: Quartiles;
}

export function summariseSlowVisits(visits: SlowVisit[]): SlowSummary {
  const app = visits.filter((v) => v.target === 'app');
  const without = (pair: number) => {
    const found = visits.find((v) => v.target === 'without-first-view' && v.pair === pair);
    if (!found) throw new Error(`Slow visits: pair ${pair} has no load without the picture`);
    return found;
  };
  const pictures = app.map((v) => v.pictureMs);
  return {
    pairs: app.length,
    picture: pictures.every((p) => p !== null) ? quartiles(pictures as number[]) : null,
    ready: quartiles(app.map((v) => v.readyMs)),
    readyWithout: quartiles(visits.filter((v) => v.target !== 'app').map((v) => v.readyMs)),
    readyRatio: quartiles(app.map((v) => v.readyMs / without(v.pair).readyMs)),
  };
}
