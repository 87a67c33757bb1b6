/**
 * npm run picture
 * Writes public/default-view.svg, the map's default view as an SVG (src/picture/svg.ts), which the
 * page shows where a browser has no WebGL, and public/first-view*.webp, the pictures a first visit shows
 * while the map loads (scripts/first-view-picture.ts). The unit tests fail when either is not made
 * from the code and data as they are.
 */
import { writeFileSync } from 'node:fs';
import { DEFAULT_PICTURE, DEFAULT_PICTURE_PATH, defaultPictureSvg } from './default-picture.ts';
import { drawFirstView, FIRST_VIEW_PICTURES, FIRST_VIEW_SOURCE_PATH } from './first-view-picture.ts';

const svg = defaultPictureSvg();
writeFileSync(DEFAULT_PICTURE_PATH, svg);
console.log(`Wrote ${DEFAULT_PICTURE} (${(Buffer.byteLength(svg) / 1024).toFixed(1)} kB)`);
const { webps, source } = await drawFirstView();
for (const [i, { file, path }] of FIRST_VIEW_PICTURES.entries()) {
  const webp = webps[i] as Buffer;
  writeFileSync(path, webp);
  console.log(`Wrote ${file} (${(webp.length / 1024).toFixed(1)} kB), drawn by Chromium ${source.chromium}`);
}
writeFileSync(FIRST_VIEW_SOURCE_PATH, `${JSON.stringify(source, null, 2)}\n`);
