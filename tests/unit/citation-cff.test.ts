import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAP_AUTHOR, MAP_TITLE } from '../../src/data/cite.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const cff = read('CITATION.cff');
const { version } = JSON.parse(read('package.json')) as { version: string };

/** A top-level `key: value` of the file, its quotes taken off: all this test needs of YAML. */
function topLevel(key: string): string | undefined {
  const match = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(cff);
  return match?.[1]?.trim().replace(/^"(.*)"$/, '$1');
}

describe('CITATION.cff', () => {
  it("carries package.json's version", () => {
    expect(topLevel('version')).toBe(version);
  });

  it('is CFF 1.2.0 and names the map and its authors as the Cite buttons do', () => {
    expect(topLevel('cff-version')).toBe('1.2.0');
    expect(topLevel('title')).toBe(MAP_TITLE);
    expect(topLevel('license')).toBe('MIT');
    expect(cff).toContain(`authors:\n  - name: "${MAP_AUTHOR}"`);
    expect(cff).toMatch(/^references:\n {2}- type: newspaper-article\n/m);
    expect(cff).toMatch(/^ {4}date-published: 2012-01-15$/m);
  });

  it('has no tab, which YAML forbids for indentation', () => {
    expect(cff).not.toContain('\t');
  });
});
