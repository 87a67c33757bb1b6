/**
 * The one entry point the worker calls: what the file is, from its content, then its reader. Every
 * refusal, expected or not, comes back as a result with one problem line, never as a throw.
 */
import { readCsv } from './csv.ts';
import { FileBytes } from './file-bytes.ts';
import { readGeoJson, readNdjson } from './geojson.ts';
import { readGpx } from './gpx.ts';
import { readKml } from './kml.ts';
import { readKmz } from './kmz.ts';
import { FEATURE_LIMITS, Refusal, refuse } from './rules.ts';
import { readShapefile } from './shapefile.ts';
import { isZip, sniffText } from './sniff.ts';
import { crossedIntoAntarctica } from './swap.ts';
import { decodeText, looksBinary } from './text.ts';
import { boundsOf, type Format, type ReadOptions, type ReadResult, type Refused } from './types.ts';
import { zipEntryNames } from './zip.ts';

const READERS: Record<Format, (file: FileBytes, name: string, options: ReadOptions) => ReadResult> = {
  geojson: readGeoJson,
  ndjson: readNdjson,
  csv: readCsv,
  kml: readKml,
  kmz: readKmz,
  gpx: readGpx,
  shapefile: readShapefile,
};

/** Sizes in bytes (issue 34): above `warn` the reader is told, above `refuse` the file is not read. */
export const FILE_LIMITS = { warn: 25 * 1024 * 1024, refuse: 200 * 1024 * 1024 } as const;

/** The refusal of a file too large to read, decided from its size alone, before reading a byte. */
export function tooLarge(name: string, size: number): Refused | undefined {
  if (size <= FILE_LIMITS.refuse) return undefined;
  return { ok: false, file: name, problem: { file: name, rule: 'too-large' } };
}

/** The format of a file by its content; refuses (throws a Refusal) what no reader takes. */
export function detectFormat(bytes: Uint8Array, name: string): Format {
  if (bytes.length === 0) refuse('empty');
  if (isZip(bytes)) {
    const names = zipEntryNames(bytes).map((n) => n.toLowerCase());
    if (names.some((n) => n.endsWith('.kml'))) return 'kmz';
    if (names.some((n) => n.endsWith('.shp'))) return 'shapefile';
    return refuse('zip-no-layer');
  }
  if (looksBinary(bytes)) refuse('binary');
  // Sniffing needs only the start; decoding it is cheap, and the reader decodes the whole once.
  const format = sniffText(decodeText(bytes.subarray(0, 65536)).text, name);
  return format ?? refuse('unknown');
}

/** A file read whole; its bytes go to the reader as a FileBytes, which lets them go once decoded. */
export function readFile(input: Uint8Array | FileBytes, name: string, options: ReadOptions = {}): ReadResult {
  const file = input instanceof FileBytes ? input : new FileBytes(input);
  const size = file.length;
  const refused = tooLarge(name, size);
  if (refused) return refused;
  let format: Format | undefined;
  try {
    format = detectFormat(file.peek(), name);
    const result = READERS[format](file, name, options);
    if (!result.ok) return result;
    // Here, off the page's thread, so the page fits the map to the file without a pass of its own.
    const bounds = boundsOf(result.features);
    const read = bounds ? { ...result, bounds } : result;
    const warnings = [
      ...(size > FILE_LIMITS.warn ? [{ file: name, rule: 'large' as const }] : []),
      ...(result.features.length > FEATURE_LIMITS.warn ? [{ file: name, rule: 'many' as const }] : []),
      // Whatever the format, so a reader who declines the swap (or whose file cannot be swapped for
      // them) still reads why the points are in Antarctica.
      ...(crossedIntoAntarctica(result.features.map((f) => f.geometry))
        ? [{ file: name, rule: 'south-of-60' as const }]
        : []),
    ];
    return warnings.length === 0 ? read : { ...read, problems: [...warnings, ...result.problems] };
  } catch (error) {
    const problem =
      error instanceof Refusal
        ? { file: name, ...error.problem }
        : {
            file: name,
            rule: 'failed' as const,
            detail: error instanceof Error ? error.message : String(error),
          };
    return { ok: false, file: name, ...(format ? { format } : {}), problem };
  }
}
