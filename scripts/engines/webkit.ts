import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder, By, Key, type WebDriver } from 'selenium-webdriver';
import {
  DESKTOP,
  type Engine,
  type EngineOptions,
  type EnginePage,
  engineEnvironment,
  type Viewport,
} from './engine.ts';
import { findEngineProgram } from './find.ts';

const KEYS = { Escape: Key.ESCAPE, Enter: Key.ENTER, Tab: Key.TAB } as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** WebKitWebDriver listens a moment after it starts; its /status says when. */
async function driverReady(url: string, driver: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${driver.exitCode}`);
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer at ${url} within 10 s`);
}

/**
 * WebKitGTK (the engine of Safari, on Linux), driven by selenium-webdriver through the
 * WebKitWebDriver we start, in MiniBrowser's window. WebKitWebDriver drives that one window and has
 * no WebDriver BiDi, so it reports no console messages and catches no downloads: the page's probe
 * (scripts/engines/probe.js) records both.
 */
export async function launchWebKit(options: EngineOptions = {}): Promise<Engine> {
  const { webgl = true } = options;
  const miniBrowser = findEngineProgram('miniBrowser');
  const port = await freePort();
  const server = spawn(findEngineProgram('webkitDriver'), [`--port=${port}`], {
    env: engineEnvironment(options),
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  let driver: WebDriver;
  try {
    await driverReady(url, server);
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': {
          binary: miniBrowser,
          args: ['--automation', ...(webgl ? [] : ['--enable-webgl=false'])],
        },
      })
      .build();
  } catch (error) {
    server.kill();
    throw error;
  }
  await driver.manage().setTimeouts({ script: 60_000 });
  // The window's size includes MiniBrowser's own frame: measure it once, then size the window so
  // the page gets the viewport asked for.
  await driver.manage().window().setRect(DESKTOP);
  const [innerWidth, innerHeight] = (await driver.executeScript(
    'return [innerWidth, innerHeight]',
  )) as number[];
  const frame = {
    width: DESKTOP.width - (innerWidth ?? DESKTOP.width),
    height: DESKTOP.height - (innerHeight ?? DESKTOP.height),
  };
  const resize = (viewport: Viewport) =>
    driver
      .manage()
      .window()
      .setRect({ width: viewport.width + frame.width, height: viewport.height + frame.height });
  let size = DESKTOP;
  await resize(size);
  const capabilities = await driver.getCapabilities();

  const run = async (script: string, arg: unknown): Promise<never> => {
    const outcome = (await driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
         Promise.resolve(arguments[0]).then(${script}).then(
           (value) => done({ value }),
           (error) => done({ error: String((error && error.stack) || error) }));`,
      arg,
    )) as { value?: unknown; error?: string };
    if (outcome.error !== undefined) throw new Error(`In the page: ${outcome.error}`);
    return outcome.value as never;
  };
  const page: EnginePage = {
    driverErrors: [],
    evaluate: (script, arg) => run(script.toString(), arg),
    async evaluateInFrame(script) {
      await driver.switchTo().frame(0);
      try {
        return await run(script.toString(), null);
      } finally {
        await driver.switchTo().defaultContent();
      }
    },
    click: async (selector) => driver.findElement(By.css(selector)).click(),
    // Whole pixels, from the viewport's corner (the actions' default origin).
    clickAt: (x, y) =>
      driver
        .actions()
        .move({ x: Math.round(x), y: Math.round(y) })
        .click()
        .perform(),
    press: (key) => driver.actions().sendKeys(KEYS[key]).perform(),
    screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
    // The one window stays; a blank page drops the last page's state before the next opens.
    close: () => driver.get('about:blank'),
  };
  return {
    name: 'webkit',
    version: `WebKitGTK ${capabilities.get('browserVersion')}`,
    async open(pageUrl, viewport = DESKTOP) {
      await driver.get('about:blank');
      if (viewport.width !== size.width || viewport.height !== size.height) {
        size = viewport;
        await resize(size);
      }
      await driver.get(pageUrl);
      return page;
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        server.kill();
      }
    },
  };
}
