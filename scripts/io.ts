import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { indexFeatures } from '../src/data/features.ts';
import { parseJson } from '../src/data/json.ts';
import { formatProblem } from '../src/data/validate.ts';
import { BASEMAP_FILES, BASEMAP_PATHS, type BasemapData } from '../src/layers/basemap.ts';
import { REPORT_LAYERS, type ReportData } from '../src/layers/registry.ts';
import { mapSourceData } from '../src/style/source.ts';
import { inSpanish } from './map-text.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LAYERS_DIR = `${ROOT}geodata/layers`;

/** The hex sha256 of some bytes, for the provenance files. */
export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A committed JSON file's value. Invalid JSON prints one line naming the file (`name`, as the person
 * would open it), line and column, and exits 1: a stack trace would bury the position.
 */
export function readJson<T>(path: string, name = relative(ROOT, path)): T {
  const parsed = parseJson(readFileSync(path, 'utf8'), name);
  if (parsed.ok) return parsed.value as T;
  console.error(formatProblem(parsed.problem));
  process.exit(1);
}

/** The built report layers as committed under geodata/layers/. */
export function readReportLayers(): ReportData {
  return Object.fromEntries(
    REPORT_LAYERS.map((l) => [l.id, readJson(`${LAYERS_DIR}/${l.id}.geojson`)]),
  ) as ReportData;
}

/** The basemap files as committed under geodata/. */
export function readBasemap(): BasemapData {
  return Object.fromEntries(
    BASEMAP_FILES.map((file) => [file, readJson<FeatureCollection>(`${ROOT}geodata/${BASEMAP_PATHS[file]}`)]),
  ) as BasemapData;
}

/**
 * What the map's one source holds when the page has loaded every committed file; in Spanish (`es`),
 * with every `<key>_es` in place of its `<key>` (inSpanish), as the glyphs must cover both.
 */
export function readMapSource(language: 'en' | 'es' = 'en'): FeatureCollection {
  const pick = language === 'es' ? inSpanish : (fc: FeatureCollection) => fc;
  const data = Object.fromEntries(
    Object.entries(readReportLayers()).map(([id, fc]) => [id, pick(fc)]),
  ) as ReportData;
  const basemap = Object.fromEntries(
    Object.entries(readBasemap()).map(([file, fc]) => [file, pick(fc)]),
  ) as BasemapData;
  const anchors = readJson<{ anchors: Record<string, [number, number]> }>(`${LAYERS_DIR}/anchors.json`);
  return mapSourceData(basemap, data, indexFeatures(data, anchors.anchors));
}
