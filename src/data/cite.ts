import { version } from '../../package.json';
import { en, type Messages } from '../i18n/index.ts';
import { formatDate } from './dates.ts';
import { formatHash } from './hash.ts';
import type { PopupModel } from './popup.ts';

/** The page's `<title>` (index.html; a unit test keeps the two the same). */
export const MAP_TITLE =
  'Cocaine transit routes through Guatemala — map of a BBC News report (15 January 2012)';
/** As LICENSE and CITATION.cff name them. */
export const MAP_AUTHOR = 'The Guatemala transit map contributors';
export const MAP_VERSION: string = version;

/**
 * The one report every feature rests on. The repository keeps neither its headline nor its address,
 * only what LICENSE_DATA.md says of it, so a citation describes it in brackets rather than invent one.
 */
export const REPORT = {
  publisher: 'BBC News',
  issued: [2012, 1, 15] as const,
  attribution: 'BBC News, 15 January 2012',
  description: "report on President Otto Perez Molina ordering Guatemala's army against drug cartels",
} as const;

/** BibTeX keys: ASCII, stable across versions and days, so a bibliography can keep them. */
export const KEYS = { map: 'guatemala-transit-map', report: 'bbc-news-2012-01-15' } as const;

/** A feature as its popup describes it (`title` is its name), and its id. */
export type CitedFeature = { id: string } & Pick<
  PopupModel,
  'title' | 'layerName' | 'source' | 'attributedTo' | 'schematicNote'
>;

export interface CiteContext {
  /** The page's address without its hash (and without `?embed`): where the map lives. */
  pageUrl: string;
  /** The day the reader sees the map: the access date, in the reader's own calendar day. */
  today: Date;
  /** The words around the names, and the date, in the reader's language; English by default. */
  t?: Messages;
}

export interface Citation {
  text: string;
  bibtex: string;
  /** CSL-JSON: an array of CSL items, as Zotero, Pandoc and citeproc read it. */
  csl: string;
}

/** The link that opens the map at its default view with this feature's popup open. */
export const featureLink = (pageUrl: string, id: string): string =>
  `${pageUrl}${formatHash({ feature: id })}`;

/** The access date: the reader's own calendar day, as date-parts, ISO 8601 and in words. */
export function accessed(today: Date, t: Messages = en) {
  const parts = [today.getFullYear(), today.getMonth() + 1, today.getDate()] as const;
  const iso = parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
  return { parts, iso, words: formatDate(iso, 'day', t) };
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Text for a braced BibTeX field. Braces become commands rather than `\{`, since BibTeX counts even
 * escaped braces when it finds a field's end: a name from the data can never close its field.
 */
export function bibtexEscape(text: string): string {
  const commands: Record<string, string> = {
    '\\': '\\textbackslash{}',
    '{': '\\textbraceleft{}',
    '}': '\\textbraceright{}',
    '^': '\\textasciicircum{}',
    '~': '\\textasciitilde{}',
  };
  return collapse(text)
    .replace(/[\\{}^~&%$#_]/g, (c) => commands[c] ?? `\\${c}`)
    .replace(/—/g, '---')
    .replace(/–/g, '--');
}

/** A URL for BibTeX's `url` field, read verbatim: only what could end the field is encoded. */
const bibtexUrl = (url: string): string => url.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c));

/** A feature's id in a key: anything but ASCII letters, digits and `-` becomes `-`. */
const keyPart = (id: string): string => id.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 64);

function bibtexEntry(type: string, key: string, fields: [string, string | undefined][]): string {
  const lines = fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([name, value]) => `  ${name} = ${value},`);
  return `@${type}{${key},\n${lines.join('\n')}\n}`;
}

const braced = (text: string) => `{${bibtexEscape(text)}}`;
/** Double braces keep a title's or a team's capitals as written. */
const protectedText = (text: string) => `{{${bibtexEscape(text)}}}`;

/** The report's bracketed stand-in for a title: a description, marked as one. */
const reportTitle = `[${REPORT.description.charAt(0).toUpperCase()}${REPORT.description.slice(1)}]`;

const sourceWords = (source: string): string =>
  source === REPORT.attribution ? `${source} (${REPORT.description})` : source;

