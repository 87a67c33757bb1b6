/**
 * npm run screenshots
 * Writes the README's pictures from a fresh test build: docs/screenshot-desktop.png (1280×800, the
 * default view) and docs/screenshot-phone.png (a phone, the legend opened and one layer hidden).
 * The tests never write them, so a test run leaves the tree as it was.
 */
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { type OpenOptions, openApp, PHONE, waitForReady, withMap } from './app-page.ts';
import { launchBrowser } from './browser.ts';
import { ROOT } from './io.ts';

/** Opens the app, lets `prepare` act on it, waits for the map to settle and saves the page. */
async function screenshot(
  browser: Browser,
  file: string,
  options: OpenOptions,
  prepare?: (page: Page) => Promise<void>,
): Promise<void> {
  const session = await openApp(browser, options);
  try {
    await waitForReady(session.page);
    await prepare?.(session.page);
    await withMap(session.page, async (map) => {
      // A frame is asked for first, so the idle waited for comes after every change above.
      map.triggerRepaint();
      await new Promise((resolve) => map.once('idle', resolve));
    });
    if (session.errors.length) throw new Error(`${file}: ${session.errors.join('; ')}`);
    await session.page.screenshot({ path: `${ROOT}docs/${file}` });
    console.log(`Wrote docs/${file}`);
  } finally {
    await session.close();
  }
}

async function hideOneLayer(page: Page): Promise<void> {
  await page.getByText('Layers', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Militarised policing' }).click();
}

// Always built: a build left over from older code would draw an older map.
await build({ configFile: `${ROOT}vite.config.ts`, mode: 'test', logLevel: 'warn' });
const browser = await launchBrowser();
try {
  await screenshot(browser, 'screenshot-desktop.png', {});
  await screenshot(browser, 'screenshot-phone.png', PHONE, hideOneLayer);
} finally {
  await browser.close();
}
