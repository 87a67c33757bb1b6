import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/io.ts';

/** Runs the real `npm run geodata:layers` (less npm) against a copy of geodata/, never the committed one. */
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = join(ROOT, 'scripts/build-layers.ts');
// Each run starts tsx and builds every layer; on a busy 2-core machine that can take seconds.
const CLI_TIMEOUT = 60_000;

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The sources and basemap with an empty layers/, so any write shows up as a file. */
function copyGeodata(): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-layers-'));
  copies.push(dir);
  for (const sub of ['sources', 'basemap']) {
    cpSync(join(ROOT, 'geodata', sub), join(dir, 'geodata', sub), { recursive: true });
  }
  mkdirSync(join(dir, 'geodata/layers'));
  return dir;
}

type Json = Record<string, unknown>;
type Source = { features: { properties: Json }[] } & Json;
type Edit = (dir: string) => void;

/** Files are named relative to the copy's root, as the script names them. */
const source = (id: string) => `geodata/sources/${id}.json`;

function editText(file: string, edit: (text: string) => string): Edit {
  return (dir) => writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
}

function editSource(id: string, edit: (source: Source) => void): Edit {
  return editText(source(id), (text) => {
    const json = JSON.parse(text) as Source;
    edit(json);
    return `${JSON.stringify(json, null, 2)}\n`;
  });
}

/** `line L, column C` just after the first `needle` in a committed file, counted by hand. */
function positionAfter(file: string, needle: string): string {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return `line ${line + 1}, column ${(lines[line] ?? '').indexOf(needle) + needle.length + 1}`;
}

const cutAfter = (file: string, needle: string) =>
  editText(file, (text) => text.slice(0, text.indexOf(needle) + needle.length));
const insertAfter = (file: string, needle: string, insert: string) =>
  editText(file, (text) => text.replace(needle, `${needle}${insert}`));

function buildLayers(dir: string) {
  const { status, stdout, stderr } = spawnSync(TSX, [SCRIPT, dir], { cwd: ROOT, encoding: 'utf8' });
  return { status, stdout, stderr };
}

