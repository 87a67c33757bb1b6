import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  bibtexEscape,
  type CitedFeature,
  citeFeature,
  citeMap,
  featureLink,
  MAP_TITLE,
} from '../../src/data/cite.ts';
import { parseHash } from '../../src/data/hash.ts';
import { popupModel } from '../../src/data/popup.ts';
import { reportLayer } from '../../src/layers/registry.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const { version } = JSON.parse(read('package.json')) as { version: string };
const altaVerapaz = (JSON.parse(read('geodata/layers/alta-verapaz.geojson')) as FeatureCollection)
  .features[0];
if (!altaVerapaz) throw new Error('alta-verapaz.geojson has no feature');
const feature: CitedFeature = {
  id: String(altaVerapaz.id),
  ...popupModel(altaVerapaz.properties, reportLayer('alta-verapaz')),
};
const PAGE = 'https://example.org/map/';
// Local noon: the access date is the reader's own calendar day, whatever the time zone.
const context = { pageUrl: PAGE, today: new Date(2026, 11, 2, 12) };

interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

/**
 * Reads BibTeX as BibTeX does: a field's braced value ends at the brace that balances its first, and
 * a backslash escapes nothing. Throws on anything else, so a broken entry fails the test.
 */
function parseBibtex(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  let at = 0;
  const skip = () => {
    while (at < text.length && /\s/.test(text[at] as string)) at++;
  };
  const expectChar = (c: string) => {
    skip();
    if (text[at] !== c) throw new Error(`expected ${c} at ${at}: ${text.slice(at, at + 30)}`);
    at++;
  };
  const word = (pattern: RegExp) => {
    skip();
    const match = pattern.exec(text.slice(at));
    if (!match) throw new Error(`expected ${pattern} at ${at}: ${text.slice(at, at + 30)}`);
    at += match[0].length;
    return match[0];
  };
  for (skip(); at < text.length; skip()) {
    expectChar('@');
    const type = word(/^[a-z]+/);
    expectChar('{');
    const key = word(/^[A-Za-z0-9:_-]+/);
    const fields: Record<string, string> = {};
    expectChar(',');
    for (skip(); text[at] !== '}'; skip()) {
      const name = word(/^[a-z]+/);
      expectChar('=');
      skip();
      let value: string;
      if (text[at] === '{') {
        let depth = 0;
        const start = at;
        do {
          if (text[at] === '{') depth++;
          else if (text[at] === '}') depth--;
          at++;
          if (at > text.length) throw new Error(`unbalanced braces in ${name}`);
        } while (depth > 0);
        value = text.slice(start + 1, at - 1);
      } else value = word(/^[a-z0-9]+/);
      if (name in fields) throw new Error(`field ${name} twice in ${key}`);
      fields[name] = value;
      expectChar(',');
    }
    expectChar('}');
    entries.push({ type, key, fields });
  }
  return entries;
}

interface CslItem {
  id: string;
  type: string;
  title: string;
  URL?: string;
  version?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  'container-title'?: string;
}

/** Part of CSL 1.0.2's item types: those a processor must know to format an item at all. */
const CSL_TYPES = new Set(['article-newspaper', 'dataset', 'map', 'software', 'webpage']);

