/**
 * What the page and the reading worker say to each other, and the worker's side as a function of
 * its messages (`answer`), so that Node tests it without a browser; worker.ts only binds it.
 */
import { FileBytes } from './file-bytes.ts';
import { type Part, partOf } from './parts.ts';
import { readFile, tooLarge } from './read.ts';
import { mapFileOf } from './tile-layers.ts';
import type { SharedFile } from './tile-server.ts';
import type { ReadOptions, ReadResult } from './types.ts';

export interface ReadRequest {
  id: number;
  /** A File from the picker or a drop (read in the worker), or bytes already in memory. */
  file: Blob | Uint8Array;
  name: string;
  options?: ReadOptions;
  /** The page's name for this read in the tile worker, to which a file read whole is handed. */
  key?: string;
}

/** What the page sends the reading worker: files to read, and the tile worker's port, once. */
export type ToReader = ReadRequest | { port: MessagePort };

export type WorkerMessage =
  | { id: number; type: 'progress'; stage: 'reading' | 'parsing'; loaded: number; total: number }
  /** A file's result; `more` messages of its features follow, appended in order. */
  | { id: number; type: 'result'; result: ReadResult; more?: number }
  | ({ id: number; type: 'features' } & Part);

/**
 * Features a message: each message is its own task on the page, and a clone of this many arrives
 * in a few tens of milliseconds, where 100,000 at once held the page for several hundred.
 */
export const FEATURES_A_MESSAGE = 10_000;

/** Files above this get progress messages while they are read. */
export const PROGRESS_ABOVE = 2 * 1024 * 1024;

export async function answer(
  request: ReadRequest,
  post: (message: WorkerMessage) => void,
  share?: (file: SharedFile) => void,
): Promise<void> {
  const { id } = request;
  const result = await read(request, post);
  // Drawn or not, every read tells the tile worker it is done, so the port can close after the last.
  const key = share && request.key;
  if (key) share(result.ok ? { type: 'file', key, file: mapFileOf(result.features) } : { type: 'none', key });
  if (!result.ok) {
    post({ id, type: 'result', result });
    return;
  }
  const more = Math.ceil(result.features.length / FEATURES_A_MESSAGE) - 1;
  const { dates, ...first } = partOf(result, 0, FEATURES_A_MESSAGE);
  post({
    id,
    type: 'result',
    result: {
      ...result,
      ...(key ? { tiles: key } : {}),
      ...first,
      ...(result.dates && dates ? { dates: { ...result.dates, values: dates } } : {}),
    },
    ...(more > 0 ? { more } : {}),
  });
  for (let part = 1; part <= more; part++) {
    const start = part * FEATURES_A_MESSAGE;
    post({ id, type: 'features', ...partOf(result, start, start + FEATURES_A_MESSAGE) });
  }
}

/** A request's file read whole, or why not; only progress is posted meanwhile. */
async function read(request: ReadRequest, post: (message: WorkerMessage) => void): Promise<ReadResult> {
  const { id, name } = request;
  const total = request.file instanceof Uint8Array ? request.file.length : request.file.size;
  const refused = tooLarge(name, total);
  if (refused) return refused;
  const progress = total > PROGRESS_ABOVE;
  // The bytes live only in this box, so the reader can let them go once it has decoded them.
  let file: FileBytes;
  try {
    file = new FileBytes(
      request.file instanceof Uint8Array
        ? request.file
        : await readBlob(
            request.file,
            progress
              ? (loaded) => post({ id, type: 'progress', stage: 'reading', loaded, total })
              : undefined,
          ),
    );
  } catch (error) {
    // A file moved or deleted since it was chosen: the browser cannot read it (NotReadableError).
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, file: name, problem: { file: name, rule: 'failed', detail } };
  }
  if (progress) post({ id, type: 'progress', stage: 'parsing', loaded: total, total });
  return readFile(file, name, request.options);
}

/** A Blob's bytes in one buffer, filled chunk by chunk as the stream gives them. */
async function readBlob(blob: Blob, onChunk?: (loaded: number) => void): Promise<Uint8Array> {
  if (!onChunk) return new Uint8Array(await blob.arrayBuffer());
  const bytes = new Uint8Array(blob.size);
  let loaded = 0;
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, loaded);
    loaded += value.length;
    onChunk(loaded);
  }
  return bytes.subarray(0, loaded);
}
