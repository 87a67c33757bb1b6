/**
 * Every program and font the test suites need, in one list: `npm run setup:test` installs them,
 * `npm test` checks for them before it starts, and both name the same packages.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findBrowser } from './browser.ts';
import { findEngineProgram } from './engines/find.ts';
import { FONT_PACKAGES, TEST_FONTS } from './fonts.ts';

/** Which command needs it: `npm test` (every suite but QGIS's) or `npm run test:qgis` alone. */
export type Suite = 'test' | 'qgis';

export interface Need {
  /** What it is, as the reader knows it. */
  what: string;
  /** What it is for, in a few words. */
  for: string;
  suite: Suite;
  /** Debian's packages for it (Ubuntu's too, unless `ubuntu` says otherwise). */
  debian: readonly string[];
  ubuntu?: readonly string[];
  /** How to get it on macOS or another Linux, in one sentence. */
  elsewhere: string;
  /** Where it was found ("/usr/bin/chromium"), or '' when it is missing. */
  find(): string;
}

const found = (find: () => string) => () => {
  try {
    return find();
  } catch {
    return '';
  }
};

/** A font as fontconfig knows it, by its exact family name. */
function fontFile(family: string): string {
  const result = spawnSync('fc-list', [`:family=${family}`, 'file'], { encoding: 'utf8' });
  return result.status === 0 ? (result.stdout.split('\n')[0]?.replace(/:\s*$/, '') ?? '') : '';
}

/** Debian's Python with PyQGIS; another python3 earlier on PATH lacks it. */
export const QGIS_PYTHON = '/usr/bin/python3';

function pyQgis(): string {
  const result = spawnSync(QGIS_PYTHON, ['-c', 'import qgis.core; print(qgis.core.Qgis.QGIS_VERSION)'], {
    encoding: 'utf8',
    env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' },
  });
  return result.status === 0 ? `QGIS ${result.stdout.trim()} (${QGIS_PYTHON})` : '';
}

const ENGINES = 'the Firefox and WebKit tests (tests/engines/)';

export const NEEDS: readonly Need[] = [
  {
    what: 'Chromium',
    for: 'the browser tests (tests/e2e/)',
    suite: 'test',
    debian: ['chromium'],
    ubuntu: ['chromium-browser'],
    elsewhere: 'install Chrome or Chromium, or run `npx playwright install chromium`, or set CHROMIUM_PATH',
    find: found(() => findBrowser()),
  },
  {
    what: 'Firefox',
    for: ENGINES,
    suite: 'test',
    debian: ['firefox-esr'],
    ubuntu: ['firefox'],
    elsewhere: 'install Firefox, or set FIREFOX_PATH',
    find: found(() => findEngineProgram('firefox')),
  },
  {
    what: "WebKitGTK's WebDriver and MiniBrowser",
    for: ENGINES,
    suite: 'test',
    debian: ['webkit2gtk-driver'],
    elsewhere: 'WebKitGTK is Linux only: set WEBKIT_DRIVER_PATH and MINIBROWSER_PATH to a WebKitGTK build',
    find: found(() => `${findEngineProgram('webkitDriver')}, ${findEngineProgram('miniBrowser')}`),
  },
  {
    what: 'Xvfb',
    for: `the virtual display of ${ENGINES}`,
    suite: 'test',
    debian: ['xvfb'],
    elsewhere: 'install an X virtual framebuffer (XQuartz on macOS), or set XVFB_PATH',
    find: found(() => findEngineProgram('xvfb')),
  },
  ...TEST_FONTS.map(
    (font): Need => ({
      what: `the font ${font}`,
      for: 'the layout tests, which check the page in two fonts',
      suite: 'test',
      debian: [FONT_PACKAGES[font]],
      elsewhere: `install ${font} where fontconfig finds it (the layout tests choose their font through fontconfig, as Linux browsers do)`,
      find: () => fontFile(font),
    }),
  ),
  {
    what: 'QGIS with its Python bindings',
    for: 'npm run test:qgis, which opens the exports in real QGIS',
    suite: 'qgis',
    debian: ['qgis', 'python3-qgis', 'qgis-providers'],
    elsewhere: `install QGIS 3.22 or later with PyQGIS for ${QGIS_PYTHON}`,
    find: pyQgis,
  },
];

export type System = 'debian' | 'ubuntu' | 'other';

/** Debian, Ubuntu (or a system that says it is like one of them), or anything else. */
export function systemOf(osRelease: string): System {
  const field = (name: string) =>
    new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm').exec(osRelease)?.[1]?.toLowerCase().split(/\s+/) ?? [];
  const ids = [...field('ID'), ...field('ID_LIKE')];
  if (ids.includes('ubuntu')) return 'ubuntu';
  if (ids.includes('debian')) return 'debian';
  return 'other';
}

export function thisSystem(): System {
  try {
    return process.platform === 'linux' ? systemOf(readFileSync('/etc/os-release', 'utf8')) : 'other';
  } catch {
    return 'other';
  }
}

export const packagesFor = (need: Need, system: System): readonly string[] =>
  system === 'ubuntu' ? (need.ubuntu ?? need.debian) : need.debian;

export const SETUP_COMMAND = 'npm run setup:test';

/** What `npm test` prints, all at once, when it cannot start: every missing program and the fix. */
export function missingReport(missing: readonly Need[], system: System): string {
  const lines = missing.map((need) =>
    system === 'other'
      ? `  - ${need.what}, for ${need.for}: ${need.elsewhere}`
      : `  - ${need.what}, for ${need.for} (${packagesFor(need, system).join(' ')})`,
  );
  const fix =
    system === 'other'
      ? `${SETUP_COMMAND} prints what to install on this system.`
      : `Install them all with: ${SETUP_COMMAND}`;
  return [`Missing what the tests need:`, ...lines, fix].join('\n');
}
