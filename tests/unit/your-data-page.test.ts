import { describe, expect, it } from 'vitest';
import {
  type KeyValue,
  type StoredFile,
  storedFile,
  YourDataStore,
} from '../../src/files/your-data-store.ts';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { pictureFrame } from '../../src/picture/frame.ts';
import { featureCount, problemLine, readLines, skippedLine } from '../../src/ui/your-data-words.ts';
import { formatReadProblem, RULES, skippedText } from '../../src/your-data/open.ts';
import type { Skipped, YourData } from '../../src/your-data/types.ts';

describe("what the page says of a reader's file", () => {
  const skipped: Skipped = {
    rule: 'no-coordinates',
    count: 7,
    of: 1200,
    unit: 'rows',
    first: [3, 9, 12, 40, 41],
  };

  it("words every rule in English as the readers' own table does", () => {
    expect(en.yourData.rules).toEqual(RULES);
    expect(Object.keys(es.yourData.rules).sort()).toEqual(Object.keys(RULES).sort());
  });

  it('says what was skipped as skippedText does, and in Spanish', () => {
    expect(skippedLine(skipped, en)).toBe(skippedText(skipped).replace('1200', '1,200'));
    expect(skippedLine(skipped, en)).toBe('7 of 1,200 rows had no coordinates: rows 3, 9, 12, 40, 41, …');
    expect(skippedLine({ ...skipped, count: 1, first: [3] }, en)).toBe(
      '1 of 1,200 rows had no coordinates: row 3',
    );
    expect(skippedLine(skipped, es)).toMatch(
      /^7 de 1\.?200 filas no tenían coordenadas: filas 3, 9, 12, 40, 41, …$/,
    );
  });

  it('says a refusal in one line, as formatReadProblem does, and in Spanish', () => {
    const problem = {
      file: 'bad\n.geojson',
      rule: 'json' as const,
      detail: 'Unexpected token\n}',
      at: { line: 3, column: 7 },
    };
    expect(problemLine(problem, en)).toBe(formatReadProblem(problem));
    expect(problemLine(problem, es)).toBe(
      'bad .geojson: línea 3, columna 7: no es un JSON válido: Unexpected token }',
    );
  });

  it('counts features in the page language, one or many', () => {
    expect(featureCount(1, en)).toBe('1 feature');
    expect(featureCount(12000, en)).toBe('12,000 features');
    expect(featureCount(1, es)).toBe('1 entidad');
  });

  it('announces a read file: its count, then what was left out', () => {
    const data = {
      ok: true,
      file: 'seizures.csv',
      format: 'csv',
      features: [
        { type: 'Feature', id: 0, geometry: { type: 'Point', coordinates: [0, 0] }, properties: {} },
      ],
      columns: [],
      skipped: [skipped],
      questions: [],
      problems: [],
    } satisfies YourData;
    expect(readLines(data, en)).toEqual([
      'Added seizures.csv: 1 feature.',
      '7 of 1,200 rows had no coordinates: rows 3, 9, 12, 40, 41, …',
    ]);
  });
});

/** A Map with idb-keyval's shape, values cloned as IndexedDB clones them. */
function fakeStore(): KeyValue & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (key) => map.get(key),
    set: async (key, value) => {
      map.set(key, structuredClone(value));
    },
    del: async (key) => {
      map.delete(key);
    },
    values: async () => [...map.values()],
  };
}

describe("keeping the reader's files", () => {
  const file = (id: string, added: number): StoredFile => ({
    id,
    name: `${id}.csv`,
    bytes: new Blob(['lat,lon\n15,-90\n']),
    read: { coordinates: { latitude: 'norte', longitude: 'este' }, dateOrder: 'day-first' },
    colour: 1,
    visible: true,
    added,
  });

  it('keeps bytes, name and answers, lists them oldest first, and forgets a removed one', async () => {
    const kept = fakeStore();
    const store = new YourDataStore(kept);
    await store.put(file('b', 2));
    await store.put(file('a', 1));
    await store.put(file('c', 3));
    const listed = await store.list();
    expect(listed.map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(listed[0]?.read).toEqual({
      coordinates: { latitude: 'norte', longitude: 'este' },
      dateOrder: 'day-first',
    });
    expect(await listed[0]?.bytes.text()).toBe('lat,lon\n15,-90\n');
    await store.update('b', { visible: false });
    expect((await store.list()).find((f) => f.id === 'b')?.visible).toBe(false);
    await store.remove('b');
    expect((await store.list()).map((f) => f.id)).toEqual(['a', 'c']);
  });

  it('keeps the column a file is coloured by, and forgets it when the reader goes back to one colour', async () => {
    const store = new YourDataStore(fakeStore());
    await store.put(file('a', 1));
    expect((await store.list())[0]?.colourBy).toBeUndefined();
    await store.update('a', { colourBy: '__proto__' });
    expect((await store.list())[0]?.colourBy).toBe('__proto__');
    await store.update('a', { colourBy: undefined });
    expect((await store.list())[0]).not.toHaveProperty('colourBy');
    expect(storedFile({ ...file('z', 1), colourBy: 7 })).not.toHaveProperty('colourBy');
  });

  it('leaves out what does not read as a kept file', async () => {
    const kept = fakeStore();
    kept.map.set('x', { id: 'x', name: 'x.csv', bytes: 'not a blob', colour: 0, visible: true, added: 1 });
    kept.map.set('y', null);
    await new YourDataStore(kept).put(file('ok', 5));
    expect((await new YourDataStore(kept).list()).map((f) => f.id)).toEqual(['ok']);
    expect(storedFile({ ...file('z', 1), read: 'nonsense' })?.read).toBeUndefined();
  });
});

describe("a picture with the reader's files", () => {
  const file = (name: string) => ({ name, colour: '#1e88e5', features: [] });
  const frame = (yourFiles?: string[]) =>
    pictureFrame({
      visible: ['alta-verapaz'],
      permalink: '',
      t: es,
      ...(yourFiles ? { yourFiles: yourFiles.map(file) } : {}),
    });

  it('credits them apart from the report, in the page language', () => {
    expect(frame(['incautaciones.csv', 'pistas.kml']).credits).toEqual([
      ...frame().credits,
      'Tus datos: incautaciones.csv, pistas.kml',
    ]);
    expect(frame([]).credits).toEqual(frame().credits);
    expect(frame().credits.join(' ')).not.toContain('Tus datos');
  });

  it('keys them under their own heading, never among the report’s layers', () => {
    const both = frame(['incautaciones.csv', 'pistas.kml']);
    expect(both.legend.map((e) => e.name)).toEqual(frame().legend.map((e) => e.name));
    expect(both.yours).toEqual({
      title: 'Tus datos',
      entries: [
        { label: 'incautaciones.csv', colour: '#1e88e5' },
        { label: 'pistas.kml', colour: '#1e88e5' },
      ],
    });
    expect(frame().yours).toBeNull();
    expect(frame([]).yours).toBeNull();
  });
});
