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

function editSource(dir: string, id: string, edit: (source: Source) => void): void {
  const path = join(dir, 'geodata/sources', `${id}.json`);
  const source = JSON.parse(readFileSync(path, 'utf8')) as Source;
  edit(source);
  writeFileSync(path, `${JSON.stringify(source, null, 2)}\n`);
}

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

  /** One broken source each: the exact lines on stderr, and the source the person must edit. */
  const BROKEN: { label: string; id: string; edit: (source: Source) => void; lines: string[] }[] = [
    {
      label: 'a crs member, which the pipeline would drop unseen',
      id: 'militarised-policing',
      edit: (source) => {
        source.crs = { type: 'name', properties: { name: 'EPSG:4326' } };
      },
      lines: [
        'geodata/sources/militarised-policing.json: feature (collection): crs: {"type":"name","properties":{"name":"EPSG:4326"}}',
      ],
    },
    {
      label: 'a property whose type differs between features',
      id: 'militarised-policing',
      edit: (source) => {
        (source.features[1] as { properties: Json }).properties.date_in_report = 11;
      },
      lines: [
        'geodata/sources/militarised-policing.json: feature HND: property-type: date_in_report is number, was string on GTM',
      ],
    },
  ];

  it.each(BROKEN)(
    'rejects $label: one line naming the source, exit 1, nothing written',
    ({ id, edit, lines }) => {
      const dir = copyGeodata();
      editSource(dir, id, edit);
      const { status, stdout, stderr } = buildLayers(dir);
      expect(stderr).toBe(lines.map((line) => `${line}\n`).join(''));
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(readdirSync(join(dir, 'geodata/layers'))).toEqual([]);
    },
    CLI_TIMEOUT,
  );
});
