/**
 * The app's second visit: one load fills the service worker's cache, then a new page in the same
 * context is timed to its first idle, every file answered by the worker.
 */
import type { Browser } from 'playwright-core';
import { type LoadedFile, loadedFiles } from './files.ts';
import { phasesOf, probedPage, type Served, sleep, withTimeout } from './measure.ts';
import { METHOD } from './method.ts';

export interface SecondVisit {
  idleMs: number;
  /** Responses before the first idle, and how many of them the worker gave. */
  responses: number;
  fromWorker: number;
  /** What the first visit loaded after the map was ready to register the worker (workbox-window). */
  registration: LoadedFile[];
}

export async function secondVisit(browser: Browser, app: Served): Promise<SecondVisit> {
  const context = await browser.newContext({ viewport: METHOD.viewport, serviceWorkers: 'allow' });
  try {
    const first = await context.newPage();
    await first.goto(app.url);
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    });
    const registration = await first.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => /\/workbox-window[^/]*\.js$/.test(path)),
    );
    await first.close();
    await sleep(300);
    const page = await context.newPage();
    const probed = await probedPage(page, app.prefix);
    let responses = 0;
    let fromWorker = 0;
    page.on('response', (response) => {
      responses++;
      if (response.fromServiceWorker()) fromWorker++;
    });
    const ready = probed.signals.next('ready');
    await page.goto(app.url);
    await withTimeout(ready, 60_000, 'second visit: #map[data-ready=true]');
    const counted = { responses, fromWorker };
    const phases = await phasesOf(page, 'app');
    if (probed.errors.length) throw new Error(`second visit: page errors: ${probed.errors.join('; ')}`);
    return {
      idleMs: phases.idle,
      ...counted,
      registration: loadedFiles(
        registration.map((path) => path.slice(app.prefix.length)),
        app.root,
      ),
    };
  } finally {
    await context.close();
  }
}
