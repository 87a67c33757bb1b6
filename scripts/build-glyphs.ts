/**
 * npm run glyphs
 * Writes public/glyphs/<font>/<range>.pbf, the signed distance fields the map draws its labels with,
 * and public/glyphs/SOURCES.md, their provenance. Each glyph is drawn from the bundled Noto Sans by
 * TinySDF, the rasteriser MapLibre itself uses for fonts it is given as files, in headless Chromium
 * (the browser tests' one), at 24 px with a 3 px border and an 8 px radius, as glyph servers serve
 * them. Every printable ASCII character is drawn, and every other character some label of the
 * committed data can show, in English or in Spanish (scripts/map-text.ts); a unit test fails when the data asks for one that
 * is missing. Not part of install, build or tests.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildStyle, GLYPHS_PATH } from '../src/style/index.ts';
import { FONT_BOLD, FONT_REGULAR } from '../src/theme.ts';
import { launchBrowser } from './browser.ts';
import { encodeGlyphRange, GLYPH_BORDER, GLYPH_SIZE, type Glyph, rangeOf } from './glyph-pbf.ts';
import { ROOT, readJson, readMapSource, sha256 } from './io.ts';
import { mapCharacters, mergeCharacters } from './map-text.ts';

const OUT_DIR = `${ROOT}public/glyphs`;
const FONT_FILES: Record<string, string> = {
  [FONT_REGULAR]: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2',
  [FONT_BOLD]: '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2',
};
const TINY_SDF = { fontSize: GLYPH_SIZE, buffer: GLYPH_BORDER, radius: 8, cutoff: 0.25 };
/**
 * TinySDF measures a glyph's top from the baseline; glyph files measure it as glyph servers do.
 * MapLibre aligns its own TinySDF glyphs with served ones by these offsets (src/render/glyph_manager.ts,
 * leftAdjustment and topAdjustment). A glyph file holds whole pixels and TinySDF's left and top are
 * whole already, so every glyph is rounded the same way: half a pixel (of 24) right and up.
 */
const LEFT_ADJUSTMENT = 0.5;
const TOP_ADJUSTMENT = 27.5;

const require = createRequire(import.meta.url);
const fontBytes = (file: string): Buffer => readFileSync(require.resolve(file));
const packageVersion = (name: string): string =>
  readJson<{ version: string }>(`${ROOT}node_modules/${name}/package.json`).version;

/** What the page's TinySDF returns for one character. */
interface Drawn {
  data: number[];
  glyphWidth: number;
  glyphHeight: number;
  glyphTop: number;
  glyphLeft: number;
  glyphAdvance: number;
}

function toGlyph(char: string, drawn: Drawn): Glyph {
  const blank = drawn.glyphWidth === 0 || drawn.glyphHeight === 0;
  return {
    id: char.codePointAt(0) as number,
    bitmap: blank ? new Uint8Array() : Uint8Array.from(drawn.data),
    width: blank ? 0 : drawn.glyphWidth,
    height: blank ? 0 : drawn.glyphHeight,
    left: Math.round(drawn.glyphLeft + LEFT_ADJUSTMENT),
    top: Math.round(drawn.glyphTop - TOP_ADJUSTMENT),
    advance: Math.round(drawn.glyphAdvance),
  };
}

const printableAscii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const source = readMapSource();
const style = buildStyle({ glyphs: GLYPHS_PATH, source });
// The labels in English and in Spanish: the page may show either.
const wanted = mergeCharacters(mapCharacters(style, source), mapCharacters(style, readMapSource('es')));
const characters = (font: string): string[] =>
  [...new Set([...printableAscii, ...(wanted.get(font) ?? [])])].sort(
    (a, b) => (a.codePointAt(0) as number) - (b.codePointAt(0) as number),
  );
for (const font of wanted.keys()) {
  if (!FONT_FILES[font]) throw new Error(`The style draws with ${font}, which has no font file here`);
}

