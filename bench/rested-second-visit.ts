/**
 * A reader's second visit as they have it: their browser started again, after a rest, on the profile
 * of their first visit (its HTTP cache, compiled code and service worker kept); that first visit, in
 * the same profile from empty and after the same rest, is the pair's other half. Then, as a reader
 * who came back for it, a picture of the view saved as PNG, its code loaded on demand.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBenchProfile } from './browser.ts';
import { loadToIdle, type Served, sleep } from './measure.ts';
import { METHOD } from './method.ts';
import { readPicture } from './page-scripts.ts';
import { type Quartiles, quartiles } from './stats.ts';

export interface RestedSecondVisit {
  pair: number;
  /** First idle of the first visit, from an empty profile. */
  firstMs: number;
  /** First idle of the second, the browser started again on that profile. */
  secondMs: number;
  /** The second visit's responses before its first idle, and how many the worker gave. */
  responses: number;
  fromWorker: number;
  /** The second visit's first PNG save: click → file handed over. */
  pngMs: number;
}

/** The page a browser started on a profile opens with. */
const pageOf = async (context: BrowserContext): Promise<Page> =>
  context.pages()[0] ?? (await context.newPage());

export async function restedSecondVisit(
  app: Served,
  pair: number,
  restMs: number,
): Promise<RestedSecondVisit> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const open = () => launchBenchProfile(dir, { viewport: METHOD.viewport, serviceWorkers: 'allow' });
  try {
    await sleep(restMs);
    let context = await open();
    let firstMs: number;
    try {
      const page = await pageOf(context);
      firstMs = await loadToIdle(page, app, { what: 'rested first visit' });
      // The worker controls the page once it has cached every file (clientsClaim after install).
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 60_000,
      });
    } finally {
      await context.close();
    }
    await sleep(restMs);
    context = await open();
    try {
      const page = await pageOf(context);
      let responses = 0;
      let fromWorker = 0;
      page.on('response', (response) => {
        responses++;
        if (response.fromServiceWorker()) fromWorker++;
      });
      const secondMs = await loadToIdle(page, app, { what: 'rested second visit' });
      const counted = { responses, fromWorker };
      await sleep(500);
      await page.getByText('Save image · Embed').click();
      await page.getByRole('button', { name: /^Save image of this view as PNG/ }).click();
      await page.waitForFunction(readPicture, undefined, { timeout: 30_000 });
      const pngMs = (await page.evaluate(readPicture)) as number;
      return { pair, firstMs, secondMs, ...counted, pngMs };
    } finally {
      await context.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function restedSecondVisits(
  app: Served,
  pairs: number,
  restMs: number,
  log: (visit: RestedSecondVisit) => void = () => {},
): Promise<RestedSecondVisit[]> {
  const visits: RestedSecondVisit[] = [];
  for (let pair = 1; pair <= pairs; pair++) {
    const visit = await restedSecondVisit(app, pair, restMs);
    visits.push(visit);
    log(visit);
  }
  return visits;
}

export interface RestedSecondSummary {
  pairs: number;
  first: Quartiles;
  second: Quartiles;
  /** Second ÷ first, pair by pair. */
  ratio: Quartiles;
  /** The fewest of a second visit's responses that came from the worker, as a share of them all. */
  fromWorker: number;
  png: Quartiles;
}

export function summariseRestedSecondVisits(visits: RestedSecondVisit[]): RestedSecondSummary {
  return {
    pairs: visits.length,
    first: quartiles(visits.map((v) => v.firstMs)),
    second: quartiles(visits.map((v) => v.secondMs)),
    ratio: quartiles(visits.map((v) => v.secondMs / v.firstMs)),
    fromWorker: Math.min(...visits.map((v) => v.fromWorker / v.responses)),
    png: quartiles(visits.map((v) => v.pngMs)),
  };
}
