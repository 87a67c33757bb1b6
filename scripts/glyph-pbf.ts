/**
 * MapLibre's glyph range files: one protocol buffer per font stack and block of 256 code points,
 * as a style's `glyphs` URL serves them
 * (https://github.com/maplibre/maplibre-gl-js/blob/main/src/style/parse_glyph_pbf.ts). Each glyph is a
 * signed distance field, `width + 6` by `height + 6` bytes (a 3-pixel border), drawn at 24 px.
 */

export interface Glyph {
  id: number;
  /** One byte a pixel, `(width + 6) × (height + 6)`; empty for a glyph with no ink (a space). */
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

export interface GlyphRange {
  stack: string;
  /** `"0-255"`, `"256-511"`, … */
  range: string;
  glyphs: Glyph[];
}

export const GLYPH_BORDER = 3;
export const GLYPH_SIZE = 24;

/** The range file a code point is in, as MapLibre names it. */
export function rangeOf(codePoint: number): string {
  const start = Math.floor(codePoint / 256) * 256;
  return `${start}-${start + 255}`;
}

function varint(out: number[], value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff)
    throw new RangeError(`A glyph file holds whole numbers from 0 to 2^32 - 1, not ${value}`);
  let v = value >>> 0;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

function zigzag(value: number): number {
  if (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31)
    throw new RangeError(`A glyph offset is a 32-bit whole number, not ${value}`);
  return ((value << 1) ^ (value >> 31)) >>> 0;
}

function lengthDelimited(out: number[], field: number, bytes: ArrayLike<number>): void {
  varint(out, (field << 3) | 2);
  varint(out, bytes.length);
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i] as number);
}

function varintField(out: number[], field: number, value: number): void {
  varint(out, field << 3);
  varint(out, value);
}

/** `glyphs { stacks: [fontstack { name, range, glyphs: [glyph …] }] }`, glyphs in code point order. */
export function encodeGlyphRange({ stack, range, glyphs }: GlyphRange): Uint8Array {
  const fontstack: number[] = [];
  lengthDelimited(fontstack, 1, new TextEncoder().encode(stack));
  lengthDelimited(fontstack, 2, new TextEncoder().encode(range));
  for (const g of [...glyphs].sort((a, b) => a.id - b.id)) {
    const glyph: number[] = [];
    varintField(glyph, 1, g.id);
    if (g.bitmap.length > 0) lengthDelimited(glyph, 2, g.bitmap);
    varintField(glyph, 3, g.width);
    varintField(glyph, 4, g.height);
    varintField(glyph, 5, zigzag(g.left));
    varintField(glyph, 6, zigzag(g.top));
    varintField(glyph, 7, g.advance);
    lengthDelimited(fontstack, 3, glyph);
  }
  const out: number[] = [];
  lengthDelimited(out, 1, fontstack);
  return Uint8Array.from(out);
}

/** The fields of one protocol buffer message: varints as numbers, length-delimited ones as bytes. */
function* fields(bytes: Uint8Array): Generator<[number, number | Uint8Array]> {
  let pos = 0;
  const readVarint = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[pos++];
      if (byte === undefined) throw new Error('Truncated glyph range file');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (pos < bytes.length) {
    const key = readVarint();
    if ((key & 7) === 0) {
      yield [key >> 3, readVarint()];
    } else if ((key & 7) === 2) {
      const length = readVarint();
      pos += length;
      if (pos > bytes.length) throw new Error('Truncated glyph range file');
      yield [key >> 3, bytes.subarray(pos - length, pos)];
    } else {
      throw new Error(`Unexpected wire type ${key & 7} in a glyph range file`);
    }
  }
}

const unzigzag = (value: number): number => (value % 2 === 1 ? -(value + 1) / 2 : value / 2);

function decodeGlyph(bytes: Uint8Array): Glyph {
  const glyph: Glyph = { id: 0, bitmap: new Uint8Array(), width: 0, height: 0, left: 0, top: 0, advance: 0 };
  for (const [field, value] of fields(bytes)) {
    if (value instanceof Uint8Array) {
      if (field === 2) glyph.bitmap = Uint8Array.from(value);
    } else if (field === 1) glyph.id = value;
    else if (field === 3) glyph.width = value;
    else if (field === 4) glyph.height = value;
    else if (field === 5) glyph.left = unzigzag(value);
    else if (field === 6) glyph.top = unzigzag(value);
    else if (field === 7) glyph.advance = value;
  }
  return glyph;
}

/** The inverse of encodeGlyphRange: the first font stack of a range file. */
export function decodeGlyphRange(bytes: Uint8Array): GlyphRange {
  const result: GlyphRange = { stack: '', range: '', glyphs: [] };
  for (const [field, fontstack] of fields(bytes)) {
    if (field !== 1 || !(fontstack instanceof Uint8Array)) continue;
    for (const [f, value] of fields(fontstack)) {
      if (!(value instanceof Uint8Array)) continue;
      if (f === 1) result.stack = new TextDecoder().decode(value);
      else if (f === 2) result.range = new TextDecoder().decode(value);
      else if (f === 3) result.glyphs.push(decodeGlyph(value));
    }
    return result;
  }
  throw new Error('A glyph range file with no font stack');
}
