import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitForReady } from '../../scripts/app-page.ts';
import { hostPage } from '../host-page.ts';
import { launchTestBrowser } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchTestBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('embed', () => {
  it("gives a snippet that, in a 600×400 frame on a story's origin, shows the map alone and ready", async () => {
    const session = await openApp(browser, { hash: '#5/15.5/-89&date=2010-12-25' });
    await waitForReady(session.page);
    await session.page.getByText('Save image · Embed').click();
    await session.page.getByText('Embed this view').click();
    const field = session.page.getByRole('textbox', { name: 'Embed code for this view' });
    await expect.poll(() => field.inputValue()).not.toBe('');
    const snippet = await field.inputValue();
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed#5\/15\.5\/-89&amp;date=2010-12-25" width="100%" height="480"/,
    );
    const story = await hostPage(
      `<!doctype html><html><body style="margin:0"><div style="width:600px">${snippet.replace('height="480"', 'height="400"')}</div></body></html>`,
    );
    const host = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const errors: string[] = [];
    try {
      const page = await host.newPage();
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(story.url);
      const frame = page.frameLocator('iframe');
      await frame.locator('#map[data-ready="true"]').waitFor({ state: 'attached', timeout: 30_000 });
      const embedded = page.frames().find((f) => f.url().includes('embed'));
      if (!embedded) throw new Error('No embedded frame');
      const layout = await embedded.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        width: innerWidth,
        header: getComputedStyle(document.querySelector('.page-header') as Element).display,
        panel: getComputedStyle(document.querySelector('.panel') as Element).display,
        legendOpen: (document.querySelector('details.legend') as HTMLDetailsElement).open,
        timeline: document.getElementById('timeline-date')?.getAttribute('aria-valuetext'),
        attribution: document.querySelector('.maplibregl-ctrl-attrib')?.textContent ?? '',
        menus: document.querySelectorAll('details.export, details.share').length,
      }));
      expect(layout).toMatchObject({
        width: 600,
        header: 'none',
        panel: 'none',
        legendOpen: false,
        timeline: '25 December 2010',
        menus: 0,
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(600);
      expect(layout.attribution).toContain('BBC News, 15 January 2012');
      const link = frame.getByRole('link', { name: /View the full map/ });
      await expect(link.getAttribute('target')).resolves.toBe('_blank');
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).not.toContain('embed');
      expect(href).toContain('date=2010-12-25');
      expect(errors).toEqual([]);
    } finally {
      await host.close();
      await story.close();
      await session.close();
    }
    expect(session.errors).toEqual([]);
  });
});
