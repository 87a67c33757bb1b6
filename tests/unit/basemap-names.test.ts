import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { spanishCountryName } from '../../scripts/basemap/names.ts';
import { ISO_3166_1 } from '../../scripts/basemap/regions.ts';

const committed = (file: string) =>
  readFileSync(new URL(`../../geodata/basemap/${file}`, import.meta.url), 'utf8');
const labels = (JSON.parse(committed('labels.geojson')) as FeatureCollection).features;
const ofKind = (kind: string) => labels.filter((f) => f.properties?.kind === kind);
const nameEs = (id: string) => labels.find((f) => f.id === id)?.properties?.name_es;

describe('the Spanish names of the basemap labels (npm run geodata:basemap)', () => {
  it('name the countries as Spanish does', () => {
    expect(['MEX', 'USA', 'BLZ', 'HND', 'GTM', 'COL', 'SLV'].map(nameEs)).toEqual([
      'México',
      'Estados Unidos',
      'Belice',
      'Honduras',
      'Guatemala',
      'Colombia',
      'El Salvador',
    ]);
  });

  // Not compared with this Node's own CLDR: another Node may name a country otherwise, and the
  // committed names are the ones the map shows until npm run geodata:basemap is run again.
  it('name every country, and SOURCES.md says which CLDR named them', () => {
    const countries = ofKind('country');
    expect(countries.length).toBeGreaterThan(40);
    for (const country of countries) {
      const name = country.properties?.name_es;
      expect(typeof name === 'string' && name.trim().length > 0, String(country.properties?.iso_a3)).toBe(
        true,
      );
    }
    expect(committed('SOURCES.md')).toMatch(/CLDR \d+(\.\d+)*/);
  });

  it("keep each department's Natural Earth name, which is Spanish already", () => {
    const departments = ofKind('department');
    expect(departments).toHaveLength(22);
    for (const d of departments) expect(d.properties?.name_es).toBe(d.properties?.name);
    expect(nameEs('GT-PE')).toBe('Petén');
  });

  it('sit right after the English name in every label', () => {
    for (const label of labels)
      expect(Object.keys(label.properties ?? {}).slice(0, 3)).toEqual(['kind', 'name', 'name_es']);
  });

  it('come from a code table with one alpha-3 and one alpha-2 code a country', () => {
    const codes = Object.values(ISO_3166_1);
    expect(new Set(codes.map(([alpha3]) => alpha3)).size).toBe(codes.length);
    expect(new Set(codes.map(([, alpha2]) => alpha2)).size).toBe(codes.length);
    for (const [alpha3, alpha2] of codes) expect(`${alpha3} ${alpha2}`).toMatch(/^[A-Z]{3} [A-Z]{2}$/);
    expect(() => spanishCountryName('XXX')).toThrow(/no alpha-2 code for XXX/);
  });
});
