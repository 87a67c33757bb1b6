import { formatProblem, validateAll } from '../src/data/validate.ts';
import { REPORT_LAYERS, type ReportData, requiredProperties } from '../src/layers/registry.ts';

/** Runs the validation gate over the report's layers; prints one line per problem and exits 1 on any. */
export function gateOrExit(layers: ReportData): void {
  const problems = validateAll(
    REPORT_LAYERS.map((l) => ({
      file: `${l.id}.geojson`,
      data: layers[l.id],
      required: requiredProperties(l),
    })),
  );
  if (problems.length === 0) return;
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}
