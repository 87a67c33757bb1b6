import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  decodeGlyphRange,
  encodeGlyphRange,
  GLYPH_BORDER,
  type GlyphRange,
  rangeOf,
} from '../../scripts/glyph-pbf.ts';
import { ROOT, readMapSource } from '../../scripts/io.ts';
import { inSpanish, mapCharacters, mergeCharacters } from '../../scripts/map-text.ts';
import { ARROWHEAD } from '../../src/style/flows.ts';
import { buildStyle, GLYPHS_PATH } from '../../src/style/index.ts';

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

  it('refuse what the format cannot hold, and a file cut short', () => {
    const glyph = { id: 65, bitmap: new Uint8Array(), width: 0, height: 0, left: 0, top: 0, advance: 0 };
    const range = (g: object) => ({ stack: 'F', range: '0-255', glyphs: [{ ...glyph, ...g }] });
    expect(() => encodeGlyphRange(range({ advance: 12.5 }))).toThrow(RangeError);
    expect(() => encodeGlyphRange(range({ width: -1 }))).toThrow(RangeError);
    expect(() => encodeGlyphRange(range({ top: 2 ** 31 }))).toThrow(RangeError);
    const bytes = encodeGlyphRange(range({ left: -3 }));
    expect(decodeGlyphRange(bytes).glyphs[0]?.left).toBe(-3);
    expect(() => decodeGlyphRange(bytes.subarray(0, bytes.length - 2))).toThrow(/Truncated/);
  });

  it('name the 256-code-point block of a character as MapLibre asks for it', () => {
    expect(rangeOf(0x41)).toBe('0-255');
    expect(rangeOf(0xff)).toBe('0-255');
    expect(rangeOf(0x203a)).toBe('8192-8447');
  });
});

describe('the characters a style can draw', () => {
  const point = (properties: Record<string, unknown>): FeatureCollection['features'][number] => ({
    type: 'Feature',
    properties,
    geometry: { type: 'Point', coordinates: [0, 0] },
  });
  const styleWith = (layout: Record<string, unknown>, filter?: unknown): StyleSpecification =>
    ({
      version: 8,
      sources: {},
      layers: [
        {
          id: 'l',
          type: 'symbol',
          source: 's',
          layout: { 'text-font': ['F'], ...layout },
          ...(filter ? { filter } : {}),
        },
      ],
    }) as StyleSpecification;
  const chars = (style: StyleSpecification, ...features: FeatureCollection['features']) =>
    [...(mapCharacters(style, { type: 'FeatureCollection', features }).get('F') ?? [])].sort().join('');

  it('follow the text field at every zoom, its transform and the layer filter', () => {
    const style = styleWith(
      { 'text-field': ['step', ['zoom'], ['get', 'a'], 10, ['get', 'b']], 'text-transform': 'uppercase' },
      ['==', ['get', 'shown'], true],
    );
    expect(
      chars(style, point({ a: 'xy', b: 'é', shown: true }), point({ a: 'q', b: 'q', shown: false })),
    ).toBe('XYÉ');
  });

  it('leave out line breaks, where MapLibre starts a new line and draws nothing', () => {
    const style = styleWith({ 'text-field': ['concat', ['get', 'name'], '\n', 'x'] });
    expect(chars(style, point({ name: 'ab' }))).toBe('abx');
  });

  it('refuse a letter written as several code points, which MapLibre would draw itself', () => {
    const style = styleWith({ 'text-field': ['get', 'name'] });
    expect(() => chars(style, point({ name: 'Pete\u0301n' }))).toThrow(/several code points/);
    expect(chars(style, point({ name: 'Pet\u00e9n' }))).toBe('Pent\u00e9');
  });
});

describe('the Spanish of the labels', () => {
  it('stands in for each field with a Spanish column, and leaves the rest and the input alone', () => {
    const input: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Mexico', name_es: 'México', label: 'x', label_es: null, kind: 'country' },
          geometry: { type: 'Point', coordinates: [0, 0] },
        },
      ],
    };
    const before = structuredClone(input);
    expect(inSpanish(input).features[0]?.properties).toEqual({
      name: 'México',
      name_es: 'México',
      label: 'x',
      label_es: null,
      kind: 'country',
    });
    expect(input).toEqual(before);
  });
});

