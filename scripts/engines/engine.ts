import { DEFAULT_TEST_FONT, fontEnvironment, type TestFont } from '../fonts.ts';

/** The engines other than Chromium, each driven by the driver it ships with (../../README.md). */
export type EngineName = 'firefox' | 'webkit';

export interface Viewport {
  width: number;
  height: number;
}

/** The viewport a page opens at unless a test asks for another (a phone, a tablet). */
export const DESKTOP: Viewport = { width: 1280, height: 800 };

export interface EngineOptions {
  /** The X display to open windows on (scripts/engines/xvfb.ts); unset where there is no X. */
  display?: string;
  /** False starts the engine with WebGL turned off in its own settings, as a reader may have it. */
  webgl?: boolean;
  /** The system font its pages get (scripts/fonts.ts), so a run does not depend on the machine's. */
  font?: TestFont;
}

/** The engine's environment: the display to open windows on, and the system font. */
export const engineEnvironment = ({ display, font = DEFAULT_TEST_FONT }: EngineOptions): NodeJS.ProcessEnv =>
  fontEnvironment(font, display ? { ...process.env, DISPLAY: display } : process.env);

export interface Engine {
  readonly name: EngineName;
  /** The engine's own version, e.g. "firefox/153.8.0" or "WebKitGTK 2.50.6". */
  readonly version: string;
  /**
   * Where the engine saves the page's downloads by itself, or undefined when its driver cannot catch
   * a download; the page's probe (scripts/engines/probe.js) then holds the Blob the page handed over.
   */
  readonly downloadDir?: string;
  /**
   * A page of its own at `url` (WebKitWebDriver drives one window: there, the window itself), its
   * viewport `viewport` CSS pixels (1280×800 unless asked).
   */
  open(url: string, viewport?: Viewport): Promise<EnginePage>;
  close(): Promise<void>;
}

export interface EnginePage {
  /** Runs `script` in the page; `arg` and the result must be plain data. */
  evaluate<R, A = undefined>(script: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Runs `script` in the page's first <iframe>, whatever its origin (a story embedding the map). */
  evaluateInFrame<R>(script: () => R | Promise<R>): Promise<R>;
  /** A real click by the driver, in the middle of the first element that matches `selector`. */
  click(selector: string): Promise<void>;
  /** A real click by the driver at a point of the viewport, in CSS pixels (a feature on the map). */
  clickAt(x: number, y: number): Promise<void>;
  /** A key press by the driver, to the focused element. */
  press(key: 'Escape' | 'Enter' | 'Tab'): Promise<void>;
  /** Errors the driver itself saw in the page (beyond the probe's): console errors, uncaught errors. */
  readonly driverErrors: readonly string[];
  /** The page as the reader sees it, as PNG. */
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

/** Resolves once `predicate` is true in the page, checked every 100 ms; fails saying `what` after `timeout`. */
export async function waitFor<A>(
  page: EnginePage,
  what: string,
  predicate: (arg: A) => boolean | Promise<boolean>,
  arg?: A,
  timeout = 30_000,
): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await page.evaluate(predicate, arg))) {
    if (Date.now() > until) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
