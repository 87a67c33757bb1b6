import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/data/dates.ts';
import { parseHash } from '../../src/data/hash.ts';
import { boundaryInWords, shortBoundary, stateText } from '../../src/data/time.ts';
import { en, es, LANGUAGES, preferredLanguage } from '../../src/i18n/index.ts';

/** Every leaf of a catalogue: its path, e.g. "timeline › play", and its value. */
function leaves(node: unknown, path: string[] = []): [string, unknown][] {
  if (typeof node === 'string' || typeof node === 'function') return [[path.join(' › '), node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...path, k]));
}
const kinds = (m: unknown) => leaves(m).map(([path, v]) => `${path}: ${typeof v}`);

describe('the message catalogue', () => {
  it('has every key in every language, of the same kind (the compiler checks it too)', () => {
    for (const messages of Object.values(LANGUAGES)) expect(kinds(messages)).toEqual(kinds(en));
  });

  it('has no empty message, and Spanish is not English left in place', () => {
    for (const messages of Object.values(LANGUAGES))
      for (const [path, value] of leaves(messages))
        if (typeof value === 'string') expect(value.trim(), path).not.toBe('');
    const spanish = new Map(leaves(es));
    // Words the two languages share (file formats, BibTeX, a place's name) aside.
    const same = leaves(en).filter(
      ([path, value]) => typeof value === 'string' && spanish.get(path) === value,
    );
    expect(same.map(([path]) => path)).toEqual([
      'layers › alta-verapaz › name',
      'yourData › encoding › utf-8',
      'yourData › encoding › windows-1252',
      'exportMenu › format › geojson',
      'exportMenu › format › kml',
      'exportMenu › format › csv',
      'exportMenu › format › sld',
      'cite › forms › bibtex',
      'cite › forms › csl',
    ]);
  });
});

describe('the reader’s language', () => {
  it('is the first of the browser’s languages the map speaks, by its primary subtag; else English', () => {
    expect(preferredLanguage(['es-GT', 'en-US'])).toBe('es');
    expect(preferredLanguage(['fr-FR', 'ES'])).toBe('es');
    expect(preferredLanguage(['en-GB', 'es'])).toBe('en');
    expect(preferredLanguage(['fr', 'de'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });

  it('is carried by a link as lang=, and a hostile value is ignored', () => {
    expect(parseHash('#5/16/-90&lang=es').lang).toBe('es');
    expect(parseHash('#lang=en').lang).toBe('en');
    for (const hostile of ['ES', 'es-ES', 'fr', '__proto__', 'constructor', '<script>', 'es%00', ''])
      expect(parseHash(`#5/16/-90&lang=${hostile}`).lang, hostile).toBeUndefined();
  });
});

describe('dates through Intl, at their precision', () => {
  it.each([
    ['2012-01-15', 'day', '15 January 2012', '15 de enero de 2012'],
    ['2006-12', 'month', 'December 2006', 'diciembre de 2006'],
    ['2011', 'year', '2011', '2011'],
    ['2011-02-18', 'day, approximate', 'about 18 February 2011', 'hacia el 18 de febrero de 2011'],
    ['2006-12', 'month, approximate', 'about December 2006', 'hacia diciembre de 2006'],
  ])('%s (%s)', (iso, precision, english, spanish) => {
    expect(formatDate(iso, precision, en)).toBe(english);
    expect(formatDate(iso, precision, es)).toBe(spanish);
  });

  it('in sentences, as a boundary is known, and short for the map', () => {
    const day = {
      date: '2010-12-19',
      precision: 'day',
      earliest: '2010-12-19',
      latest: '2010-12-19',
      source: 's',
    };
    const month = {
      date: '2006-12',
      precision: 'month',
      earliest: '2006-12-01',
      latest: '2006-12-31',
      source: 's',
    };
    expect(boundaryInWords(day, es)).toBe('el 19 de diciembre de 2010');
    expect(boundaryInWords(month, es)).toBe('algún día de diciembre de 2006');
    expect(boundaryInWords(month, en)).toBe('some day in December 2006');
    expect(shortBoundary(day, en)).toBe('19 Dec 2010');
    expect(shortBoundary(day, es)).toBe('19 dic 2010');
    expect(shortBoundary(month, es)).toBe('dic 2006');
    const interval = {
      start: day,
      end: { ...day, date: '2011-02-18', earliest: '2011-02-18', latest: '2011-02-18' },
    };
    expect(stateText(interval, '2011-01-01', es)).toBe(
      'Vigente el 1 de enero de 2011, desde el 19 de diciembre de 2010',
    );
    expect(stateText(interval, '2012-01-15', es)).toBe(
      'Terminó el 18 de febrero de 2011: ya no vigente el 15 de enero de 2012',
    );
    expect(stateText(interval, '2012-01-15', en)).toBe(
      'Ended 18 February 2011: no longer in force on 15 January 2012',
    );
  });
});
