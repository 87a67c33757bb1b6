/**
 * npm run screenshots
 * Writes the README's pictures from a fresh test build: docs/screenshot-desktop.png (1280×800, the
 * default view), docs/screenshot-phone.png (a phone, the legend opened and one layer hidden),
 * docs/screenshot-tablet.png (a tablet held upright) and docs/screenshot-small-laptop.png (1024×600), and
 * the link preview's public/og-image.png: the default view, framed by the page's own picture code
 * (src/map/save-picture.ts) with its title and credits, 1200×630 in all.
 * The tests never write them, so a test run leaves the tree as it was.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { type OpenOptions, openApp, PHONE, waitForReady, withMap } from './app-page.ts';
import { launchBrowser } from './browser.ts';
import { ROOT } from './io.ts';

/** A tablet held upright, the size of the iPads most readers have. */
const TABLET = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true };

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

/**
 * The preview card's picture, 1200×630: the embed's map at one pixel per CSS pixel, with the frame's
 * bands above and below it, so that the bands take less of the card than at twice the pixels.
 */
async function previewImage(browser: Browser): Promise<void> {
  const PREVIEW = { width: 1200, height: 630 };
  // The strip under the map and the picture's bands take some height: measure both, then open at the
  // size whose picture is the preview's.
  const first = await embedPicture(browser, PREVIEW.width, PREVIEW.height + 200);
  const strip = PREVIEW.height + 200 - first.mapHeight;
  const bands = first.height - first.mapHeight;
  const { png, height } = await embedPicture(browser, PREVIEW.width, PREVIEW.height - bands + strip);
  if (height !== PREVIEW.height) throw new Error(`og-image.png is ${height} px high, not ${PREVIEW.height}`);
  writeFileSync(`${ROOT}public/og-image.png`, png);
  console.log('Wrote public/og-image.png');
}

/** The embed's picture of the default view (src/map/save-picture.ts) in a page of `width` × `height`. */
async function embedPicture(browser: Browser, width: number, height: number) {
  const session = await openApp(browser, { viewport: { width, height }, query: '?embed' });
  try {
    await waitForReady(session.page);
    const picture = await session.page.evaluate(async () => {
      const test = window as unknown as {
        __map: unknown;
        __pictures: () => Promise<typeof import('../src/map/save-picture.ts')>;
      };
      const pictures = await test.__pictures();
      const map = test.__map as Parameters<typeof pictures.pngOfView>[0];
      const blob: Blob = await pictures.pngOfView(
        map,
        {
          visible: ['transit-flows', 'alta-verapaz', 'militarised-policing'],
          date: '2012-01-15',
          permalink: '',
        },
        1,
      );
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return { base64: btoa(binary), mapHeight: document.getElementById('map')?.clientHeight ?? 0 };
    });
    if (session.errors.length) throw new Error(`og-image.png: ${session.errors.join('; ')}`);
    const png = Buffer.from(picture.base64, 'base64');
    // The PNG's IHDR holds its height.
    return { png, height: png.readUInt32BE(20), mapHeight: picture.mapHeight };
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
  await screenshot(browser, 'screenshot-tablet.png', TABLET);
  await screenshot(browser, 'screenshot-small-laptop.png', { viewport: { width: 1024, height: 600 } });
  await previewImage(browser);
} finally {
  await browser.close();
}
