/**
 * The browser every bench measure runs in, drawing as METHOD.graphics says unless `--graphics` says
 * otherwise (scripts/browser.ts's Graphics).
 */
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { type BrowserOptions, type Graphics, launchBrowser, launchWithProfile } from '../scripts/browser.ts';
import { METHOD } from './method.ts';

let graphics: Graphics = METHOD.graphics;

export function useGraphics(chosen: Graphics): void {
  graphics = chosen;
}

export const benchGraphics = (): Graphics => graphics;

/** The mode `--graphics browser|swiftshader` asks for in `argv`; METHOD.graphics without it. */
export function graphicsFromArgs(argv: string[]): Graphics {
  const at = argv.indexOf('--graphics');
  if (at === -1) return METHOD.graphics;
  const chosen = argv[at + 1];
  if (chosen !== 'browser' && chosen !== 'swiftshader')
    throw new Error('--graphics takes browser (the default) or swiftshader');
  return chosen;
}

export const launchBenchBrowser = (options: BrowserOptions = {}): Promise<Browser> =>
  launchBrowser({ graphics, ...options });

export const launchBenchProfile = (dir: string, options: BrowserOptions & BrowserContextOptions = {}) =>
  launchWithProfile(dir, { graphics, ...options });

/** What chrome://gpu says the browser composites, rasterises and draws WebGL with, for the report. */
export interface GraphicsStatus {
  compositing: string;
  rasterization: string;
  webgl: string;
  renderer: string;
}

/** GraphicsStatus from chrome://gpu's text; each part 'unknown' where the page words it otherwise. */
export function parseGraphicsStatus(text: string): GraphicsStatus {
  const part = (pattern: RegExp) => text.match(pattern)?.[1]?.trim() || 'unknown';
  return {
    compositing: part(/(?:^|[\n*])\s*Compositing:\s*([^\n*]+)/),
    rasterization: part(/(?:^|[\n*])\s*Rasterization:\s*([^\n*]+)/),
    webgl: part(/(?:^|[\n*])\s*WebGL:\s*([^\n*]+)/),
    renderer: part(/GL_RENDERER[\s:|]*([^\n]+)/),
  };
}

/** Reads GraphicsStatus from the browser's chrome://gpu page: its feature list and GL_RENDERER row. */
export async function graphicsStatus(browser: Browser): Promise<GraphicsStatus> {
  const page = await browser.newPage();
  try {
    await page.goto('chrome://gpu');
    const text = await page
      .waitForFunction(
        () => {
          const root = document.querySelector('info-view')?.shadowRoot;
          const items = [...(root?.querySelectorAll('li, tr') ?? [])].map((e) => e.textContent ?? '');
          return items.some((t) => t.includes('GL_RENDERER')) ? items.join('\n') : false;
        },
        undefined,
        { timeout: 10_000 },
      )
      .then((handle) => handle.jsonValue() as Promise<string>)
      .catch(() => '');
    return parseGraphicsStatus(text);
  } finally {
    await page.close();
  }
}
