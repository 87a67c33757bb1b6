/**
 * A read's features in parts, one a message, each part with what is aligned with its features
 * (rows, the file's ids, folders, dates), so that no one message holds the page for long. Apart
 * from messages.ts, which imports the readers, so the page's side (open.ts) loads none of them.
 */
import type { FeatureDate, YourData, YourFeature } from './types.ts';

/** A run of a file's features, and what is aligned with them: their rows, ids, folders and dates. */
export interface Part {
  features: YourFeature[];
  rows?: number[];
  sourceIds?: (string | number | null)[];
  folders?: (string | null)[];
  dates?: (FeatureDate | null)[];
}

/** Features `start` to `end` of a read, with what is aligned with them. */
export function partOf(data: YourData, start: number, end: number): Part {
  return {
    features: data.features.slice(start, end),
    ...(data.rows ? { rows: data.rows.slice(start, end) } : {}),
    ...(data.sourceIds ? { sourceIds: data.sourceIds.slice(start, end) } : {}),
    ...(data.folders ? { folders: data.folders.slice(start, end) } : {}),
    ...(data.dates ? { dates: data.dates.values.slice(start, end) } : {}),
  };
}

/** A part appended to the read it came from (the page's side, open.ts). */
export function appendPart(data: YourData, part: Part): void {
  data.features.push(...part.features);
  if (part.rows) data.rows?.push(...part.rows);
  if (part.sourceIds) data.sourceIds?.push(...part.sourceIds);
  if (part.folders) data.folders?.push(...part.folders);
  if (part.dates) data.dates?.values.push(...part.dates);
}
