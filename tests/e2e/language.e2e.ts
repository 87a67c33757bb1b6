import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withMap } from '../../scripts/app-page.ts';
import { en, es } from '../../src/i18n/index.ts';
import { freshPagePerTest, seriousViolations } from './helpers.ts';

const open = freshPagePerTest();

/** Every interface string of a catalogue that the other language words differently. */
function strings(node: unknown, other: unknown): string[] {
  if (typeof node === 'string') return node !== other && node.trim().length > 2 ? [node.trim()] : [];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => strings(v, (other as Record<string, unknown>)[k]));
}
const ENGLISH = strings(en, es).filter((s) => !['en', 'en-GB', 'English'].includes(s));

/**
 * What a reader sees and hears, every menu and a popup open: the visible text and every accessible
 * name, description and alternative, less what the data gives in English (marked lang="en").
 */
async function readerText(page: Page): Promise<string> {
  await page.locator('.text-list__show').first().click();
  await page.locator('.maplibregl-popup').waitFor();
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const english of clone.querySelectorAll('[lang="en"]')) english.remove();
    document.body.append(clone);
    const attributes = ['aria-label', 'title', 'alt', 'placeholder'].flatMap((name) =>
      [...clone.querySelectorAll(`[${name}]`)].map((e) => e.getAttribute(name) ?? ''),
    );
    // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, as a reader sees it, not hidden text
    const text = [clone.innerText, ...attributes, document.title].join('\n');
    clone.remove();
    return text;
  });
}

describe('the map in Spanish', () => {
  it('speaks Spanish to a browser that asks for it: no English interface string, <html lang="es">', async () => {
    const page = await open({ locale: 'es-ES' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    const text = await readerText(page);
    expect(ENGLISH.length).toBeGreaterThan(100);
    // As words: "Text" inside "Texto", or "Map" inside "MapLibre", is not English shown.
    const shown = (english: string) =>
      new RegExp(`(^|[^\\p{L}])${english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(
        text,
      );
    expect(ENGLISH.filter(shown)).toEqual([]);
    // The report's words are still there, verbatim and marked English.
    const quote = await page.locator('.maplibregl-popup blockquote').first();
    expect(await quote.getAttribute('lang')).toBe('en');
    expect(await quote.textContent()).toContain('Guatemala is a major transit point for cocaine');
    // MapLibre's own controls too.
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('Acercar');
    expect(page.url()).toContain('lang=es');
  });

  it('switches language without loading the data again, and the link carries the choice', async () => {
    const page = await open({ locale: 'es-ES', hash: '#6/15.5/-90&date=2011-01-01' });
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.locator('#language').selectOption('en');
    await page.locator('#map[data-ready="true"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('.legend__title').textContent()).toBe('Layers');
    expect(await page.locator('#timeline-date').getAttribute('aria-valuetext')).toBe('1 January 2011');
    // The view and the date came through the switch; English is this reader's choice, so the link says so.
    await expect.poll(() => page.url()).toContain('date=2011-01-01&lang=en');
    expect(page.url()).toContain('#6/15.5/-90');
    expect(fetched.filter((url) => /\.geojson$/.test(url))).toEqual([]);
    const zoom = await withMap(page, (map) => map.getZoom());
    expect(zoom).toBeCloseTo(6, 5);
    await page.locator('#language').selectOption('es');
    await page.locator('#map[data-ready="true"]').waitFor();
    expect(await page.locator('.legend__title').textContent()).toBe('Capas');
  });

  it('opens in Spanish from a link with lang=es in an English browser, and ignores a hostile lang', async () => {
    const spanish = await open({ locale: 'en-GB', hash: '#lang=es' });
    expect(await spanish.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await spanish.locator('.export .menu__title').textContent()).toBe('Descargar datos');
    const hostile = await open({ locale: 'en-GB', hash: '#5/16/-90&lang=%3Cscript%3E' });
    expect(await hostile.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await hostile.locator('.export .menu__title').textContent()).toBe('Download data');
    expect(hostile.url()).not.toContain('lang=');
  });

  it.each(['en-GB', 'es-ES'])('has no serious or critical axe-core violations in %s', async (locale) => {
    const page = await open({ locale, bypassCSP: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
