import { formatProblem, validateAll } from '../src/data/validate.ts';
import { MISSION_LAYERS, type MissionData, requiredProperties } from '../src/layers/registry.ts';

/** Runs the validation gate over the mission layers; prints one line per problem and exits 1 on any. */
export function gateOrExit(layers: MissionData): void {
  const problems = validateAll(
    MISSION_LAYERS.map((l) => ({
      file: `${l.id}.geojson`,
      data: layers[l.id],
      required: requiredProperties(l),
    })),
  );
  if (problems.length === 0) return;
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}
