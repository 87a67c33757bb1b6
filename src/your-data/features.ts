/** Shared by the readers that get GeoJSON from a library (KML, GPX, Shapefile). */
import type { Feature, Geometry } from 'geojson';
import { findDates } from './dates.ts';
import { columnsOf } from './geojson.ts';
import {
  type Encoding,
  type Format,
  properties,
  type ReadOptions,
  sourceIdsOf,
  Tally,
  withinWorld,
  type YourData,
  type YourFeature,
} from './types.ts';

/**
 * A library's features as the map's: null geometries counted as skipped, properties copied into
 * prototype-free objects, ids their index, and the date column found.
 */
export function fromLibrary(
  input: readonly Feature<Geometry | null>[],
  base: { file: string; format: Format; encoding?: Encoding },
  options: ReadOptions,
  extra: { folders?: (string | null)[]; reprojectedFrom?: string } = {},
): YourData {
  const tally = new Tally('features');
  const features: YourFeature[] = [];
  const folders: (string | null)[] = [];
  const numbers: number[] = [];
  const ids: (string | number | null)[] = [];
  input.forEach((feature, index) => {
    if (!feature.geometry) {
      tally.add('no-geometry', index + 1);
      return;
    }
    if (!withinWorld(feature.geometry)) {
      tally.add('out-of-range', index + 1);
      return;
    }
    const props = Object.entries(feature.properties ?? {});
    features.push({
      type: 'Feature',
      id: features.length,
      geometry: feature.geometry,
      properties: properties(props),
    });
    folders.push(extra.folders?.[index] ?? null);
    numbers.push(index + 1);
    ids.push(typeof feature.id === 'string' || typeof feature.id === 'number' ? feature.id : null);
  });
  if (features.length === 0) tally.refuseEmpty(input.length);
  const columns = columnsOf(features);
  const dating = findDates(features, columns, (i) => numbers[i] ?? 0, 'features', options);
  return {
    ok: true,
    ...base,
    features,
    columns,
    ...sourceIdsOf(ids),
    ...(dating.dates ? { dates: dating.dates } : {}),
    ...(extra.folders ? { folders } : {}),
    ...(extra.reprojectedFrom ? { reprojectedFrom: extra.reprojectedFrom } : {}),
    skipped: [...tally.skipped(input.length), ...dating.tally.skipped(features.length)],
    questions: dating.question ? [dating.question] : [],
    problems: [],
  };
}
