import { existsSync } from 'node:fs';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type LaunchOptions,
  type Page,
} from 'playwright-core';
import { findExecutable } from './find-executable.ts';
import { DEFAULT_TEST_FONT, fontEnvironment, systemFontIs, type TestFont } from './fonts.ts';

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
  'Install one (Debian/Ubuntu: `npm run setup:test`; elsewhere: `npx playwright install chromium`) ' +
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

/** SwiftShader's WebGL where the machine has no GPU; the rest keeps a headless run from reaching the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * How the browser draws. `swiftshader`: SwiftShader stands in for a GPU, so compositing, the page's
 * raster and WebGL all go through it, the same on every machine. `browser`: the browser chooses, as a
 * reader's does; on a machine without a GPU that is software compositing and raster with WebGL in
 * SwiftShader (chrome://gpu; docs/PERFORMANCE.md).
 */
export type Graphics = 'swiftshader' | 'browser';

const GRAPHICS_ARGS: Record<Graphics, string[]> = {
  swiftshader: ['--use-angle=swiftshader'],
  browser: [],
};

export interface BrowserOptions extends LaunchOptions {
  /** The system font the browser's pages get for `system-ui` and `sans-serif` (see fonts.ts). */
  font?: TestFont;
  /** `swiftshader` unless said (Graphics). */
  graphics?: Graphics;
}

/** What every launch gets: the browser found, headless, the font's environment, the arguments above. */
function launchOptions<O extends LaunchOptions>({
  font = DEFAULT_TEST_FONT,
  graphics = 'swiftshader',
  ...options
}: O & { font?: TestFont; graphics?: Graphics }) {
  const env = Object.fromEntries(
    Object.entries(fontEnvironment(font, options.env ?? process.env)).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return {
    executablePath: findBrowser(),
    headless: true,
    ...options,
    env,
    args: [...CHROMIUM_ARGS, ...GRAPHICS_ARGS[graphics], ...(options.args ?? [])],
  };
}

export function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  return chromium.launch(launchOptions(options));
}

/**
 * The browser with a profile kept in `dir`: closed and launched again on the same directory, it is
 * a reader's browser coming back, with its caches and service workers.
 */
export function launchWithProfile(
  dir: string,
  options: BrowserOptions & BrowserContextOptions = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, launchOptions(options));
}

/** Whether the page's own font is `font` (fonts.ts's systemFontIs, run in the page). */
export const pageFontIs = (page: Page, font: string): Promise<boolean> => page.evaluate(systemFontIs, font);
