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
  it('is twice the map in pixels, framed with the legend of the layers shown and the credits', async () => {
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
    // The bottom-left quarter holds the legend: each area's swatch, and no route line (hidden).
    const legendBox = { x: 0, y: css.height, w: css.width, h: css.height };
    const legend = await decode(page, bytes, legendBox, [
      swatch('alta-verapaz'),
      swatch('militarised-policing'),
      channels(REPORT_LAYERS[0]?.look.kind === 'flows' ? REPORT_LAYERS[0].look.route : '#000000'),
    ]);
    expect({ width: legend.width, height: legend.height }).toEqual({
      width: 2 * css.width,
      height: 2 * css.height,
    });
    const [altaVerapaz = 0, militarised = 0, route = 0] = legend.counts;
    expect(altaVerapaz).toBeGreaterThan(200);
    expect(militarised).toBeGreaterThan(200);
    expect(route).toBeLessThan(20);
    // The title band across the top, in the page header's colour.
    const top = await decode(page, bytes, { x: 0, y: 0, w: 2 * css.width, h: 40 }, [[31, 41, 51]]);
    expect(top.counts[0]).toBeGreaterThan(0.8 * 2 * css.width * 40);
    // The credits band along the bottom: near white behind the credits, the note and the link.
    const foot = await decode(page, bytes, { x: 0, y: 2 * css.height - 12, w: 2 * css.width, h: 12 }, [
      [253, 253, 253],
    ]);
    expect(foot.counts[0]).toBeGreaterThan(0.6 * 2 * css.width * 12);
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
    // The same view as the screen: its size.
    const css = await withMap(page, (map) => [map.getCanvas().clientWidth, map.getCanvas().clientHeight]);
    const root = svg.children.find((n): n is XmlElement => n instanceof XmlElement);
    expect([Number(root?.attributes.width), Number(root?.attributes.height)]).toEqual(css);
  });
});
