import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../bench/budgets.ts';
import { kb } from '../../bench/format.ts';
import { PRODUCTION_BUILD } from '../../scripts/app-page.ts';

/**
 * The benchmark's byte budgets, read from the production build (times are only measured by
 * `npm run bench`, never asserted). Sizes are gzip -9, as a server would send them.
 */
const ASSETS = `${PRODUCTION_BUILD}/assets`;
const files = readdirSync(ASSETS);
const gzipped = (name: string) => gzipSync(readFileSync(`${ASSETS}/${name}`), { level: 9 }).length;

describe('byte budgets of the production build', () => {
  it(`keeps the app's own JavaScript on first load, MapLibre aside, within ${kb(BUDGETS.appJsGzip)} gzipped`, () => {
    const html = readFileSync(`${PRODUCTION_BUILD}/index.html`, 'utf8');
    const entry = /src="\.\/assets\/(index-[^"]+\.js)"/.exec(html)?.[1];
    expect(entry, 'the entry script in dist/index.html').toBeDefined();
    // The first load is the entry and the chunks the page preloads with it; code only some readers
    // use (the pictures, the citation dialog, the download writers) is in chunks of its own, fetched
    // when asked for.
    const preloaded = [...html.matchAll(/rel="modulepreload"[^>]*href="\.\/assets\/([^"]+\.js)"/g)].map(
      (m) => m[1] as string,
    );
    const firstLoad = [entry as string, ...preloaded].filter((f) => !f.startsWith('maplibre-gl'));
    const total = firstLoad.reduce((sum, f) => sum + gzipped(f), 0);
    expect(total).toBeLessThanOrEqual(BUDGETS.appJsGzip);
    const onDemand = files.filter((f) => /^(save-(picture|svg)|cite-dialog|package)-.*\.js$/.test(f));
    expect(onDemand, 'the picture, citation and download code in chunks of their own').toHaveLength(4);
    for (const chunk of onDemand) expect(html).not.toContain(chunk);
    // MapLibre really is apart: its attribution control's class name is in its chunk, not the app's.
    const maplibre = files.find((f) => /^maplibre-gl-[^w].*\.js$/.test(f)) ?? '';
    expect(readFileSync(`${ASSETS}/${maplibre}`, 'utf8')).toContain('maplibregl-ctrl-attrib');
    expect(readFileSync(`${ASSETS}/${entry}`, 'utf8')).not.toContain('maplibregl-ctrl-attrib');
  });

  it(`keeps the data and fonts of the first load within ${kb(BUDGETS.dataFontsGzip)} gzipped`, () => {
    const firstLoad = files.filter((f) => f.endsWith('.geojson') || f.endsWith('.woff2'));
    expect(firstLoad.filter((f) => f.endsWith('.geojson'))).toHaveLength(7);
    // The labels' glyphs, copied from public/glyphs/: every range file counts, used at first or not.
    const glyphs = readdirSync(`${PRODUCTION_BUILD}/glyphs`, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.pbf'))
      .map((f) => join('..', 'glyphs', f));
    expect(glyphs.length).toBeGreaterThanOrEqual(2);
    const total = [...firstLoad, ...glyphs].reduce((sum, f) => sum + gzipped(f), 0);
    expect(total).toBeLessThanOrEqual(BUDGETS.dataFontsGzip);
  });
});
