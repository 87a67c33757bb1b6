import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson } from '../src/data/json.ts';
import { formatProblem, type Problem, validateAll } from '../src/data/validate.ts';
import {
  REPORT_LAYERS,
  type ReportData,
  type ReportLayerId,
  requiredProperties,
  TRANSLATED_PROPERTIES,
} from '../src/layers/registry.ts';

/** Where each layer is authored, as the person fixing a problem opens it. */
export const sourceFile = (id: ReportLayerId): string => `geodata/sources/${id}.json`;
export const layerFile = (id: ReportLayerId): string => `geodata/layers/${id}.geojson`;

/**
 * Reads and gates the authored sources under `root`, before the pipeline: it replaces geometries and
 * rebuilds each collection, so a bad member there (crs) would never reach the built layers. Every
 * source is read, so one run names the problems of all of them; exits 1 on any.
 */
export function readSourcesOrExit(root: string): ReportData {
  const problems: Problem[] = [];
  const files = REPORT_LAYERS.flatMap((l) => {
    const file = sourceFile(l.id);
    const parsed = parseJson(readFileSync(join(root, file), 'utf8'), file);
    if (parsed.ok) {
      const rules = { required: requiredProperties(l), translated: TRANSLATED_PROPERTIES };
      return [{ id: l.id, file, data: parsed.value, ...rules }];
    }
    problems.push(parsed.problem);
    return [];
  });
  problems.push(...validateAll(files));
  exitOnProblems(problems);
  return Object.fromEntries(files.map((f) => [f.id, f.data])) as ReportData;
}

/** Runs the validation gate over the built report layers; prints one line per problem and exits 1 on any. */
export function gateOrExit(layers: ReportData): void {
  exitOnProblems(
    validateAll(
      REPORT_LAYERS.map((l) => ({
        file: layerFile(l.id),
        data: layers[l.id],
        required: requiredProperties(l),
        translated: TRANSLATED_PROPERTIES,
      })),
    ),
  );
}

export function exitOnProblems(problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}
