import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/data/json.ts';
import {
  formatProblem,
  type Problem,
  type Rule,
  validateAll,
  validateFeatureCollection,
} from '../../src/data/validate.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);

function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
}

function fixturePath(rule: Rule): string {
  return `tests/fixtures/invalid/${rule}.geojson`;
}

/**
 * The one line each invalid fixture must produce. A Record, so the compiler insists every rule has a
 * fixture. id-unique across files needs two files: it is tested inline with validateAll below.
 */
const EXPECTED_LINE: Record<Rule, string> = {
  json: 'line 13, column 19: json: Unexpected end of JSON input: is the file cut short?',
  geojson: 'feature fixture-2: geojson: coordinates must have at least two elements',
  finite: 'feature fixture-2: finite: Infinity at coordinates[1]',
  longitude: 'feature fixture-2: longitude: -190.52 at coordinates[0]',
  latitude: 'feature fixture-2: latitude: -90.513 at coordinates[1]',
  'ring-closed': 'feature fixture-2: ring-closed: [-90.6,15.3] != [-90.6,15.35] at coordinates[0]',
  'ring-length': 'feature fixture-2: ring-length: 3 positions at coordinates[0]',
  'winding-exterior': 'feature fixture-2: winding-exterior: clockwise at coordinates[0]',
  'winding-hole': 'feature fixture-2: winding-hole: counter-clockwise at coordinates[1]',
  precision: 'feature fixture-2: precision: -90.5134567 at coordinates[0]',
  dimensions: 'feature fixture-2: dimensions: [-90.513,14.642,1500,0] at coordinates',
  crs: 'feature (collection): crs: {"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}}',
  'id-missing': 'feature #1: id-missing: 2 (number)',
  'id-unique': 'feature fixture-1: id-unique: fixture-1 at #1 (first at #0)',
  'property-type': 'feature fixture-2: property-type: population is string, was number on fixture-1',
  'property-flat': 'feature fixture-2: property-flat: source: {"outlet":"BBC News","date":"2012-01-15"}',
  'property-required': 'feature fixture-2: property-required: name',
  date: 'feature fixture-2: date: date_start: "2012-13-45" is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)',
  excerpt: 'feature fixture-2: excerpt: excerpt_2: "" is not a non-empty string (or null for no quote)',
  'date-order': 'feature fixture-2: date-order: date_end "2010-11" is before date_start "2010-12-19"',
  'date-precision':
    'feature fixture-2: date-precision: date_start_precision: "day", but "2006-12" is a month',
  translation:
    'feature fixture-2: translation: note_es: null, needed beside note "Schematic: not an actual route."',
};

const CASES = (Object.entries(EXPECTED_LINE) as [Rule, string][]).map(([rule, line]) => ({
  rule,
  expectedLine: `${fixturePath(rule)}: ${line}`,
}));

const REQUIRED = ['name'] as const;
const TRANSLATED = ['name', 'label', 'note'] as const;

function rulesOf(problems: readonly Problem[]): Rule[] {
  return [...new Set(problems.map((p) => p.rule))];
}

/** A collection of one feature with a string id, for the inline cases. */
function collectionOf(geometry: unknown, properties: unknown = { name: 'x' }, id: unknown = 'fixture-1') {
  return { type: 'FeatureCollection', features: [{ type: 'Feature', id, geometry, properties }] };
}

function check(input: unknown, required: readonly string[] = []): string[] {
  return validateFeatureCollection(input, { file: 'inline.geojson', required }).map(formatProblem);
}

describe('validateFeatureCollection on the fixtures', () => {
  it('has exactly one invalid fixture per rule', () => {
    const files = readdirSync(new URL('invalid/', FIXTURES)).sort();
    expect(files).toEqual(CASES.map((c) => `${c.rule}.geojson`).sort());
  });

  it('accepts the valid fixture, with name required', () => {
    const file = 'tests/fixtures/valid/minimal.geojson';
    expect(
      validateFeatureCollection(readFixture('valid/minimal.geojson'), { file, required: REQUIRED }),
    ).toEqual([]);
  });

  // Read as text, as the gate reads a source, so the one fixture that is not JSON goes through it too.
  it.each(CASES)('the $rule fixture breaks only $rule', ({ rule, expectedLine }) => {
    const file = fixturePath(rule);
    const required = rule === 'property-required' ? REQUIRED : undefined;
    const translated = rule === 'translation' ? TRANSLATED : undefined;
    const parsed = parseJson(readFileSync(new URL(`invalid/${rule}.geojson`, FIXTURES), 'utf8'), file);
    const problems = parsed.ok
      ? validateFeatureCollection(parsed.value, { file, required, translated })
      : [parsed.problem];
    expect(rulesOf(problems)).toEqual([rule]);
    expect(problems.map(formatProblem)).toEqual([expectedLine]);
  });
});

