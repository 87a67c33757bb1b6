/**
 * npm run picture
 * Writes public/default-view.svg, the map's default view as an SVG (src/picture/svg.ts), which the
 * page shows where a browser has no WebGL. tests/unit/svg.test.ts fails when the committed file is
 * not what this would write.
 */
import { writeFileSync } from 'node:fs';
import { DEFAULT_PICTURE, DEFAULT_PICTURE_PATH, defaultPictureSvg } from './default-picture.ts';

const svg = defaultPictureSvg();
writeFileSync(DEFAULT_PICTURE_PATH, svg);
console.log(`Wrote ${DEFAULT_PICTURE} (${(Buffer.byteLength(svg) / 1024).toFixed(1)} kB)`);