describe('the committed glyphs (public/glyphs/, npm run glyphs)', () => {
  const source = readMapSource();
  const style = buildStyle({ glyphs: GLYPHS_PATH, source });
  const spanish = mapCharacters(style, readMapSource('es'));
  const wanted = mergeCharacters(mapCharacters(style, source), spanish);
  const file = (font: string, range: string) =>
    `${ROOT}public/${GLYPHS_PATH.replace('{fontstack}', font).replace('{range}', range)}`;

  it("find every label's text: the country names upper-cased, the arrowheads, the mission annotations", () => {
    expect(wanted.get('Noto Sans Bold')).toEqual(expect.any(Set));
    const bold = wanted.get('Noto Sans Bold') as Set<string>;
    for (const char of `${ARROWHEAD}GUATEMALAÇZetas`) expect(bold.has(char), char).toBe(true);
    const regular = wanted.get('Noto Sans Regular') ?? new Set();
    for (const char of 'Since Dec 2006Petén') expect(regular.has(char), char).toBe(true);
  });

  it('find the Spanish labels too: name_es and label_es of the layers, the basemap and the places', () => {
    const bold = spanish.get('Noto Sans Bold') ?? new Set();
    for (const char of 'MÉXICO CANADÁ PERÚ HAITÍ') expect(bold.has(char), char).toBe(true);
    const regular = spanish.get('Noto Sans Regular') ?? new Set();
    for (const char of 'Desde dic 2006Ciudad de México') expect(regular.has(char), char).toBe(true);
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
        expect(glyph.bitmap.length).toBe(
          glyph.width && (glyph.width + 2 * GLYPH_BORDER) * (glyph.height + 2 * GLYPH_BORDER),
        );
        if (char.trim() !== '') expect(glyph.width * glyph.height, JSON.stringify(char)).toBeGreaterThan(0);
      }
    }
  });

  it("read in MapLibre's own parser as they were written", async () => {
    // The parser MapLibre reads glyph files with, from the source it publishes; imported by a path
    // held in a variable, so the typecheck does not hold MapLibre's source to this project's rules.
    const parser = '../../node_modules/maplibre-gl/src/style/parse_glyph_pbf.ts';
    const { parseGlyphPbf } = (await import(parser)) as {
      parseGlyphPbf: (bytes: Uint8Array) => {
        id: number;
        bitmap: { width: number; height: number; data: Uint8Array };
        metrics: { width: number; height: number; left: number; top: number; advance: number };
      }[];
    };
    for (const font of wanted.keys()) {
      const ranges = readdirSync(`${ROOT}public/glyphs/${font}`).map((f) => f.replace(/\.pbf$/, ''));
      expect(ranges).toContain('0-255');
      for (const range of ranges) {
        const bytes = readFileSync(file(font, range));
        const ours = decodeGlyphRange(bytes).glyphs;
        const theirs = parseGlyphPbf(bytes);
        expect(theirs.map((g) => ({ id: g.id, ...g.metrics }))).toEqual(
          ours.map(({ id, width, height, left, top, advance }) => ({
            id,
            width,
            height,
            left,
            top,
            advance,
          })),
        );
        for (const [i, g] of theirs.entries()) {
          expect([g.bitmap.width, g.bitmap.height]).toEqual([
            g.metrics.width + 2 * GLYPH_BORDER,
            g.metrics.height + 2 * GLYPH_BORDER,
          ]);
          if (g.metrics.width > 0) expect(Uint8Array.from(g.bitmap.data)).toEqual(ours[i]?.bitmap);
        }
      }
    }
  });

  it('encode back to the very bytes they were read from', () => {
    for (const font of wanted.keys()) {
      for (const name of readdirSync(`${ROOT}public/glyphs/${font}`)) {
        const bytes = readFileSync(`${ROOT}public/glyphs/${font}/${name}`);
        expect(Buffer.from(encodeGlyphRange(decodeGlyphRange(bytes))).equals(bytes), name).toBe(true);
      }
    }
  });

  it('are drawn only from characters the bundled Noto Sans declares it has (its latin subset)', () => {
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
