/**
 * npm run screenshots
 * Writes the README's pictures from a fresh test build: docs/screenshot-desktop.png (1280×800, the
 * default view) and docs/screenshot-phone.png (a phone, the legend opened and one layer hidden), and
 * the link preview's public/og-image.png: the default view at 1200×630, framed by the page's own
 * picture code (src/map/save-picture.ts) with its title and credits.
 * The tests never write them, so a test run leaves the tree as it was.
 */
import { writeFileSync } from 'node:fs';
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

/** The preview card's picture: the embed's map sized to 600×315 CSS pixels, saved at twice that. */
async function previewImage(browser: Browser): Promise<void> {
  const PREVIEW = { width: 600, height: 315 };
  // The strip under the map takes some height: measure it, then open at the size that leaves 600×315.
  const probe = await openApp(browser, { viewport: { width: PREVIEW.width, height: 420 }, query: '?embed' });
  await waitForReady(probe.page);
  const strip = await probe.page.evaluate(
    (h) => h - (document.getElementById('map')?.clientHeight ?? 0),
    420,
  );
  await probe.close();
  const session = await openApp(browser, {
    viewport: { width: PREVIEW.width, height: PREVIEW.height + strip },
    query: '?embed',
  });
  try {
    await waitForReady(session.page);
    const png = await session.page.evaluate(async () => {
      const test = window as unknown as {
        __map: unknown;
        __pictures: () => Promise<typeof import('../src/map/save-picture.ts')>;
      };
      const picture = await test.__pictures();
      const map = test.__map as Parameters<typeof picture.pngOfView>[0];
      const blob: Blob = await picture.pngOfView(map, {
        visible: ['transit-flows', 'alta-verapaz', 'militarised-policing'],
        date: '2012-01-15',
        permalink: '',
      });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    });
    if (session.errors.length) throw new Error(`og-image.png: ${session.errors.join('; ')}`);
    writeFileSync(`${ROOT}public/og-image.png`, Buffer.from(png, 'base64'));
    console.log('Wrote public/og-image.png');
  } finally {
    await session.close();
  }
}

// Always built: a build left over from older code would draw an older map.
await build({ configFile: `${ROOT}vite.config.ts`, mode: 'test', logLevel: 'warn' });
const browser = await launchBrowser();
try {
  await screenshot(browser, 'screenshot-desktop.png', {});
  await screenshot(browser, 'screenshot-phone.png', PHONE, hideOneLayer);
  await previewImage(browser);
} finally {
  await browser.close();
}
