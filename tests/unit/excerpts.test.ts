import { describe, expect, it } from 'vitest';
import { findMissingExcerpts, isVerbatim } from '../../src/data/excerpts.ts';

const ARTICLE = `Officials say the police
in some areas have been infiltrated.   A spokesman said it had been "totally infiltrated".`;

describe('isVerbatim', () => {
  it('accepts a quote that differs only in whitespace', () => {
    expect(isVerbatim(ARTICLE, 'Officials say the police in some areas have been infiltrated.')).toBe(true);
  });
  it('accepts an elision marked by an ellipsis, parts in order', () => {
    expect(isVerbatim(ARTICLE, 'Officials say the police … have been infiltrated.')).toBe(true);
    expect(isVerbatim(ARTICLE, 'Officials say ... "totally infiltrated".')).toBe(true);
    expect(isVerbatim(ARTICLE, 'have been infiltrated … Officials say')).toBe(false);
  });
  it('rejects any changed character, case or punctuation', () => {
    expect(isVerbatim(ARTICLE, 'Officials said the police in some areas have been infiltrated.')).toBe(false);
    expect(isVerbatim(ARTICLE, 'officials say the police')).toBe(false);
    expect(isVerbatim(ARTICLE, 'it had been “totally infiltrated”')).toBe(false);
    expect(isVerbatim(ARTICLE, '')).toBe(false);
    expect(isVerbatim(ARTICLE, ' … ')).toBe(false);
  });
});

describe('findMissingExcerpts', () => {
  it('names each excerpt it cannot find, by layer, feature and key', () => {
    const layer = {
      type: 'FeatureCollection' as const,
      name: 'demo',
      features: [
        {
          type: 'Feature' as const,
          id: 'ok',
          properties: { excerpt: 'A spokesman said', excerpt_2: null },
          geometry: null,
        },
        {
          type: 'Feature' as const,
          id: 'bad',
          properties: { excerpt: 'Officials say', excerpt_2: 'A spokesman denied it' },
          geometry: null,
        },
        { type: 'Feature' as const, id: 'none', properties: { name: 'x' }, geometry: null },
      ],
    };
    expect(findMissingExcerpts(ARTICLE, [layer])).toEqual([
      { layer: 'demo', id: 'bad', key: 'excerpt_2', text: 'A spokesman denied it' },
      { layer: 'demo', id: 'none', key: 'excerpt', text: '(none)' },
    ]);
  });
});
