/**
 * Unzipping KMZ and zipped Shapefiles with the limits counted while inflating, never taken from the
 * archive's headers (which a zip bomb fills with whatever it likes). fflate's streaming Unzip hands
 * over each chunk as it inflates, so the count stops the bomb within one chunk of the limit.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { Refusal, refuse } from './rules.ts';

export const ZIP_LIMITS = {
  /** Bytes inflated in all, across every entry. */
  inflated: 200 * 1024 * 1024,
  /** Inflated bytes per byte of the archive. */
  ratio: 100,
  entries: 1000,
} as const;

/** Small pushes, so one chunk of a bomb cannot inflate far past the limit before it is counted. */
const CHUNK = 16 * 1024;

/**
 * The archive's entries by name (inflated only where `wanted` says so). Refuses (throws a Refusal)
 * past a limit; `limits` is a parameter so a test can lower it.
 */
export function unzipLimited(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: { inflated: number; ratio: number; entries: number } = ZIP_LIMITS,
): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let inflated = 0;
  let entries = 0;
  // fflate re-wraps what its callbacks throw, so the refusal is kept here to be thrown as itself.
  let stop: Refusal | undefined;
  const limit = (rule: 'zip-entries' | 'zip-size' | 'zip-ratio') => {
    stop = new Refusal({ rule });
    throw stop;
  };
  const unzip = new Unzip((file) => {
    entries += 1;
    if (entries > limits.entries) limit('zip-entries');
    if (!wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (error) refuse('zip', error.message);
      inflated += chunk.length;
      if (inflated > limits.inflated) limit('zip-size');
      if (inflated > limits.ratio * bytes.length) limit('zip-ratio');
      chunks.push(chunk);
      if (final) files.set(file.name, concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
    }
  } catch (error) {
    if (stop) throw stop;
    if (error instanceof Refusal) throw error;
    refuse('zip', error instanceof Error ? error.message : String(error));
  }
  return files;
}

/** The archive's entry names, read from its local headers without inflating anything. */
export function zipEntryNames(bytes: Uint8Array, limits = ZIP_LIMITS): string[] {
  const names: string[] = [];
  unzipLimited(
    bytes,
    (name) => {
      names.push(name);
      return false;
    },
    limits,
  );
  return names;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