describe('citeFeature', () => {
  const cited = citeFeature(feature, context);
  const link = `${PAGE}#feature=GT-AV`;

  it('links to the feature, in a link the app opens at that feature', () => {
    expect(featureLink(PAGE, 'GT-AV')).toBe(link);
    expect(parseHash(new URL(link).hash).feature).toBe('GT-AV');
    expect(cited.text).toContain(link);
  });

  it('says in plain text what the feature is, the report it rests on, the map and the day', () => {
    expect(cited.text).toContain('“Alta Verapaz”, feature GT-AV of the Alta Verapaz layer');
    expect(cited.text).toContain('BBC News, 15 January 2012');
    expect(cited.text).toContain('attributed to BBC News; Guatemalan officials');
    expect(cited.text).toContain(`${MAP_TITLE}, version ${version}`);
    expect(cited.text).toContain('Accessed 2 December 2026 (2026-12-02)');
    expect(cited.text).not.toMatch(/\n/);
  });

  it('gives BibTeX that parses: the feature, then the report as its own entry', () => {
    const entries = parseBibtex(cited.bibtex);
    expect(entries.map((e) => `${e.type}:${e.key}`)).toEqual([
      'misc:guatemala-transit-map:GT-AV',
      'misc:bbc-news-2012-01-15',
    ]);
    const [map, report] = entries as [BibEntry, BibEntry];
    expect(map.fields).toMatchObject({
      url: link,
      urldate: '2026-12-02',
      version,
      title: '{Alta Verapaz (feature GT-AV, Alta Verapaz layer)}',
    });
    expect(map.fields.note).toContain('Accessed 2 December 2026');
    expect(map.fields.note).toContain('BBC News, 15 January 2012');
    expect(report.fields).toMatchObject({ year: '2012', month: 'jan', date: '2012-01-15' });
    expect(cited.bibtex).toMatch(/^[\x20-\x7e\n\u00a0-\uffff]*$/);
  });

  it('gives CSL-JSON items of valid types, with the link, version and dates as date-parts', () => {
    const items = JSON.parse(cited.csl) as CslItem[];
    expect(Array.isArray(items)).toBe(true);
    for (const item of items) expect(CSL_TYPES, item.type).toContain(item.type);
    const [item, report] = items as [CslItem, CslItem];
    expect(item).toMatchObject({
      type: 'dataset',
      URL: link,
      version,
      'container-title': MAP_TITLE,
      accessed: { 'date-parts': [[2026, 12, 2]] },
    });
    expect(report).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'BBC News',
      issued: { 'date-parts': [[2012, 1, 15]] },
    });
  });

  it('keeps a hostile name inside its BibTeX field, and its text as text', () => {
    const hostile: CitedFeature = {
      ...feature,
      id: 'x},evil={1',
      title: 'A}, note = {pwned}} @misc{evil, title={x \\ 100% & $5 #1 a_b ^ ~ {',
    };
    const { bibtex, csl, text } = citeFeature(hostile, context);
    const entries = parseBibtex(bibtex);
    expect(entries).toHaveLength(2);
    const fields = entries[0]?.fields ?? {};
    expect(Object.keys(fields).sort()).toEqual(['author', 'note', 'title', 'url', 'urldate', 'version']);
    expect(entries[0]?.key).toBe('guatemala-transit-map:x--evil--1');
    expect(fields.title).toContain('A\\textbraceright{}, note = \\textbraceleft{}pwned');
    expect(fields.title).toContain('100\\% \\& \\$5 \\#1 a\\_b \\textasciicircum{} \\textasciitilde{}');
    expect(fields.title).toContain('x \\textbackslash{} 100');
    expect(fields.url).not.toMatch(/[{}\\]/);
    expect((JSON.parse(csl) as CslItem[])[0]?.title).toContain(hostile.title);
    expect(text).toContain(hostile.title);
  });
});

describe('citeMap', () => {
  const cited = citeMap(context);

  it('cites the map at its address, with its version, the report and the day', () => {
    expect(cited.text).toBe(
      `The Guatemala transit map contributors. ${MAP_TITLE}, version ${version}. ${PAGE}. ` +
        'Accessed 2 December 2026 (2026-12-02). Source: BBC News, 15 January 2012 ' +
        "(report on President Otto Perez Molina ordering Guatemala's army against drug cartels).",
    );
    const [map] = parseBibtex(cited.bibtex);
    expect(map?.key).toBe('guatemala-transit-map');
    expect(map?.fields.url).toBe(PAGE);
    const [item] = JSON.parse(cited.csl) as CslItem[];
    expect(item).toMatchObject({ type: 'map', URL: PAGE, version, title: MAP_TITLE });
    expect(item?.accessed).toEqual({ 'date-parts': [[2026, 12, 2]] });
  });

  it("names the map by the page's own title", () => {
    expect(read('index.html')).toContain(`<title>${MAP_TITLE}</title>`);
  });
});

describe('bibtexEscape', () => {
  it('escapes every character BibTeX or LaTeX reads as markup, and collapses white space', () => {
    expect(bibtexEscape('a&b%c$d#e_f')).toBe('a\\&b\\%c\\$d\\#e\\_f');
    expect(bibtexEscape('{x}\\')).toBe('\\textbraceleft{}x\\textbraceright{}\\textbackslash{}');
    expect(bibtexEscape(' two\n lines ')).toBe('two lines');
    expect(bibtexEscape('map — of 2010–2012')).toBe('map --- of 2010--2012');
  });
});

describe('a schematic route', () => {
  it('is cited as schematic in every form, and an area is not', () => {
    const route = (JSON.parse(read('geodata/layers/transit-flows.geojson')) as FeatureCollection).features[0];
    if (!route) throw new Error('transit-flows.geojson has no feature');
    const cited = citeFeature(
      { id: String(route.id), ...popupModel(route.properties, reportLayer('transit-flows')) },
      context,
    );
    for (const form of [cited.text, cited.bibtex, cited.csl])
      expect(form).toContain('Schematic: the report names countries');
    expect(citeFeature(feature, context).text).not.toContain('Schematic');
  });
});