const tinySdfSource = readFileSync(require.resolve('@mapbox/tiny-sdf'), 'utf8');
const asClassic = tinySdfSource.replace('export default class TinySDF', 'window.TinySDF = class TinySDF');
if (asClassic === tinySdfSource) throw new Error('@mapbox/tiny-sdf no longer exports its class as expected');

const browser = await launchBrowser();
const chromium = browser.version();
const drawnByFont = new Map<string, Glyph[]>();
try {
  const page = await browser.newPage();
  await page.addScriptTag({ content: asClassic });
  for (const [font, file] of Object.entries(FONT_FILES)) {
    const chars = characters(font);
    const bytes = fontBytes(file).toString('base64');
    const drawn = await page.evaluate(
      async ({ bytes, chars, options }) => {
        const buffer = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0)).buffer;
        const face = new FontFace('glyph-source', buffer);
        await face.load();
        document.fonts.add(face);
        type TinySdf = new (o: object) => { draw(c: string): Drawn & { data: Uint8ClampedArray } };
        const sdf = new (window as unknown as { TinySDF: TinySdf }).TinySDF({
          ...options,
          fontFamily: 'glyph-source',
        });
        const result = chars.map((c) => {
          const g = sdf.draw(c);
          return { ...g, data: Array.from(g.data) };
        });
        document.fonts.delete(face);
        return result;
      },
      { bytes, chars, options: TINY_SDF },
    );
    drawnByFont.set(
      font,
      chars.map((c, i) => toGlyph(c, drawn[i] as Drawn)),
    );
  }
} finally {
  await browser.close();
}

rmSync(OUT_DIR, { recursive: true, force: true });
const written: string[] = [];
for (const [font, glyphs] of drawnByFont) {
  const ranges = new Map<string, Glyph[]>();
  for (const g of glyphs) {
    const range = rangeOf(g.id);
    ranges.set(range, [...(ranges.get(range) ?? []), g]);
  }
  for (const [range, inRange] of ranges) {
    mkdirSync(`${OUT_DIR}/${font}`, { recursive: true });
    const path = `${font}/${range}.pbf`;
    writeFileSync(`${OUT_DIR}/${path}`, encodeGlyphRange({ stack: font, range, glyphs: inRange }));
    written.push(path);
  }
}

const sources = [
  '# Glyph sources',
  '',
  'Written by `npm run glyphs` (scripts/build-glyphs.ts); do not edit. The map draws its labels from these',
  "files through the style's `glyphs` URL, so no font is rasterised on the page.",
  '',
  `- Fonts: Noto Sans from npm \`@fontsource/noto-sans\` ${packageVersion('@fontsource/noto-sans')}, latin subset (SIL Open Font License 1.1)`,
  ...Object.entries(FONT_FILES).map(
    ([font, file]) => `  - ${font}: \`${file.split('/').pop()}\`, sha256 ${sha256(fontBytes(file))}`,
  ),
  `- Rasteriser: npm \`@mapbox/tiny-sdf\` ${packageVersion('@mapbox/tiny-sdf')} (BSD-2-Clause) in Chromium ${chromium}, ` +
    `font size ${TINY_SDF.fontSize} px, buffer ${TINY_SDF.buffer}, radius ${TINY_SDF.radius}, cutoff ${TINY_SDF.cutoff}`,
  '- Characters: printable ASCII and every other character a label of the committed data can show:',
  ...[...drawnByFont].map(
    ([font, glyphs]) =>
      `  - ${font} (${glyphs.length}): ${glyphs
        .map((g) => String.fromCodePoint(g.id))
        .filter((c) => !printableAscii.includes(c))
        .map((c) => `${c} U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`)
        .join(', ')}`,
  ),
  `- Files: ${written.map((f) => `\`${f}\``).join(', ')}`,
  '',
].join('\n');
writeFileSync(`${OUT_DIR}/SOURCES.md`, sources);
console.log(`wrote ${written.length} glyph files and SOURCES.md to public/glyphs/`);
