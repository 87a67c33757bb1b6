import { unzlibSync } from 'fflate';
import type { Page } from 'playwright-core';

/**
 * The colour the reader sees at one point of the page, as [red, green, blue]: a 1×1 screenshot, so
 * the page's compositing (canvas over its container) is included. For a one-pixel PNG every filter
 * predicts zero, so the inflated scanline is the filter byte and then the pixel itself.
 */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  const idat: Uint8Array[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const [, red, green, blue] = unzlibSync(Buffer.concat(idat));
  if (blue === undefined) throw new Error('The screenshot has no pixel data');
  return [red as number, green as number, blue];
}
