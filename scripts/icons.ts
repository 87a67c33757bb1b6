/**
 * The app's install icons (the web app manifest's, vite.config.ts): PNGs drawn from
 * public/favicon.svg by `npm run icons`. Each carries the sha256 of the SVG it was drawn from in a
 * tEXt chunk, so tests/unit/icons.test.ts can tell a stale icon without redrawing it.
 */
import { crc32 } from 'node:zlib';
import { ROOT, sha256 } from './io.ts';

export const ICON_SOURCE = 'public/favicon.svg';
export const ICON_SIZES = [192, 512] as const;
export const iconFile = (size: number) => `icon-${size}.png`;
export const iconPath = (size: number) => `${ROOT}public/${iconFile(size)}`;
export const SOURCE_KEYWORD = 'Source-SHA256';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngChunk {
  type: string;
  data: Buffer;
}

/** The chunks of a PNG file, in order; throws on anything that is not one. */
export function pngChunks(png: Uint8Array): PngChunk[] {
  const bytes = Buffer.from(png);
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('Not a PNG file');
  const chunks: PngChunk[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    chunks.push({
      type: bytes.toString('latin1', at + 4, at + 8),
      data: bytes.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  return chunks;
}

/** Width and height from the IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const header = pngChunks(png)[0];
  if (header?.type !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: header.data.readUInt32BE(0), height: header.data.readUInt32BE(4) };
}

/** The sha256 of the SVG an icon was drawn from, as `npm run icons` stamped it, or undefined. */
export function iconSource(png: Uint8Array): string | undefined {
  const prefix = `${SOURCE_KEYWORD}\0`;
  const text = pngChunks(png).find((c) => c.type === 'tEXt' && c.data.toString('latin1').startsWith(prefix));
  return text?.data.toString('latin1').slice(prefix.length);
}

/** `png` with a tEXt chunk stamping `svg`'s sha256, right after IHDR. */
export function stampSource(png: Uint8Array, svg: Uint8Array): Buffer {
  const body = Buffer.from(`tEXt${SOURCE_KEYWORD}\0${sha256(svg)}`, 'latin1');
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  const bytes = Buffer.from(png);
  const afterHeader = 8 + 12 + bytes.readUInt32BE(8);
  return Buffer.concat([bytes.subarray(0, afterHeader), chunk, bytes.subarray(afterHeader)]);
}
