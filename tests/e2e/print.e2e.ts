import { describe, expect, it } from 'vitest';
import { freshPagePerTest } from './helpers.ts';

const open = freshPagePerTest();

describe('printing', () => {
  it('gives one landscape page: the map as an image, its legend, date and credits, and no controls', async () => {
    const page = await open({ hash: '#5/15.5/-89&date=2010-12-25' });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const shown = (el: Element) =>
        (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed';
      const image = document.querySelector('img.map-print') as HTMLImageElement | null;
      return {
        buttons: [...document.querySelectorAll('button, input, select, textarea, summary')].filter(shown)
          .length,
        panel: shown(document.getElementById('panel') as Element),
        image: image ? { shown: shown(image), width: image.naturalWidth, height: image.naturalHeight } : null,
        canvas: shown(document.querySelector('.maplibregl-canvas') as Element),
        legend: shown(document.querySelector('.legend__list') as Element),
        date: `${getComputedStyle(document.querySelector('.timeline__date') as Element, '::before').content} ${document.querySelector('.timeline__date')?.textContent}`,
        credits: document.querySelector('.maplibregl-ctrl-attrib')?.textContent ?? '',
      };
    });
    expect(printed).toMatchObject({ buttons: 0, panel: false, canvas: false, legend: true });
    expect(printed.image?.shown).toBe(true);
    expect(printed.image?.width).toBeGreaterThan(500);
    expect(printed.date).toBe('"As of " 25 December 2010');
    expect(printed.credits).toContain('BBC News, 15 January 2012');
    expect(printed.credits).toContain('Natural Earth');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    // Landscape: the page's MediaBox is wider than it is tall.
    const [, w = '0', h = '0'] =
      /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1')) ?? [];
    expect(Number(w)).toBeGreaterThan(Number(h));
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await expect(page.locator('img.map-print').count()).resolves.toBe(0);
  });
});
