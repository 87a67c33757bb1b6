/**
 * Zipped Shapefile with shpjs (Calvin Metcalf's, which reads .shp and .dbf in plain JavaScript and
 * reprojects through proj4 from the .prj's WKT; neither uses eval). The zip is opened by zip.ts, with
 * its limits, and handed to shpjs's parseShp/parseDbf, not its own unzip, which counts nothing.
 */
import type { Feature, Geometry } from 'geojson';
import proj4 from 'proj4';
import { combine, parseDbf, parseShp } from 'shpjs';
import { fromLibrary } from './features.ts';
import type { FileBytes } from './file-bytes.ts';
import { checkCount, Refusal, refuse } from './rules.ts';
import type { ReadOptions, YourData } from './types.ts';
import { unzipLimited } from './zip.ts';

const PARTS = ['.shp', '.dbf', '.prj', '.cpg'];
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readShapefile(file: FileBytes, name: string, options: ReadOptions = {}): YourData {
  const entries = unzipLimited(
    file.take(),
    (entry) => !entry.startsWith('__MACOSX/') && PARTS.some((ext) => entry.toLowerCase().endsWith(ext)),
  );
  const part = (base: string, ext: string) =>
    [...entries].find(([entry]) => entry.toLowerCase() === `${base}${ext}`.toLowerCase())?.[1];
  const layers = [...entries.keys()]
    .filter((e) => e.toLowerCase().endsWith('.shp'))
    .map((e) => e.slice(0, -4));
  if (layers.length === 0) refuse('zip-no-layer');

  const features: Feature<Geometry | null>[] = [];
  const folders: (string | null)[] = [];
  const projections = new Set<string>();
  const problems: string[] = [];
  for (const layer of layers) {
    const shp = part(layer, '.shp') as Uint8Array;
    const prj = part(layer, '.prj');
    const prjText = prj ? new TextDecoder().decode(prj).trim() : undefined;
    if (prjText && !isWgs84(prjText)) {
      if (canProject(prjText)) projections.add(crsName(prjText));
      else problems.push(crsName(prjText));
    }
    const dbf = part(layer, '.dbf');
    const cpg = part(layer, '.cpg');
    let geometries: (Geometry | null)[];
    let rows: Record<string, unknown>[] | undefined;
    try {
      geometries = parseShp(shp, prjText) as (Geometry | null)[];
      rows = dbf
        ? (parseDbf(shieldProto(dbf), cpg ? new TextDecoder().decode(cpg) : dbfEncoding(dbf)) as Record<
            string,
            unknown
          >[])
        : undefined;
    } catch (error) {
      return refuse('shapefile', `${layer}.shp: ${error instanceof Error ? error.message : String(error)}`);
    }
    checkCount(features.length + geometries.length);
    for (const feature of combine([geometries, rows]).features as Feature<Geometry | null>[]) {
      features.push({ ...feature, properties: cleanRow(feature.properties ?? {}) });
      folders.push(layers.length > 1 ? layer : null);
    }
  }
  const read = () =>
    fromLibrary(features, { file: name, format: 'shapefile' }, options, {
      ...(layers.length > 1 ? { folders } : {}),
      ...(projections.size > 0 ? { reprojectedFrom: [...projections].join(', ') } : {}),
    });
  let data: YourData;
  try {
    data = read();
  } catch (error) {
    // Nothing within the world, and a .prj proj4 cannot convert: that is the line to give.
    if (error instanceof Refusal && error.problem.rule === 'no-features' && problems.length > 0)
      refuse('no-projection', problems.join(', '));
    throw error;
  }
  return {
    ...data,
    problems: problems.map((crs) => ({ file: name, rule: 'no-projection' as const, detail: crs })),
  };
}

/** A .dbf without a .cpg: UTF-8 when its bytes are valid UTF-8, else what Windows GIS wrote, 1252. */
function dbfEncoding(dbf: Uint8Array): string {
  try {
    utf8.decode(dbf);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * parsedbf fills plain objects, where a field named `__proto__` (it fits dBase's ten characters) is
 * dropped. Its name crosses parsedbf as "\x01_proto__" and cleanRow gives it back.
 */
function shieldProto(dbf: Uint8Array): Uint8Array {
  const name = new TextEncoder().encode('__proto__\0');
  let copy: Uint8Array | undefined;
  // Field descriptors: 32 bytes each from offset 32, up to the 0x0D that ends the header.
  for (let at = 32; at + 32 <= dbf.length && dbf[at] !== 0x0d; at += 32) {
    if (name.every((byte, i) => dbf[at + i] === byte)) {
      copy ??= dbf.slice();
      copy[at] = 0x01;
    }
  }
  return copy ?? dbf;
}

/** dBase dates come as local-time Date objects and blank numbers as NaN; the map wants ISO and null. */
function cleanRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([raw, value]) => {
      const key = raw === '\x01_proto__' ? '__proto__' : raw;
      if (value instanceof Date)
        return [
          key,
          Number.isNaN(value.getTime())
            ? null
            : `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`,
        ];
      return [key, typeof value === 'number' && Number.isNaN(value) ? null : value];
    }),
  );
}

const isWgs84 = (wkt: string): boolean => /^GEOGCS\[/i.test(wkt) && /WGS[ _]?(?:19)?84/i.test(wkt);

function canProject(wkt: string): boolean {
  try {
    proj4(wkt, 'WGS84').forward([0, 0]);
    return true;
  } catch {
    return false;
  }
}

const crsName = (wkt: string): string => /^\w+\["([^"]+)"/.exec(wkt)?.[1] ?? wkt.slice(0, 60);
