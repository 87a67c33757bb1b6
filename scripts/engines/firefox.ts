import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { DESKTOP, type Engine, type EngineOptions, type EnginePage, engineEnvironment } from './engine.ts';
import { findEngineProgram } from './find.ts';

/**
 * Firefox, driven by puppeteer-core over WebDriver BiDi (no geckodriver), in a window: headless
 * Firefox has no WebGL 2 on a machine without a GPU, a window on Xvfb gets Mesa's llvmpipe.
 * Downloads go to a folder of the engine's own through Firefox's preferences, with no dialog.
 */
export async function launchFirefox(options: EngineOptions = {}): Promise<Engine> {
  const { webgl = true } = options;
  const downloadDir = mkdtempSync(join(tmpdir(), 'firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findEngineProgram('firefox'),
    headless: false,
    defaultViewport: DESKTOP,
    env: engineEnvironment(options),
    extraPrefsFirefox: {
      'webgl.disabled': !webgl,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  const version = await browser.version();
  return {
    name: 'firefox',
    version,
    downloadDir,
    async open(url, viewport = DESKTOP) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      const driverErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') driverErrors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => driverErrors.push(`page: ${String(error)}`));
      await page.goto(url);
      const enginePage: EnginePage = {
        driverErrors,
        evaluate: (script, arg) => page.evaluate(script, arg as never) as never,
        evaluateInFrame: async (script) => {
          const frame = page.mainFrame().childFrames()[0];
          if (!frame) throw new Error('The page has no frame');
          return (await frame.evaluate(script)) as never;
        },
        click: (selector) => page.click(selector),
        clickAt: (x, y) => page.mouse.click(x, y),
        press: (key) => page.keyboard.press(key),
        screenshot: async () => Buffer.from(await page.screenshot()),
        close: () => page.close(),
      };
      return enginePage;
    },
    async close() {
      await browser.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}