function reportBibtex(): string {
  return bibtexEntry('misc', KEYS.report, [
    ['author', protectedText(REPORT.publisher)],
    ['title', protectedText(reportTitle)],
    ['howpublished', braced(REPORT.publisher)],
    ['year', '{2012}'],
    ['month', 'jan'],
    ['date', '{2012-01-15}'],
    ['note', braced(`${REPORT.attribution}. Headline not recorded here: the title is a description`)],
  ]);
}

const reportCsl = () => ({
  id: KEYS.report,
  type: 'article-newspaper',
  title: reportTitle,
  'container-title': REPORT.publisher,
  issued: { 'date-parts': [[...REPORT.issued]] },
});

function mapCslBase(day: ReturnType<typeof accessed>) {
  return {
    author: [{ literal: MAP_AUTHOR }],
    version: MAP_VERSION,
    accessed: { 'date-parts': [[...day.parts]] },
  };
}

/** The whole map: its title, version, address and the day it was seen, and the report it draws on. */
export function citeMap({ pageUrl, today, t = en }: CiteContext): Citation {
  const day = accessed(today, t);
  const w = t.citation;
  const text =
    `${MAP_AUTHOR}. ${MAP_TITLE}, ${w.version(MAP_VERSION)}. ${pageUrl}. ` +
    `${w.accessed(day.words)} (${day.iso}). ${w.source(sourceWords(REPORT.attribution))}.`;
  const bibtex = [
    bibtexEntry('misc', KEYS.map, [
      ['author', protectedText(MAP_AUTHOR)],
      ['title', protectedText(MAP_TITLE)],
      ['version', braced(MAP_VERSION)],
      ['url', `{${bibtexUrl(pageUrl)}}`],
      ['urldate', `{${day.iso}}`],
      [
        'note',
        braced(`${w.Version(MAP_VERSION)}. ${w.accessed(day.words)}. ${w.source(REPORT.attribution)}`),
      ],
    ]),
    reportBibtex(),
  ].join('\n\n');
  const items = [
    {
      id: KEYS.map,
      type: 'map',
      title: MAP_TITLE,
      ...mapCslBase(day),
      URL: pageUrl,
      note: w.source(REPORT.attribution),
    },
    reportCsl(),
  ];
  return { text, bibtex: `${bibtex}\n`, csl: JSON.stringify(items, null, 2) };
}

/** One feature: its name and layer, the link that opens it, what it rests on, and the map it is in. */
export function citeFeature(feature: CitedFeature, { pageUrl, today, t = en }: CiteContext): Citation {
  const day = accessed(today, t);
  const w = t.citation;
  const link = featureLink(pageUrl, feature.id);
  const title = w.featureTitle(feature.title, feature.id, feature.layerName);
  // A schematic route is cited as one: the line is not a path anyone reported.
  const basis = `${w.source(sourceWords(feature.source))}${feature.attributedTo ? w.attributedTo(feature.attributedTo) : ''}${feature.schematicNote ? w.schematic : ''}`;
  const text =
    `${w.featureOf(feature.title, feature.id, feature.layerName)}. ${w.in}: ${MAP_AUTHOR}, ` +
    `${MAP_TITLE}, ${w.version(MAP_VERSION)}. ${link}. ${w.accessed(day.words)} (${day.iso}). ${basis}.`;
  const note = `${w.in}: ${MAP_TITLE}, ${w.version(MAP_VERSION)}. ${w.accessed(day.words)}. ${basis}`;
  const bibtex = [
    bibtexEntry('misc', `${KEYS.map}:${keyPart(feature.id)}`, [
      ['author', protectedText(MAP_AUTHOR)],
      ['title', protectedText(title)],
      ['version', braced(MAP_VERSION)],
      ['url', `{${bibtexUrl(link)}}`],
      ['urldate', `{${day.iso}}`],
      ['note', braced(note)],
    ]),
    reportBibtex(),
  ].join('\n\n');
  const items = [
    {
      id: `${KEYS.map}:${keyPart(feature.id)}`,
      type: 'dataset',
      title,
      'container-title': MAP_TITLE,
      ...mapCslBase(day),
      URL: link,
      note: basis,
    },
    reportCsl(),
  ];
  return { text, bibtex: `${bibtex}\n`, csl: JSON.stringify(items, null, 2) };
}
