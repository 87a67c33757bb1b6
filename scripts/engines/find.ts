import { findExecutable } from '../find-executable.ts';

export const ENGINES_HINT =
  'The Firefox and WebKit tests need firefox-esr, webkit2gtk-driver and xvfb (Debian/Ubuntu: `npm run setup:test`), ' +
  'or FIREFOX_PATH, WEBKIT_DRIVER_PATH, MINIBROWSER_PATH and XVFB_PATH set to those programs.';

/** Debian and Ubuntu put WebKitGTK's MiniBrowser in a library folder per architecture and API version. */
const MINIBROWSERS = ['x86_64-linux-gnu', 'aarch64-linux-gnu'].flatMap((arch) =>
  ['webkit2gtk-4.1', 'webkitgtk-6.0', 'webkit2gtk-4.0'].map((api) => `/usr/lib/${arch}/${api}/MiniBrowser`),
);

const SPECS = {
  firefox: {
    what: 'Firefox',
    envVar: 'FIREFOX_PATH',
    candidates: [
      '/usr/bin/firefox-esr',
      '/usr/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
    ],
  },
  webkitDriver: {
    what: "WebKit's WebDriver (WebKitWebDriver)",
    envVar: 'WEBKIT_DRIVER_PATH',
    candidates: ['/usr/bin/WebKitWebDriver'],
  },
  miniBrowser: {
    what: "WebKitGTK's MiniBrowser",
    envVar: 'MINIBROWSER_PATH',
    // Fedora keeps it in libexec.
    candidates: [...MINIBROWSERS, '/usr/libexec/webkit2gtk-4.1/MiniBrowser'],
  },
  xvfb: {
    what: 'Xvfb, the virtual display the engines draw in',
    envVar: 'XVFB_PATH',
    candidates: ['/usr/bin/Xvfb'],
  },
} as const;

export type EngineProgram = keyof typeof SPECS;

/** One of the programs the Firefox and WebKit tests drive, found as the Chromium one is. */
export function findEngineProgram(
  program: EngineProgram,
  env: NodeJS.ProcessEnv = process.env,
  exists?: (path: string) => boolean,
): string {
  return findExecutable({ ...SPECS[program], hint: ENGINES_HINT }, env, exists);
}
