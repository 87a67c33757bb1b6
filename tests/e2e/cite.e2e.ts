import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE } from '../../scripts/app-page.ts';
import { pageFontIs } from '../../scripts/browser.ts';
import { TEST_FONTS } from '../../scripts/fonts.ts';
import { ROOT } from '../../scripts/io.ts';
import { formatDate } from '../../src/data/dates.ts';
import { clickAt, freshPagePerTest, popupText, seriousViolations } from './helpers.ts';

const open = freshPagePerTest();
const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };
/** Clipboard access refused, as in an insecure context or with the permission denied. */
const REFUSED = {
  beforeGoto: (page: Page) =>
    page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Refused', 'NotAllowedError'));
    }),
};

const dialog = (page: Page) => page.locator('dialog.cite');
const field = (page: Page, form: 'text' | 'bibtex' | 'csl') => page.locator(`#cite-${form}`);

/** The page's address without its hash, and today as the page's clock has it. */
async function pageAndDay(page: Page): Promise<{ base: string; iso: string; words: string }> {
  const { base, iso } = await page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      base: `${location.origin}${location.pathname}`,
      iso: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    };
  });
  return { base, iso, words: formatDate(iso, 'day') };
}

const focusedCite = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active?.classList.contains('cite-button') ? (active.getAttribute('aria-label') ?? '') : '';
  });

describe('citing a feature from its popup', () => {
  it("gives the feature's link, the report and today's date in all three forms; Escape closes it", async () => {
    const page = await open(CLIPBOARD);
    await clickAt(page, [-90.37, 15.47], 8);
    await page.locator('.maplibregl-popup .cite-button').click();
    await dialog(page).waitFor();
    expect(await page.locator('#cite-title').textContent()).toBe('Cite “Alta Verapaz”');
    const { base, iso, words } = await pageAndDay(page);
    const link = `${base}#feature=GT-AV`;
    const text = await field(page, 'text').inputValue();
    expect(text).toContain(link);
    expect(text).toContain('BBC News, 15 January 2012');
    expect(text).toContain(`Accessed ${words} (${iso})`);
    expect(text).toContain(`version ${version}`);
    expect(await field(page, 'bibtex').inputValue()).toContain(`url = {${link}}`);
    expect(await field(page, 'bibtex').inputValue()).toContain(`urldate = {${iso}}`);
    const [item] = JSON.parse(await field(page, 'csl').inputValue());
    expect(item).toMatchObject({
      URL: link,
      version,
      accessed: { 'date-parts': [iso.split('-').map(Number)] },
    });

    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect.poll(() => page.locator('.cite__status').textContent()).toBe('Copied the BibTeX.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await field(page, 'bibtex').inputValue(),
    );

    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    // The popup stays open, and the button that opened the dialog has focus again.
    await expect(page.locator('.maplibregl-popup').count()).resolves.toBe(1);
    expect(await focusedCite(page)).toBe('Cite Alta Verapaz');

    // The link opens the map with that feature's popup.
    const other = await open();
    await other.goto(link);
    await other.locator('#map[data-ready="true"]').waitFor({ state: 'attached' });
    await other.locator('.maplibregl-popup').waitFor();
    expect(await popupText(other)).toContain('Alta Verapaz');
    expect(other.url()).toContain('feature=GT-AV');
  });

  it('leaves the text selected and says to press Ctrl+C where the clipboard is refused', async () => {
    const page = await open(REFUSED);
    await clickAt(page, [-86.6, 14.7], 6);
    await page.locator('.maplibregl-popup .cite-button').click();
    await page.getByRole('button', { name: 'Copy Text' }).click();
    await expect
      .poll(() => page.locator('.cite__status').textContent())
      .toBe('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    const selection = await page.evaluate(() => {
      const active = document.activeElement as HTMLTextAreaElement;
      return {
        id: active.id,
        start: active.selectionStart,
        end: active.selectionEnd,
        length: active.value.length,
      };
    });
    expect(selection).toEqual({ id: 'cite-text', start: 0, end: selection.length, length: selection.length });
    expect(selection.length).toBeGreaterThan(100);
  });
});

