import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * Data flows one way: theme → pipeline → layers (registry) → i18n → data → your-data → formats → style → picture → first-view →
 * ui and files → map → main.ts. A module imports from its own folder or from one earlier in this list, never later.
 */
const ORDER = [
  'theme.ts',
  'pipeline',
  'layers',
  'i18n',
  'data',
  'your-data',
  'formats',
  'style',
  'picture',
  'first-view',
  'ui',
  'files',
  'map',
  'main.ts',
];

const rank = (path: string): number => {
  const top = relative(SRC, path).split('/')[0] ?? '';
  const at = ORDER.indexOf(top);
  if (at < 0) throw new Error(`src/${top} has no place in the import order; add it to ORDER`);
  return at;
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The src/ modules a file imports, from its `import … from '…'` and `import '…'` lines. */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s[^;]*?['"](\.[^'"]+)['"]/gms)]
    .map((m) => join(dirname(file), (m[1] as string).replace(/\?.*$/, '')))
    .filter((path) => path.startsWith(SRC));
}

describe('imports under src/', () => {
  const files = sources(SRC);

  it('finds the modules and their imports', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(localImports(join(SRC, 'main.ts')).length).toBeGreaterThan(5);
  });

  it('run one way: no module imports from a folder later in the data flow', () => {
    const backwards = files.flatMap((file) =>
      localImports(file)
        .filter((target) => rank(target) > rank(file))
        .map((target) => `${relative(SRC, file)} imports ${relative(SRC, target)}`),
    );
    expect(backwards).toEqual([]);
  });

  it('keep maplibre-gl code in map/ (elsewhere only its types)', () => {
    const outside = files.filter(
      (file) =>
        rank(file) !== ORDER.indexOf('map') &&
        /^import\s+(?!type\b)[^;]*from\s+'maplibre-gl'/m.test(readFileSync(file, 'utf8')),
    );
    expect(outside.map((f) => relative(SRC, f))).toEqual([]);
  });
});
