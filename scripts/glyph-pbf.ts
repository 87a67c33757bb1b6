/**
 * MapLibre's glyph range files: one protocol buffer per font stack and block of 256 code points,
 * as a style's `glyphs` URL serves them
 * (https://github.com/maplibre/maplibre-gl-js/blob/main/src/style/parse_glyph_pbf.ts). Each glyph is a
 * signed distance field, `width + 6` by `height + 6` bytes (a 3-pixel border), drawn at 24 px.
 * Written and read with pbf, the protocol buffer library MapLibre reads them with.
 */
import { PbfReader, PbfWriter } from 'pbf';

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

/** The glyph fields are uint32 and sint32: refuse what pbf would silently truncate or widen. */
function uint32(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff)
    throw new RangeError(`A glyph file holds whole numbers from 0 to 2^32 - 1, not ${value}`);
  return value;
}

function sint32(value: number): number {
  if (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31)
    throw new RangeError(`A glyph offset is a 32-bit whole number, not ${value}`);
  return value;
}

function writeGlyph(g: Glyph, pbf: PbfWriter): void {
  pbf.writeVarintField(1, uint32(g.id));
  if (g.bitmap.length > 0) pbf.writeBytesField(2, g.bitmap);
  pbf.writeVarintField(3, uint32(g.width));
  pbf.writeVarintField(4, uint32(g.height));
  pbf.writeSVarintField(5, sint32(g.left));
  pbf.writeSVarintField(6, sint32(g.top));
  pbf.writeVarintField(7, uint32(g.advance));
}

function writeFontstack({ stack, range, glyphs }: GlyphRange, pbf: PbfWriter): void {
  pbf.writeStringField(1, stack);
  pbf.writeStringField(2, range);
  for (const g of [...glyphs].sort((a, b) => a.id - b.id)) pbf.writeMessage(3, writeGlyph, g);
}

/** `glyphs { stacks: [fontstack { name, range, glyphs: [glyph …] }] }`, glyphs in code point order. */
export function encodeGlyphRange(range: GlyphRange): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(1, writeFontstack, range);
  return pbf.finish();
}

function readGlyph(tag: number, glyph: Glyph, pbf: PbfReader): void {
  if (tag === 1) glyph.id = pbf.readVarint();
  else if (tag === 2) glyph.bitmap = Uint8Array.from(pbf.readBytes());
  else if (tag === 3) glyph.width = pbf.readVarint();
  else if (tag === 4) glyph.height = pbf.readVarint();
  else if (tag === 5) glyph.left = pbf.readSVarint();
  else if (tag === 6) glyph.top = pbf.readSVarint();
  else if (tag === 7) glyph.advance = pbf.readVarint();
}

function readFontstack(tag: number, range: GlyphRange, pbf: PbfReader): void {
  if (tag === 1) range.stack = pbf.readString();
  else if (tag === 2) range.range = pbf.readString();
  else if (tag === 3) {
    const blank = { id: 0, bitmap: new Uint8Array(), width: 0, height: 0, left: 0, top: 0, advance: 0 };
    range.glyphs.push(pbf.readMessage(readGlyph, blank));
  }
}

/** The inverse of encodeGlyphRange: the first font stack of a range file. */
export function decodeGlyphRange(bytes: Uint8Array): GlyphRange {
  const pbf = new PbfReader(bytes);
  const stacks: GlyphRange[] = [];
  // pbf does not check lengths against the buffer: a file cut short reads past its end, which fails
  // on the missing bytes or leaves the position beyond the end.
  try {
    pbf.readFields((tag, list: GlyphRange[]) => {
      if (tag === 1) list.push(pbf.readMessage(readFontstack, { stack: '', range: '', glyphs: [] }));
    }, stacks);
  } catch (error) {
    if (pbf.pos > pbf.length) throw new Error('Truncated glyph range file');
    throw error;
  }
  if (pbf.pos > pbf.length) throw new Error('Truncated glyph range file');
  const [first] = stacks;
  if (first === undefined) throw new Error('A glyph range file with no font stack');
  return first;
}