describe('validateAll', () => {
  // Inline rather than a second fixture pair: the two collections differ only in the file they claim.
  it('reports an id reused in another file, under the later file', () => {
    const point = { type: 'Point', coordinates: [-90.513, 14.642] };
    const problems = validateAll([
      { file: 'a.geojson', data: collectionOf(point) },
      { file: 'b.geojson', data: collectionOf(point, { name: 'y' }, 'fixture-2') },
      { file: 'c.geojson', data: collectionOf(point) },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'c.geojson: feature fixture-1: id-unique: fixture-1 at #0 (first in a.geojson)',
    ]);
  });

  it('passes each file its own required keys and keeps per-file problems', () => {
    const problems = validateAll([
      { file: 'valid.geojson', data: readFixture('valid/minimal.geojson'), required: REQUIRED },
      { file: 'missing.geojson', data: collectionOf(null, {}, 'other-1'), required: ['name'] },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'missing.geojson: feature other-1: property-required: name',
    ]);
  });
});

describe('coordinate rules beyond the fixtures', () => {
  it.each([
    { value: 1e-7, flagged: true },
    { value: 1.5e-7, flagged: true },
    { value: 0.1 + 0.2, flagged: true },
    { value: 123.4567891, flagged: true },
    { value: 123.456789, flagged: false },
    { value: 0.000001, flagged: false },
    { value: 1e21, flagged: false },
    { value: 1500, flagged: false },
  ])('precision of altitude $value: flagged $flagged', ({ value, flagged }) => {
    const lines = check(collectionOf({ type: 'Point', coordinates: [-90.513, 14.642, value] }));
    expect(lines).toEqual(
      flagged ? [`inline.geojson: feature fixture-1: precision: ${String(value)} at coordinates[2]`] : [],
    );
  });

  it('accepts the ±180 and ±90 bounds themselves', () => {
    expect(
      check(
        collectionOf({
          type: 'MultiPoint',
          coordinates: [
            [-180, -90],
            [180, 90],
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('names the path inside a MultiPolygon and a GeometryCollection', () => {
    const clockwise = [
      [-90.6, 15.3],
      [-90.6, 15.6],
      [-90.2, 15.6],
      [-90.2, 15.3],
      [-90.6, 15.3],
    ];
    const geometry = {
      type: 'GeometryCollection',
      geometries: [
        {
          type: 'MultiLineString',
          coordinates: [
            [
              [-90.5, 14.6],
              [-90.4, 91],
            ],
          ],
        },
        { type: 'MultiPolygon', coordinates: [[clockwise]] },
      ],
    };
    expect(check(collectionOf(geometry))).toEqual([
      'inline.geojson: feature fixture-1: latitude: 91 at geometries[0].coordinates[0][1][1]',
      'inline.geojson: feature fixture-1: winding-exterior: clockwise at geometries[1].coordinates[0][0]',
    ]);
  });

  it('reports NaN, which only JavaScript callers can produce', () => {
    expect(check(collectionOf({ type: 'Point', coordinates: [Number.NaN, 14.6] }))).toEqual([
      'inline.geojson: feature fixture-1: finite: NaN at coordinates[0]',
    ]);
  });

  it('flags a crs member on a feature too', () => {
    const input = collectionOf(null);
    const feature = { ...input.features[0], crs: { type: 'name' } };
    expect(check({ ...input, features: [feature] })).toEqual([
      'inline.geojson: feature fixture-1: crs: {"type":"name"}',
    ]);
  });
});

describe('property rules beyond the fixtures', () => {
  it('lets null stand in for any type and count as present', () => {
    const input = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'a', geometry: null, properties: { name: null, rank: 1 } },
        { type: 'Feature', id: 'b', geometry: null, properties: { name: 'x', rank: null } },
      ],
    };
    expect(check(input, ['name', 'rank'])).toEqual([]);
  });

  it('reports a missing id with the feature index, and an array as non-flat', () => {
    const input = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: null, properties: { name: 'x', tags: ['a'] } }],
    };
    expect(check(input)).toEqual([
      'inline.geojson: feature #0: id-missing: (absent)',
      'inline.geojson: feature #0: property-flat: tags: ["a"]',
    ]);
  });

  it('treats every required key as missing when properties is null', () => {
    expect(check(collectionOf(null, null), ['name'])).toEqual([
      'inline.geojson: feature fixture-1: property-required: name',
    ]);
  });
});

describe("the Spanish of the project's own words, beyond the fixture", () => {
  const translate = (properties: Record<string, unknown>) =>
    validateFeatureCollection(collectionOf(null, properties), {
      file: 'inline.geojson',
      translated: TRANSLATED,
    }).map(formatProblem);

  it('asks for each Spanish column beside its English, as text, and for none beside no English', () => {
    expect(translate({ name: 'Mexico', name_es: 'México', label: null, note: null })).toEqual([]);
    expect(
      translate({ name: 'Mexico', label: 'Since Dec 2006', label_es: '  ', note_es: 'Esquemática' }),
    ).toEqual([
      'inline.geojson: feature fixture-1: translation: name_es: absent, needed beside name "Mexico"',
      'inline.geojson: feature fixture-1: translation: label_es: "  ", needed beside label "Since Dec 2006"',
      'inline.geojson: feature fixture-1: translation: note_es: "Esquemática" without a note',
    ]);
  });

  it('leaves the excerpts alone: they are quoted in English, never translated', () => {
    expect(translate({ name: 'x', name_es: 'x', excerpt: 'The report says so.' })).toEqual([]);
  });
});

describe('malformed input', () => {
  const MALFORMED: { label: string; input: unknown }[] = [
    { label: 'null', input: null },
    { label: '42', input: 42 },
    { label: '"x"', input: 'x' },
    { label: 'an array', input: [] },
    { label: '{}', input: {} },
    { label: 'a collection without features', input: { type: 'FeatureCollection' } },
    { label: 'features that is not an array', input: { type: 'FeatureCollection', features: 'x' } },
    {
      label: 'features that are not objects',
      input: { type: 'FeatureCollection', features: [null, 1, 'a', [[]]] },
    },
    { label: 'a bare Polygon with an empty ring', input: { type: 'Polygon', coordinates: [[]] } },
    { label: 'a Polygon with an empty ring', input: collectionOf({ type: 'Polygon', coordinates: [[]] }) },
    {
      label: 'a MultiPolygon with an empty ring',
      input: collectionOf({ type: 'MultiPolygon', coordinates: [[[]]] }),
    },
    {
      label: 'a ring of nulls',
      input: collectionOf({ type: 'Polygon', coordinates: [[null, null, null, null]] }),
    },
    { label: 'null Point coordinates', input: collectionOf({ type: 'Point', coordinates: null }) },
    { label: 'null Polygon coordinates', input: collectionOf({ type: 'Polygon', coordinates: null }) },
    { label: 'missing coordinates', input: collectionOf({ type: 'LineString' }) },
    {
      label: 'coordinates not arrays',
      input: collectionOf({ type: 'MultiLineString', coordinates: [1, 'a'] }),
    },
    { label: 'a string position', input: collectionOf({ type: 'Point', coordinates: ['-90.5', '14.6'] }) },
    { label: 'an unknown geometry type', input: collectionOf({ type: 'Circle', radius: 3 }) },
    { label: 'a string geometry', input: collectionOf('POINT (-90.5 14.6)') },
    {
      label: 'geometries not an array',
      input: collectionOf({ type: 'GeometryCollection', geometries: null }),
    },
    { label: 'properties as an array', input: collectionOf(null, ['name']) },
    { label: 'a deeply nested GeometryCollection', input: collectionOf(nestedCollections(5000)) },
  ];

  it.each(MALFORMED)('reports $label without throwing', ({ input }) => {
    let problems: Problem[] = [];
    expect(() => {
      problems = validateFeatureCollection(input, { file: 'bad.geojson', required: REQUIRED });
    }).not.toThrow();
    expect(problems.length).toBeGreaterThan(0);
    expect(rulesOf(problems)).toContain('geojson');
    for (const line of problems.map(formatProblem)) expect(line).not.toMatch(/[\r\n]/);
  });

  it('turns a geojson-validation throw into a problem under the feature id', () => {
    const [thrown, ...rest] = check(collectionOf({ type: 'Polygon', coordinates: [[]] }));
    expect(thrown).toMatch(
      /^inline\.geojson: feature fixture-1: geojson: geojson-validation threw: TypeError: /,
    );
    expect(rest).toEqual(['inline.geojson: feature fixture-1: ring-length: 0 positions at coordinates[0]']);
  });

  it('says what the input was instead of a FeatureCollection', () => {
    expect(check(null)).toEqual([
      'inline.geojson: feature (collection): geojson: expected a FeatureCollection object, got null',
    ]);
    expect(check({ type: 'Feature' })).toEqual([
      'inline.geojson: feature (collection): geojson: type is "Feature", expected "FeatureCollection"',
    ]);
  });
});

describe('formatProblem', () => {
  it('keeps one problem on one line and truncates long values', () => {
    const problem: Problem = { file: 'a.geojson', id: 'x\ny', rule: 'geojson', value: 'line\r\n'.repeat(50) };
    const line = formatProblem(problem);
    expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
    const value = line.slice('a.geojson: feature x\\u000ay: geojson: '.length);
    expect(line.startsWith('a.geojson: feature x\\u000ay: geojson: line\\u000d\\u000aline')).toBe(true);
    expect(Array.from(value)).toHaveLength(80);
    expect(value.endsWith('…')).toBe(true);
  });

  it('leaves short values alone', () => {
    expect(formatProblem({ file: 'a.geojson', id: '#3', rule: 'id-missing', value: '(absent)' })).toBe(
      'a.geojson: feature #3: id-missing: (absent)',
    );
  });
});

function nestedCollections(depth: number): unknown {
  let geometry: unknown = { type: 'Point', coordinates: [-90.5, 14.6] };
  for (let i = 0; i < depth; i += 1) geometry = { type: 'GeometryCollection', geometries: [geometry] };
  return geometry;
}