describe('citing from the text list', () => {
  it("cites the entry's feature; Close gives focus back to its button", async () => {
    const page = await open(REFUSED);
    await page.locator('.text-list .cite-button[data-cite="HND"]').click();
    await dialog(page).waitFor();
    expect(await page.locator('#cite-title').textContent()).toBe('Cite “Honduras”');
    const { base } = await pageAndDay(page);
    const text = await field(page, 'text').inputValue();
    expect(text).toContain(`${base}#feature=HND`);
    expect(text).toContain('BBC News, 15 January 2012');
    await page.getByRole('button', { name: 'Copy CSL-JSON' }).click();
    await expect.poll(() => page.locator('.cite__status').textContent()).toContain('press Ctrl+C');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cite-csl');
    await page.getByRole('button', { name: 'Close' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    expect(await focusedCite(page)).toBe('Cite Honduras');
  });
});

describe('citing the whole map', () => {
  it('from the share menu, with the keyboard alone: the page, the version, the report', async () => {
    const page = await open(CLIPBOARD);
    await page.getByText('Save image · Embed · Cite').click();
    await page.getByRole('button', { name: 'Cite this map' }).focus();
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    expect(await page.locator('#cite-title').textContent()).toBe('Cite this map');
    const { base, words } = await pageAndDay(page);
    const text = await field(page, 'text').inputValue();
    expect(text).toContain(`version ${version}. ${base}. Accessed ${words}`);
    expect(text).toContain('BBC News, 15 January 2012');
    expect(text).not.toContain('#');
    // Tab never reaches the page under the modal dialog (past the dialog's last control, the
    // browser's own interface has focus, the body in the page) and reaches each Copy button.
    const reached = new Set<string>();
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        if (!a || a === document.body) return 'browser';
        return a.closest('dialog') ? (a.getAttribute('aria-label') ?? a.id) : 'outside';
      });
      reached.add(at ?? '');
    }
    expect(reached).not.toContain('outside');
    expect([...reached]).toEqual(expect.arrayContaining(['Copy Text', 'Copy BibTeX', 'Copy CSL-JSON']));
    await page.getByRole('button', { name: 'Copy Text' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Cite this map',
    );
  });

  it('has no serious or critical axe-core violations in the open dialog', async () => {
    // axe is injected as a script; the page's CSP would rightly refuse it, so this context bypasses CSP.
    const page = await open({ bypassCSP: true });
    await page.locator('.text-list .cite-button[data-cite="GT-AV"]').click();
    await dialog(page).waitFor();
    expect(await seriousViolations(page, 'dialog.cite')).toEqual([]);
  });
});

/** Small screens in both test fonts: Noto Sans is taller than DejaVu Sans, and pushed Close off one. */
for (const font of TEST_FONTS) {
  describe(`the Cite dialog on small screens, ${font}`, () => {
    const openIn = freshPagePerTest(font);
    for (const screen of [
      PHONE,
      { viewport: { width: 360, height: 640 } },
      { viewport: { width: 1024, height: 600 } },
    ])
      it(`fits a ${screen.viewport.width}×${screen.viewport.height} screen: title and Close in view, the rest scrolls to`, async () => {
        const page = await openIn(screen);
        expect(await pageFontIs(page, font)).toBe(true);
        const { width, height } = screen.viewport;
        await page.locator('.text-list .cite-button[data-cite="GT-AV"]').click();
        await dialog(page).waitFor();
        const inside = async (selector: string) => {
          const box = await page.locator(selector).boundingBox();
          expect(box, selector).not.toBeNull();
          expect(box?.x ?? -1, selector).toBeGreaterThanOrEqual(0);
          expect(box?.y ?? -1, selector).toBeGreaterThanOrEqual(0);
          expect((box?.x ?? 0) + (box?.width ?? 999), selector).toBeLessThanOrEqual(width);
          expect((box?.y ?? 0) + (box?.height ?? 999), selector).toBeLessThanOrEqual(height);
        };
        for (const selector of ['dialog.cite', '#cite-title', '.cite__close']) await inside(selector);
        // Every other control is reached by scrolling inside the dialog, which stays put.
        for (const selector of ['.cite__copy >> nth=2', '#cite-csl']) {
          await page.locator(selector).scrollIntoViewIfNeeded();
          await inside(selector);
          await inside('#cite-title');
        }
        await page.locator('.cite__close').click();
        await dialog(page).waitFor({ state: 'detached' });
      });
  });
}