describe('npm run geodata:layers', () => {
  it(
    'builds a copy of geodata/ into that copy, byte for byte the committed layers',
    () => {
      const dir = copyGeodata();
      const { status, stdout, stderr } = buildLayers(dir);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const written = readdirSync(join(dir, 'geodata/layers')).sort();
      expect(written).toEqual(readdirSync(join(ROOT, 'geodata/layers')).sort());
      for (const name of written) {
        expect(readFileSync(join(dir, 'geodata/layers', name), 'utf8')).toBe(
          readFileSync(join(ROOT, 'geodata/layers', name), 'utf8'),
        );
      }
      expect(stdout.trim().split('\n').sort()).toEqual(written.map((name) => `wrote geodata/layers/${name}`));
    },
    CLI_TIMEOUT,
  );

  /**
   * One broken source each (or two, to show one run names both): the exact lines on stderr. Each edit
   * sets every value its line quotes, so the sources' own dates may change without breaking it.
   */
  const BROKEN: { label: string; edits: Edit[]; lines: string[] }[] = [
    {
      label: 'a crs member, which the pipeline would drop unseen',
      edits: [
        editSource('militarised-policing', (source) => {
          source.crs = { type: 'name', properties: { name: 'EPSG:4326' } };
        }),
      ],
      lines: [
        'geodata/sources/militarised-policing.json: feature (collection): crs: {"type":"name","properties":{"name":"EPSG:4326"}}',
      ],
    },
    {
      label: 'a property whose type differs between features',
      edits: [
        editSource('militarised-policing', (source) => {
          (source.features[0] as { properties: Json }).properties.date_in_report = 'on Sunday';
          (source.features[1] as { properties: Json }).properties.date_in_report = 11;
        }),
      ],
      lines: [
        'geodata/sources/militarised-policing.json: feature HND: property-type: date_in_report is number, was string on GTM',
      ],
    },
    {
      label: 'a source cut short, with its line and column',
      edits: [cutAfter(source('alta-verapaz'), '"date_end": ')],
      lines: [
        `geodata/sources/alta-verapaz.json: ${positionAfter(source('alta-verapaz'), '"date_end": ')}: json: Unexpected end of JSON input: is the file cut short?`,
      ],
    },
    {
      label: 'invalid JSON in one source and a bad member in another',
      edits: [
        insertAfter(source('transit-flows'), '"sequence": 1,', ','),
        editSource('militarised-policing', (source) => {
          source.crs = null;
        }),
      ],
      lines: [
        `geodata/sources/transit-flows.json: ${positionAfter(source('transit-flows'), '"sequence": 1,')}: json: Expected double-quoted property name`,
        'geodata/sources/militarised-policing.json: feature (collection): crs: null',
      ],
    },
    {
      label: 'dates that are not calendar dates',
      edits: [
        editSource('militarised-policing', (source) => {
          (source.features[0] as { properties: Json }).properties.date_start = '2012-13-45';
        }),
        editSource('alta-verapaz', (source) => {
          (source.features[0] as { properties: Json }).properties.date_end = '2011-02-30';
        }),
      ],
      lines: [
        'geodata/sources/alta-verapaz.json: feature GT-AV: date: date_end: "2011-02-30" is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)',
        'geodata/sources/militarised-policing.json: feature GTM: date: date_start: "2012-13-45" is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)',
      ],
    },
    {
      label: 'a precision that does not fit the date',
      edits: [
        editSource('militarised-policing', (source) => {
          const honduras = (source.features[1] as { properties: Json }).properties;
          honduras.date_start = '2011-11';
          honduras.date_start_precision = 'day';
        }),
      ],
      lines: [
        `geodata/sources/militarised-policing.json: feature HND: date-precision: date_start_precision: "day", but "2011-11" is a month`,
      ],
    },
    {
      label: 'an end before its start',
      edits: [
        editSource('alta-verapaz', (source) => {
          const altaVerapaz = (source.features[0] as { properties: Json }).properties;
          altaVerapaz.date_start = '2010-12-19';
          altaVerapaz.date_end = '2010-12-18';
        }),
      ],
      lines: [
        'geodata/sources/alta-verapaz.json: feature GT-AV: date-order: date_end "2010-12-18" is before date_start "2010-12-19"',
      ],
    },
    {
      label: 'excerpts that are not quotes',
      edits: [
        editSource('transit-flows', (source) => {
          (source.features[0] as { properties: Json }).properties.excerpt_2 = '   ';
        }),
        editSource('militarised-policing', (source) => {
          (source.features[0] as { properties: Json }).properties.excerpt = null;
        }),
      ],
      lines: [
        'geodata/sources/transit-flows.json: feature route-1-col-gtm: excerpt: excerpt_2: "   " is not a non-empty string (or null for no quote)',
        'geodata/sources/militarised-policing.json: feature GTM: excerpt: excerpt: null is not a non-empty string; every feature quotes the report',
      ],
    },
    {
      label: 'Spanish left out: a label and a note without theirs, a name translated to nothing',
      edits: [
        editSource('transit-flows', (source) => {
          const route = (source.features[0] as { properties: Json }).properties;
          route.note = 'Schematic: not an actual route.';
          delete route.note_es;
        }),
        editSource('militarised-policing', (source) => {
          const guatemala = (source.features[0] as { properties: Json }).properties;
          delete guatemala.label_es;
          guatemala.name_es = null;
        }),
      ],
      lines: [
        'geodata/sources/transit-flows.json: feature route-1-col-gtm: translation: note_es: absent, needed beside note "Schematic: not an actual route."',
        'geodata/sources/militarised-policing.json: feature GTM: property-required: label_es',
        'geodata/sources/militarised-policing.json: feature GTM: translation: name_es: null, needed beside name "Guatemala"',
        'geodata/sources/militarised-policing.json: feature GTM: translation: label_es: absent, needed beside label "Since 15 Jan 2012"',
      ],
    },
    {
      label: 'a basemap file cut short, which readJson reads',
      edits: [cutAfter('geodata/basemap/countries.geojson', '"features":')],
      lines: [
        `geodata/basemap/countries.geojson: ${positionAfter('geodata/basemap/countries.geojson', '"features":')}: json: Unexpected end of JSON input: is the file cut short?`,
      ],
    },
  ];

  it.each(BROKEN)(
    'rejects $label: one line a problem naming the file, exit 1, nothing written',
    ({ edits, lines }) => {
      const dir = copyGeodata();
      for (const edit of edits) edit(dir);
      const { status, stdout, stderr } = buildLayers(dir);
      expect(stderr).toBe(lines.map((line) => `${line}\n`).join(''));
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(readdirSync(join(dir, 'geodata/layers'))).toEqual([]);
    },
    CLI_TIMEOUT,
  );
});
