/** Shared by the your-data tests: a fixture's bytes, and a read that must succeed. */
import { readFileSync } from 'node:fs';
import { readFile } from '../../../src/your-data/read.ts';
import { formatReadProblem } from '../../../src/your-data/rules.ts';
import type { ReadOptions, YourData } from '../../../src/your-data/types.ts';

export const fixture = (path: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/your-data/${path}`, import.meta.url)));

export function read(path: string, options?: ReadOptions): YourData {
  const result = readFile(fixture(path), path.split('/').pop() ?? path, options);
  if (!result.ok) throw new Error(formatReadProblem(result.problem));
  return result;
}

export const props = (data: YourData, index: number): Record<string, unknown> =>
  data.features[index]?.properties ?? {};

export const coords = (data: YourData) =>
  data.features.map((f) => (f.geometry.type === 'Point' ? f.geometry.coordinates : null));
