/**
 * The page's text is in the reader's system font (`system-ui, sans-serif`), so what fits depends on which
 * font that is. The browsers the tests drive are told which one to use through a fontconfig file of their
 * own, so a test checks what a reader with that font sees instead of passing or failing with the machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * DejaVu Sans (Debian's and many Linux desktops' default) is wide; Noto Sans (Android's family, with
 * Roboto) is narrower but taller. Layout tests run in both; every other test in the first.
 */
export const TEST_FONTS = ['DejaVu Sans', 'Noto Sans'] as const;
export type TestFont = (typeof TEST_FONTS)[number];
export const DEFAULT_TEST_FONT: TestFont = 'DejaVu Sans';

/** The Debian package that installs each test font (`npm run setup:test` installs them). */
export const FONT_PACKAGES: Record<TestFont, string> = {
  'DejaVu Sans': 'fonts-dejavu-core',
  'Noto Sans': 'fonts-noto-core',
};

/** The generic families a page can ask for that fontconfig resolves to the system's sans-serif. */
const GENERIC_FAMILIES = ['sans-serif', 'system-ui', 'sans'];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A fontconfig file: the system's configuration, then `font` first for every sans-serif family. */
export function fontconfigXml(font: string): string {
  const prefer = GENERIC_FAMILIES.map(
    (family) =>
      `  <match target="pattern">\n` +
      `    <test qual="any" name="family"><string>${family}</string></test>\n` +
      `    <edit name="family" mode="prepend" binding="strong"><string>${escapeXml(font)}</string></edit>\n` +
      `  </match>`,
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...prefer,
    '</fontconfig>',
    '',
  ].join('\n');
}

/**
 * The environment for a browser whose system font is `font`: FONTCONFIG_FILE points at a file written
 * once per font and process. fontconfig is Linux's (and the BSDs'); macOS and Windows browsers ignore it.
 */
export function fontEnvironment(font: TestFont, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const dir = join(tmpdir(), `guatemala-map-fonts-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${font.replace(/\W+/g, '-')}.conf`);
  writeFileSync(file, fontconfigXml(font));
  return { ...base, FONTCONFIG_FILE: file };
}

/**
 * Run in a page: whether its own font (`system-ui, sans-serif`, as page.css asks) is `font`, i.e. a
 * line of text measures the same in both (and not as in the monospace fallback of a missing font). A
 * layout test checks it, so it cannot pass in a font it did not mean. No named inner functions and no
 * imports: it is serialised into the page, where tsx's keepNames helper does not exist.
 */
export function systemFontIs(font: string): boolean {
  const probe = 'Mexico City · Guatemala · Ciudad de Guatemala · 15 January 2012 · WWWiii';
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return false;
  const widths = ['system-ui, sans-serif', `"${font}", monospace`].map((family) => {
    context.font = `16px ${family}`;
    return context.measureText(probe).width;
  });
  return widths[0] === widths[1];
}
