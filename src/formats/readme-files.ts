/** What README.txt says, in either language, about the files and columns a zip holds. */
import type { Feature } from 'geojson';
import type { ExportOptions } from '../data/export.ts';
import { GEOPACKAGE_NAME } from '../data/names.ts';
import { count, type Messages } from '../i18n/index.ts';
import { type ReportData, type ReportLayerId, reportLayer } from '../layers/registry.ts';

/** The files, a kind at a time: `transit-flows.kml, alta-verapaz.kml`, then what a .kml is. */
export function fileLines(
  files: readonly string[],
  kinds: Readonly<Record<string, string>>,
  geoPackage: string,
): string[] {
  const lines: string[] = [];
  if (files.includes(GEOPACKAGE_NAME)) lines.push(`  ${GEOPACKAGE_NAME}`, `      ${geoPackage}`);
  for (const [ext, kind] of Object.entries(kinds)) {
    const named = files.filter((f) => f.endsWith(`.${ext}`));
    if (named.length > 0) lines.push(`  ${named.join(', ')}`, `      ${kind}`);
  }
  return lines;
}

/** The columns of a layer's features, in the order its files hold them. */
export const columnsOf = (features: readonly Feature[]): string[] => [
  ...new Set(['id', ...features.flatMap((f) => Object.keys(f.properties ?? {}))]),
];

export interface ReadmeOptions {
  /** The file names the zip holds, README.txt aside. */
  files: readonly string[];
  /** The features the zip holds, by layer. */
  data: Partial<ReportData>;
  /** The options that narrowed the zip (in view, as of a day); absent for the whole map. */
  narrowed?: Pick<ExportOptions, 'within' | 'at'> | undefined;
}

/**
 * Each layer's line and its columns' meanings, as both README sections list them: `t` counts the
 * features, `meaning` says what a column is and `undocumented` stands for one it does not know.
 */
export function columnLines(
  data: Partial<ReportData>,
  t: Messages,
  meaning: (column: string) => string | undefined,
  undocumented: string,
): string[] {
  return (Object.entries(data) as [ReportLayerId, { features: Feature[] }][]).flatMap(
    ([id, { features }]) => {
      const layer = reportLayer(id);
      return [
        `  ${id} (${layer.name}; ${layer.geometry}; ${count(t, features.length, 'feature')})`,
        ...columnsOf(features).map((column) => `    ${column}: ${meaning(column) ?? undocumented}`),
      ];
    },
  );
}
