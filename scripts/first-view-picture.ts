/**
 * The first view's picture as the page gets it (src/first-view/): the SVG of src/first-view/svg.ts
 * drawn by Chromium, as the page would draw it, into a WebP. Chromium drew the SVG itself in 0.6 s of
 * a slow phone's first second and a half, and a WebP in next to nothing (docs/PERFORMANCE.md); the
 * SVG stays the source, and geodata/first-view.json records which SVG the WebP was drawn from.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FIRST_VIEW, FIRST_VIEW_SIZE } from '../src/first-view/place.ts';
import { launchBrowser } from './browser.ts';
import { firstViewPictureSvg } from './default-picture.ts';
import { ROOT } from './io.ts';

export const FIRST_VIEW_SOURCE_PATH = `${ROOT}geodata/first-view.json`;

/** WebP's lossy quality: 25 kB for the wide picture, its lines still clean at a phone's scale. */
const QUALITY = 0.6;

/** Each picture: where it is committed and its pixels, whole, at its share of the drawn size. */
export const FIRST_VIEW_PICTURES = (['narrow', 'wide'] as const).map((kind) => {
  const scale = kind === 'narrow' ? FIRST_VIEW.narrowScale : 1;
  const file = FIRST_VIEW.files[kind];
  return {
    file: `public/${file}`,
    path: `${ROOT}public/${file}`,
    width: Math.round(FIRST_VIEW_SIZE.width * scale),
    height: Math.round(FIRST_VIEW_SIZE.height * scale),
  };
});

export interface FirstViewSource {
  about: string;
  /** The SHA-256 of the SVG the WebPs were drawn from. */
  svgSha256: string;
  /** The SHA-256 of each WebP written then, by its committed path. */
  webpSha256: Record<string, string>;
  quality: number;
  chromium: string;
}

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export const readFirstViewSource = (): FirstViewSource =>
  JSON.parse(readFileSync(FIRST_VIEW_SOURCE_PATH, 'utf8'));

/**
 * Draws the SVG the code makes now into each WebP, in Chromium; returns them, in FIRST_VIEW_PICTURES'
 * order, and where they came from.
 */
export async function drawFirstView(): Promise<{ webps: Buffer[]; source: FirstViewSource }> {
  const svg = firstViewPictureSvg();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const webps: Buffer[] = [];
    for (const { width, height } of FIRST_VIEW_PICTURES) {
      const dataUrl = await page.evaluate(
        async ({ svg, width, height, quality }) => {
          const image = new Image();
          image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          canvas.getContext('2d')?.drawImage(image, 0, 0, width, height);
          return canvas.toDataURL('image/webp', quality);
        },
        { svg, width, height, quality: QUALITY },
      );
      if (!dataUrl.startsWith('data:image/webp;base64,')) throw new Error('Chromium made no WebP');
      webps.push(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
    }
    return {
      webps,
      source: {
        about: `${FIRST_VIEW_PICTURES.map((p) => p.file).join(' and ')} were drawn from this SVG by npm run picture (scripts/first-view-picture.ts)`,
        svgSha256: sha256(svg),
        webpSha256: Object.fromEntries(
          FIRST_VIEW_PICTURES.map(({ file }, i) => [file, sha256(webps[i] as Buffer)]),
        ),
        quality: QUALITY,
        chromium: browser.version(),
      },
    };
  } finally {
    await browser.close();
  }
}

/** A WebP's width and height, from its RIFF header (lossy VP8, lossless VP8L or extended VP8X). */
export function webpSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WEBP')
    throw new Error('not a WebP');
  const chunk = bytes.toString('ascii', 12, 16);
  if (chunk === 'VP8 ')
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8X') return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  throw new Error(`unknown WebP chunk ${chunk}`);
}
