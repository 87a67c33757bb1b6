import { readFileSync } from 'node:fs';
import { parseXml, XmlElement, type XmlNode } from '@rgrove/parse-xml';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withMap } from '../../scripts/app-page.ts';
import { REPORT_LAYERS } from '../../src/layers/registry.ts';
import { areaColour, channels } from '../../src/theme.ts';
import { freshPagePerTest } from './helpers.ts';

const open = freshPagePerTest();

async function savePicture(page: Page, name: RegExp): Promise<{ filename: string; bytes: Buffer }> {
  await page.getByText('Save image · Embed').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return { filename: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** A PNG decoded by the browser: its size, and how many pixels of each colour lie in a box of it. */
function decode(
  page: Page,
  png: Buffer,
  box: { x: number; y: number; w: number; h: number },
  colours: number[][],
) {
  return page.evaluate(
    async ({ base64, box: b, colours: wanted }) => {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(b.x, b.y, b.w, b.h);
      const counts = wanted.map(([r = 0, g = 0, bl = 0]) => {
        let n = 0;
        for (let i = 0; i < data.length; i += 4)
          if (
            Math.abs((data[i] as number) - r) <= 3 &&
            Math.abs((data[i + 1] as number) - g) <= 3 &&
            Math.abs((data[i + 2] as number) - bl) <= 3
          )
            n++;
        return n;
      });
      return { width: image.width, height: image.height, counts };
    },
    { base64: png.toString('base64'), box, colours },
  );
}

describe('save image (PNG)', () => {
  it('is the whole view at twice its pixels, the title above it, the legend and credits below', async () => {
    const page = await open({
      hash: '#5.2/15.6/-89&layers=alta-verapaz,militarised-policing&date=2010-12-25',
    });
    const css = await withMap(page, (map) => ({
      width: map.getCanvas().clientWidth,
      height: map.getCanvas().clientHeight,
    }));
    const { filename, bytes } = await savePicture(page, /Save image of this view as PNG/);
    expect(filename).toBe('guatemala-transit-map-2010-12-25.png');
    const swatch = (id: string) => {
      const look = REPORT_LAYERS.find((l) => l.id === id)?.look;
      return channels(look?.kind === 'area' ? areaColour(look) : '#000000');
    };
    const header = [31, 41, 51];
    // The title band above the map: its height is where the page header's colour stops.
    const band = await page.evaluate(
      async ({ base64, colour }) => {
        const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
        const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        let y = 0;
        while (y < image.height) {
          const [r = 0, g = 0, b = 0] = context.getImageData(1, y, 1, 1).data;
          if (
            Math.abs(r - (colour[0] ?? 0)) > 3 ||
            Math.abs(g - (colour[1] ?? 0)) > 3 ||
            Math.abs(b - (colour[2] ?? 0)) > 3
          )
            break;
          y++;
        }
        return y;
      },
      { base64: bytes.toString('base64'), colour: header },
    );
    expect(band).toBeGreaterThan(2 * 30);
    // The picture is the whole view, twice its CSS pixels, with the bands above and below it.
    const whole = await decode(page, bytes, { x: 0, y: 0, w: 1, h: 1 }, []);
    const mapBottom = band + 2 * css.height;
    expect(whole.width).toBe(2 * css.width);
    expect(whole.height).toBeGreaterThan(mapBottom + 2 * 40);
    // Below the map: the legend, each area's swatch and no route line (hidden), on white.
    const footBox = { x: 0, y: mapBottom, w: 2 * css.width, h: whole.height - mapBottom };
    const legend = await decode(page, bytes, footBox, [
      swatch('alta-verapaz'),
      swatch('militarised-policing'),
      channels(REPORT_LAYERS[0]?.look.kind === 'flows' ? REPORT_LAYERS[0].look.route : '#000000'),
      [255, 255, 255],
    ]);
    const [altaVerapaz = 0, militarised = 0, route = 0, white = 0] = legend.counts;
    expect(altaVerapaz).toBeGreaterThan(200);
    expect(militarised).toBeGreaterThan(200);
    expect(route).toBeLessThan(20);
    expect(white).toBeGreaterThan(0.6 * footBox.w * footBox.h);
    // The map itself is not covered: no white band or header colour across its last rows or first.
    const edges = await decode(page, bytes, { x: 0, y: band, w: 2 * css.width, h: 4 }, [
      header,
      [255, 255, 255],
    ]);
    const lastRows = await decode(page, bytes, { x: 0, y: mapBottom - 4, w: 2 * css.width, h: 4 }, [
      [255, 255, 255],
    ]);
    expect(edges.counts[0]).toBe(0);
    expect(edges.counts[1]).toBeLessThan(0.05 * 2 * css.width * 4);
    expect(lastRows.counts[0]).toBeLessThan(0.05 * 2 * css.width * 4);
  });
});

describe('save vector image (SVG)', () => {
  it('is well-formed, a group per layer shown and none for a hidden one, with the credits as text', async () => {
    const page = await open({
      hash: '#5.2/15.6/-89&layers=alta-verapaz,militarised-policing&date=2010-12-25',
    });
    const { filename, bytes } = await savePicture(page, /Save image of this view as SVG/);
    expect(filename).toBe('guatemala-transit-map-2010-12-25.svg');
    const svg = parseXml(bytes.toString('utf8'));
    const groups: string[] = [];
    const texts: string[] = [];
    const walk = (node: XmlNode) => {
      if (node instanceof XmlElement) {
        if (node.name === 'g' && node.attributes.id) groups.push(node.attributes.id);
        if (node.name === 'text') texts.push(node.text);
        for (const child of node.children) walk(child);
      }
    };
    for (const child of svg.children) walk(child);
    expect(groups).toEqual(
      expect.arrayContaining(['alta-verapaz', 'militarised-policing', 'legend', 'credits']),
    );
    expect(groups).not.toContain('transit-flows');
    const words = texts.join(' ');
    expect(words).toContain('BBC News');
    expect(words).toContain('Natural Earth');
    expect(words).toContain('As of 25 December 2010');
    // The same view as the screen, whole: its width, and its height with the frame's bands.
    const [width, height] = await withMap(page, (map) => [
      map.getCanvas().clientWidth,
      map.getCanvas().clientHeight,
    ]);
    const root = svg.children.find((n): n is XmlElement => n instanceof XmlElement);
    expect(Number(root?.attributes.width)).toBe(width);
    expect(Number(root?.attributes.height)).toBeGreaterThan((height ?? 0) + 80);
  });
});
