/**
 * npm run icons
 * Draws public/icon-192.png and public/icon-512.png, the install icons, from public/favicon.svg with
 * librsvg's rsvg-convert (Debian: `sudo apt-get install librsvg2-bin`), and stamps each with the
 * SVG's sha256 (scripts/icons.ts). tests/unit/icons.test.ts fails when they no longer match the SVG.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { findExecutable } from './find-executable.ts';
import { ICON_SIZES, ICON_SOURCE, iconPath, stampSource } from './icons.ts';
import { ROOT } from './io.ts';

const rsvg = findExecutable({
  what: 'rsvg-convert to draw the install icons',
  envVar: 'RSVG_CONVERT_PATH',
  candidates: ['/usr/bin/rsvg-convert', '/usr/local/bin/rsvg-convert', '/opt/homebrew/bin/rsvg-convert'],
  hint: 'Install librsvg (Debian/Ubuntu: `sudo apt-get install librsvg2-bin`; macOS: `brew install librsvg`).',
});
const svg = readFileSync(`${ROOT}${ICON_SOURCE}`);
for (const size of ICON_SIZES) {
  const png = execFileSync(rsvg, ['--width', String(size), '--height', String(size), '--format', 'png'], {
    input: svg,
  });
  writeFileSync(iconPath(size), stampSource(png, svg));
  console.log(`Wrote public/icon-${size}.png (${size}×${size})`);
}
