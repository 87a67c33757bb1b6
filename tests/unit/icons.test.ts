import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, ICON_SOURCE, iconPath, iconSource, pngSize } from '../../scripts/icons.ts';
import { ROOT, sha256 } from '../../scripts/io.ts';
import { MANIFEST } from '../../scripts/offline.ts';

describe('the web app manifest', () => {
  // What the build writes to manifest.webmanifest: vite-plugin-pwa serialises these options.
  const manifest = JSON.parse(JSON.stringify(MANIFEST));

  it('names the app, its colours and a standalone display, with a relative start and scope', () => {
    expect(manifest).toMatchObject({ display: 'standalone', start_url: './', scope: './' });
    expect(manifest.name).toContain('Guatemala');
    expect(manifest.short_name.length).toBeLessThanOrEqual(18);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('lists a PNG icon at 192 and at 512 px, each a file in public/ of that size', () => {
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512']);
    for (const icon of manifest.icons) {
      expect(icon.type).toBe('image/png');
      expect(icon.src).not.toMatch(/^\//);
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(pngSize(readFileSync(`${ROOT}public/${icon.src}`)), icon.src).toEqual({ width, height });
    }
  });
});

describe('the install icons', () => {
  it.each(ICON_SIZES)('icon-%i.png was drawn from the current favicon.svg (else: npm run icons)', (size) => {
    const png = readFileSync(iconPath(size));
    expect(pngSize(png)).toEqual({ width: size, height: size });
    expect(iconSource(png), `public/icon-${size}.png is out of date: run npm run icons`).toBe(
      sha256(readFileSync(`${ROOT}${ICON_SOURCE}`)),
    );
  });
});
