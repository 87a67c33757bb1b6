import { describe, expect, it } from 'vitest';
import { PHONE } from '../../scripts/app-page.ts';
import { freshPagePerTest, groupVisibility, LAYERS } from './helpers.ts';

const open = freshPagePerTest();

describe('legend toggles', () => {
  for (const layer of LAYERS) {
    it(`"${layer.name}" hides and restores every map layer of its group, by pointer and by keyboard`, async () => {
      const page = await open();
      const checkbox = page.getByRole('checkbox', { name: layer.name });
      await expect(checkbox.isChecked()).resolves.toBe(true);
      expect(new Set(await groupVisibility(page, layer.id))).toEqual(new Set(['visible']));

      await checkbox.click();
      expect(new Set(await groupVisibility(page, layer.id))).toEqual(new Set(['none']));
      expect(page.url()).toContain('layers=');
      await checkbox.focus();
      await page.keyboard.press('Space');
      expect(new Set(await groupVisibility(page, layer.id))).toEqual(new Set(['visible']));
      await expect(checkbox.isChecked()).resolves.toBe(true);
      // The other groups are untouched.
      for (const other of LAYERS.filter((l) => l.id !== layer.id)) {
        expect(new Set(await groupVisibility(page, other.id))).toEqual(new Set(['visible']));
      }
    });
  }

  it('shows a visible focus ring on a checkbox reached by keyboard', async () => {
    const page = await open();
    const checkbox = page.getByRole('checkbox', { name: 'Alta Verapaz' });
    await checkbox.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await checkbox.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });

  it('marks the features of a hidden layer as hidden in the text list', async () => {
    const page = await open();
    const note = page.locator('.text-list h3', { hasText: 'Alta Verapaz' }).locator('.text-list__hidden');
    await expect(note.isVisible()).resolves.toBe(false);
    await page.getByRole('checkbox', { name: 'Alta Verapaz' }).click();
    await expect(note.isVisible()).resolves.toBe(true);
  });

  it('is usable at 375×667 with nothing wider than the screen, legend folded but reachable', async () => {
    const page = await open(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const checkbox = page.getByRole('checkbox', { name: 'Militarised policing' });
    await expect(checkbox.isVisible()).resolves.toBe(false);
    await page.getByText('Layers', { exact: true }).click();
    await checkbox.click();
    expect(new Set(await groupVisibility(page, 'militarised-policing'))).toEqual(new Set(['none']));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
