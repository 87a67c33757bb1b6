import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MISSION_LAYERS, type MissionData } from '../src/layers/registry.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LAYERS_DIR = `${ROOT}geodata/layers`;

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** The built mission layers as committed under geodata/layers/. */
export function readMissionLayers(): MissionData {
  return Object.fromEntries(
    MISSION_LAYERS.map((l) => [l.id, readJson(`${LAYERS_DIR}/${l.id}.geojson`)]),
  ) as MissionData;
}
