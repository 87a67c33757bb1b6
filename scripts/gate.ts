import { formatProblem, type Problem, validateAll } from '../src/data/validate.ts';
import {
  REPORT_LAYERS,
  type ReportData,
  type ReportLayerId,
  requiredProperties,
} from '../src/layers/registry.ts';

/** Where each layer is authored, as the person fixing a problem opens it. */
export const sourceFile = (id: ReportLayerId): string => `geodata/sources/${id}.json`;
export const layerFile = (id: ReportLayerId): string => `geodata/layers/${id}.geojson`;

/**
 * Runs the validation gate over the authored sources, before the pipeline: it replaces geometries
 * and rebuilds each collection, so a bad member there (crs) would never reach the built layers.
 */
export function gateSourcesOrExit(sources: ReportData): void {
  exitOnProblems(gate(sources, sourceFile));
}

/** Runs the validation gate over the built report layers; prints one line per problem and exits 1 on any. */
export function gateOrExit(layers: ReportData): void {
  exitOnProblems(gate(layers, layerFile));
}

function gate(data: ReportData, file: (id: ReportLayerId) => string): Problem[] {
  return validateAll(
    REPORT_LAYERS.map((l) => ({ file: file(l.id), data: data[l.id], required: requiredProperties(l) })),
  );
}

function exitOnProblems(problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}
