import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../../src/your-data/read.ts';
import { skippedText } from '../../../src/your-data/types.ts';
import { coords, props, read } from './helpers.ts';

describe('CSV and TSV', () => {
  it('reads a Spanish Excel CSV: Windows-1252, semicolons, decimal commas, "Petén"', () => {
    const data = read('spanish-excel/incautaciones.csv');
    expect(data.format).toBe('csv');
    expect(data.encoding).toBe('windows-1252');
    expect(data.columns).toEqual(['Fecha', 'Departamento', 'Latitud', 'Longitud', 'Kilos']);
    expect(props(data, 1).Departamento).toBe('Petén');
    expect(coords(data)).toEqual([
      [-90.3708, 15.4708],
      [-89.8833, 16.9333],
      [-89.6237, 17.2211],
    ]);
    expect(props(data, 0).Kilos).toBe(1200.5);
    expect(data.rows).toEqual([2, 3, 5]);
    expect(data.skipped.map(skippedText)).toEqual(['1 of 4 rows had no coordinates: row 4']);
  });

  it('asks for the order of day/month dates once, and never guesses it', () => {
    const first = read('spanish-excel/incautaciones.csv');
    expect(first.dates).toBeUndefined();
    expect(first.questions).toEqual([
      {
        kind: 'date-order',
        column: 'Fecha',
        examples: ['19/12/2010', '03/01/2011', '14/03/2011'],
        evident: 'day-first',
      },
    ]);
    const dayFirst = read('spanish-excel/incautaciones.csv', { dateOrder: 'day-first' });
    expect(dayFirst.questions).toEqual([]);
    expect(dayFirst.dates?.order).toBe('day-first');
    expect(dayFirst.dates?.values.map((d) => d?.date)).toEqual(['2010-12-19', '2011-01-03', '2011-03-14']);
    // Read month-first, 19/12 and 14/03 are no dates: the reader's answer is obeyed, and they are told.
    const monthFirst = read('spanish-excel/incautaciones.csv', { dateOrder: 'month-first' });
    expect(monthFirst.dates?.values.map((d) => d?.date ?? null)).toEqual([null, '2011-03-01', null]);
    expect(monthFirst.skipped.map(skippedText)).toContain(
      '2 of 3 rows had a date that does not read as a date, and are drawn undated: rows 2, 5',
    );
  });

  it('reads UTF-8 with a byte-order mark, English names, and dates of each precision', () => {
    const data = read('bom-csv/seizures.csv');
    expect(data.encoding).toBe('utf-8-bom');
    expect(data.columns[0]).toBe('name'); // not "\uFEFFname"
    expect(props(data, 0).name).toBe('Cobán airstrip');
    expect(data.dates?.column).toBe('date');
    expect(data.dates?.values.map((d) => d && [d.date, d.unit, d.earliest, d.latest])).toEqual([
      ['2011', 'year', '2011-01-01', '2011-12-31'],
      ['2011-03', 'month', '2011-03-01', '2011-03-31'],
      ['2011-03-04', 'day', '2011-03-04', '2011-03-04'],
      ['2011-03-04', 'day', '2011-03-04', '2011-03-04'],
      null,
    ]);
    expect(data.skipped.map(skippedText)).toEqual([
      '1 of 6 rows had no coordinates: row 6',
      '1 of 5 rows had a date that does not read as a date, and are drawn undated: row 7',
    ]);
  });

  it('reads a TSV with upper-case and short coordinate names', () => {
    const data = read('tsv/airstrips.tsv');
    expect(data.encoding).toBe('utf-8');
    expect(coords(data)).toEqual([
      [-90.2, 16.1],
      [-90.3, 16.2],
    ]);
    expect(props(data, 1).pista).toBe('Pista Dos');
  });

  it('reads geometry from a WKT column, skipping a cell that is not WKT', () => {
    const data = read('wkt-csv/routes.csv');
    expect(data.features.map((f) => f.geometry.type)).toEqual(['LineString', 'Polygon']);
    expect(data.skipped.map(skippedText)).toEqual(['1 of 3 rows had no coordinates: row 4']);
  });

  it('asks which columns hold coordinates when it knows none, then reads with the answer', () => {
    const first = read('unrecognised-csv/puntos.csv');
    expect(first.features).toEqual([]);
    expect(first.questions).toEqual([
      { kind: 'coordinates', columns: ['lugar', 'norte', 'este'], sample: ['Cobán', '15.4708', '-90.3708'] },
    ]);
    const answered = read('unrecognised-csv/puntos.csv', {
      coordinates: { latitude: 'norte', longitude: 'este' },
    });
    expect(answered.questions).toEqual([]);
    expect(coords(answered)).toEqual([
      [-90.3708, 15.4708],
      [-89.8833, 16.9333],
    ]);
  });

  it('recognises Spanish, accented and upper-case column names', () => {
    const csv = 'Lugar;LATITÚD;Longitúd\nCobán;15,47;-90,37\n';
    const data = readFile(strToU8(csv), 'x.csv');
    expect(data.ok && coords(data)).toEqual([[-90.37, 15.47]]);
  });

  it('says which rows had coordinates beyond the globe, offering no swap where it would not help', () => {
    const data = read('rules/out-of-range.csv');
    expect(data.questions).toEqual([]);
    expect(data.skipped.map(skippedText)).toEqual([
      '2 of 3 rows had coordinates beyond ±90 latitude or ±180 longitude (projected, or swapped?): rows 2, 3',
    ]);
  });

  it('numbers the columns of a file without a header, and asks which hold coordinates', () => {
    const csv = strToU8('15,47;-90,37;Cobán\n16,93;-89,88;Flores\n');
    const first = readFile(csv, 'sin-cabecera.csv');
    expect(first.ok && first.questions).toEqual([
      {
        kind: 'coordinates',
        columns: ['column 1', 'column 2', 'column 3'],
        sample: ['15,47', '-90,37', 'Cobán'],
      },
    ]);
    const answered = readFile(csv, 'sin-cabecera.csv', {
      coordinates: { latitude: 'column 1', longitude: 'column 2' },
    });
    expect(answered.ok && [coords(answered), answered.rows]).toEqual([
      [
        [-90.37, 15.47],
        [-89.88, 16.93],
      ],
      [1, 2],
    ]);
  });

  it('offers to swap latitude and longitude when that puts every row beyond the world in it', () => {
    const csv = strToU8('lat,lon,name\n-90.37,15.47,Cobán\n-91.52,16.1,Huehuetenango\n');
    const first = readFile(csv, 'swapped.csv');
    expect(first.ok && [first.features.length, first.questions]).toEqual([
      0,
      [{ kind: 'swap', why: 'beyond-world', latitude: 'lon', longitude: 'lat', rows: 2 }],
    ]);
    const swapped = readFile(csv, 'swapped.csv', { coordinates: { latitude: 'lon', longitude: 'lat' } });
    expect(swapped.ok && coords(swapped)).toEqual([
      [-90.37, 15.47],
      [-91.52, 16.1],
    ]);
  });

  it("reads Excel's Unicode Text: UTF-16 with its mark, tabs, decimal commas", () => {
    const data = read('excel-unicode-text/sitios.txt');
    expect([data.format, data.encoding, data.columns]).toEqual([
      'csv',
      'utf-16le',
      ['Nombre', 'Latitud', 'Longitud'],
    ]);
    expect(data.features.map((f) => f.properties?.Nombre)).toEqual(['Petén', 'Cobán']);
    expect(coords(data)).toEqual([
      [-89.8833, 16.9333],
      [-90.3708, 15.4708],
    ]);
  });
});
