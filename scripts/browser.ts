import { existsSync } from 'node:fs';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';
import { findExecutable } from './find-executable.ts';

/** Where a Chromium usually lives when installed by a package manager, on Linux and macOS. */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const INSTALL_HINT =
  'Install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** playwright-core's own download, if one was installed; '' when it has none registered. */
function playwrightChromium(): string {
  try {
    return chromium.executablePath();
  } catch {
    return '';
  }
}

/**
 * The browser the tests, the benchmark and the scripts drive: $CHROMIUM_PATH, else a system Chromium
 * or Chrome, else Playwright's own download. Never silently nothing: without one, say how to get one.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, exists = existsSync): string {
  return findExecutable(
    {
      what: 'Chromium for the browser tests and scripts',
      envVar: 'CHROMIUM_PATH',
      candidates: SYSTEM_BROWSERS,
      hint: INSTALL_HINT,
      fallback: playwrightChromium,
    },
    env,
    exists,
  );
}

/** SwiftShader gives WebGL without a GPU; the rest keeps a headless run from reaching the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: findBrowser(),
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
