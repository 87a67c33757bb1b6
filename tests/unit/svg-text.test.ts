import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeGlyphRange } from '../../scripts/glyph-pbf.ts';
import { ROOT } from '../../scripts/io.ts';
import { escapeXml } from '../../src/formats/xml.ts';
import { advance, breakLines, textWidth, wrapWords } from '../../src/picture/text.ts';
import { FONT_BOLD, FONT_REGULAR } from '../../src/theme.ts';

describe('the SVG picture’s text (src/picture/text.ts)', () => {
  it('measures printable ASCII with the advances of the map’s own glyph files', () => {
    for (const [font, weight] of [
      [FONT_REGULAR, 'regular'],
      [FONT_BOLD, 'bold'],
    ] as const) {
      const range = decodeGlyphRange(readFileSync(`${ROOT}public/glyphs/${font}/0-255.pbf`));
      const ascii = range.glyphs.filter((g) => g.id >= 32 && g.id <= 126);
      expect(ascii).toHaveLength(95);
      for (const glyph of ascii)
        expect(
          advance(String.fromCodePoint(glyph.id), weight),
          `${font} ${String.fromCodePoint(glyph.id)}`,
        ).toBe(glyph.advance);
    }
    // An accented letter as its base letter; letter spacing after every character.
    expect(advance('é', 'regular')).toBe(advance('e', 'regular'));
    expect(textWidth('AB', { size: 12, weight: 'bold', letterSpacing: 0.5 })).toBe(
      ((17 + 16) / 24) * 12 + 12,
    );
  });

  it('breaks labels where MapLibre breaks them', () => {
    const country = { size: 11, weight: 'bold', letterSpacing: 0.06 } as const;
    expect(breakLines('UNITED STATES OF AMERICA', country, 8)).toEqual(['UNITED STATES', 'OF AMERICA']);
    expect(breakLines('MEXICO', country, 8)).toEqual(['MEXICO']);
    const annotation = { size: 12, weight: 'bold' } as const;
    expect(
      breakLines('Alta Verapaz:\narmy special powers\n19 Dec 2010 – 18 Feb 2011', annotation, 12),
    ).toEqual(['Alta Verapaz:', 'army special powers', '19 Dec 2010 – 18 Feb 2011']);
  });

  it('wraps the frame’s lines to a width, a long link between characters', () => {
    const font = { size: 11, weight: 'regular' } as const;
    const lines = wrapWords('Report: BBC News, 15 January 2012 · Boundaries: Natural Earth', font, 150);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, font)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe('Report: BBC News, 15 January 2012 · Boundaries: Natural Earth');
    const link = `https://example.org/${'a'.repeat(80)}`;
    expect(wrapWords(link, font, 100).join('')).toBe(link);
  });

  it('escapes markup and leaves out what XML cannot hold', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
    expect(escapeXml('a\u0000b\u0007c\td\uD800e\uFFFEf😀')).toBe('abc\tdef😀');
  });
});
