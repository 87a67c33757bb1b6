import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/io.ts';
import { PREVIEW, siteUrl } from '../../vite.config.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The built page's meta tags, from a production build into a folder of its own. */
async function builtMeta(site: string | undefined): Promise<Record<string, string>> {
  const outDir = mkdtempSync(join(tmpdir(), 'preview-build-'));
  dirs.push(outDir);
  const before = process.env.SITE_URL;
  if (site === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = site;
  try {
    await build({
      configFile: `${ROOT}vite.config.ts`,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (before === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = before;
  }
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  return Object.fromEntries(
    [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
}

describe('the link preview', () => {
  it('with SITE_URL, names the page and its 1200×630 picture by absolute URLs', async () => {
    const meta = await builtMeta('https://example.org/guatemala-map');
    expect(meta).toMatchObject({
      'og:title': PREVIEW.title,
      'og:url': 'https://example.org/guatemala-map/',
      'og:image': 'https://example.org/guatemala-map/og-image.png',
      'og:image:width': '1200',
      'og:image:height': '630',
      'twitter:card': 'summary_large_image',
    });
    expect(meta['og:image:alt']).toContain('Map of Central America');
    // The committed picture (npm run screenshots) is that size: the PNG's IHDR holds it.
    const png = readFileSync(`${ROOT}public/og-image.png`);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }, 60_000);

  it('without SITE_URL, leaves out what needs an absolute URL', async () => {
    const meta = await builtMeta(undefined);
    expect(meta['og:title']).toBe(PREVIEW.title);
    expect(meta['twitter:card']).toBe('summary_large_image');
    expect(meta['og:image']).toBeUndefined();
    expect(meta['og:url']).toBeUndefined();
  }, 60_000);

  it('refuses a SITE_URL that is not an absolute http(s) URL, in one line', () => {
    expect(() => siteUrl('example.org/map')).toThrow(
      /^SITE_URL is set to "example.org\/map", which is not an absolute URL/,
    );
    expect(() => siteUrl('ftp://example.org/')).toThrow('SITE_URL must be an http or https URL');
    expect(siteUrl('https://example.org/a')?.href).toBe('https://example.org/a/');
  });
});
