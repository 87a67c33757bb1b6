import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { decodeGlyphRange, encodeGlyphRange, type GlyphRange, rangeOf } from '../../scripts/glyph-pbf.ts';
import { ROOT, readMapSource } from '../../scripts/io.ts';
import { mapCharacters } from '../../scripts/map-text.ts';
import { buildStyle, GLYPHS_PATH } from '../../src/style/index.ts';
import { ARROWHEAD } from '../../src/style/mission.ts';

describe('glyph range files', () => {
  it('read back exactly what was written, negative offsets and blank glyphs included', () => {
    const range: GlyphRange = {
      stack: 'Noto Sans Bold',
      range: '8192-8447',
      glyphs: [
        {
          id: 8250,
          bitmap: Uint8Array.from({ length: 9 * 13 }, (_, i) => i % 256),
          width: 3,
          height: 7,
          left: -2,
          top: -31,
          advance: 9,
        },
        { id: 8194, bitmap: new Uint8Array(), width: 0, height: 0, left: 1, top: -26, advance: 12 },
      ],
    };
    const decoded = decodeGlyphRange(encodeGlyphRange(range));
    expect(decoded).toEqual({ ...range, glyphs: [...range.glyphs].sort((a, b) => a.id - b.id) });
  });

  it('name the 256-code-point block of a character as MapLibre asks for it', () => {
    expect(rangeOf(0x41)).toBe('0-255');
    expect(rangeOf(0xff)).toBe('0-255');
    expect(rangeOf(0x203a)).toBe('8192-8447');
  });
});

describe('the committed glyphs (public/glyphs/, npm run glyphs)', () => {
  const source = readMapSource();
  const style = buildStyle(GLYPHS_PATH, source);
  const wanted = mapCharacters(style, source);
  const file = (font: string, range: string) =>
    `${ROOT}public/${GLYPHS_PATH.replace('{fontstack}', font).replace('{range}', range)}`;

  it("find every label's text: the country names upper-cased, the arrowheads, the mission annotations", () => {
    expect(wanted.get('Noto Sans Bold')).toEqual(expect.any(Set));
    const bold = wanted.get('Noto Sans Bold') as Set<string>;
    for (const char of `${ARROWHEAD}GUATEMALAÇZetas`) expect(bold.has(char), char).toBe(true);
    const regular = wanted.get('Noto Sans Regular') ?? new Set();
    for (const char of 'Since Dec 2006Petén') expect(regular.has(char), char).toBe(true);
  });

  it('hold a well-formed glyph for every character any label of the committed data can show', () => {
    for (const [font, chars] of wanted) {
      const byRange = new Map<string, GlyphRange>();
      for (const char of chars) {
        const range = rangeOf(char.codePointAt(0) as number);
        if (!byRange.has(range)) {
          expect(existsSync(file(font, range)), `${font} ${range}: run npm run glyphs`).toBe(true);
          byRange.set(range, decodeGlyphRange(readFileSync(file(font, range))));
        }
        const decoded = byRange.get(range) as GlyphRange;
        expect([decoded.stack, decoded.range]).toEqual([font, range]);
        const glyph = decoded.glyphs.find((g) => g.id === char.codePointAt(0));
        expect(glyph, `${font} has no ${JSON.stringify(char)}: run npm run glyphs`).toBeDefined();
        if (!glyph) continue;
        expect(glyph.bitmap.length).toBe(glyph.width && (glyph.width + 6) * (glyph.height + 6));
        if (char.trim() !== '') expect(glyph.width * glyph.height, JSON.stringify(char)).toBeGreaterThan(0);
      }
    }
  });

  it('are drawn only from characters the bundled Noto Sans has, so no fallback font slips in', () => {
    const require = createRequire(import.meta.url);
    const unicode = require('@fontsource/noto-sans/unicode.json') as { latin: string };
    const ranges = unicode.latin.split(',').map((range) => {
      const [from, to = from] = range.replace('U+', '').split('-') as [string, string?];
      return [Number.parseInt(from, 16), Number.parseInt(to, 16)] as const;
    });
    for (const chars of wanted.values()) {
      for (const char of chars) {
        const code = char.codePointAt(0) as number;
        expect(
          ranges.some(([from, to]) => code >= from && code <= to),
          `U+${code.toString(16)}`,
        ).toBe(true);
      }
    }
  });
});
