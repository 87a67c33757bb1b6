/**
 * The page's side: `openFiles` reads the reader's files in a worker and resolves with one result a
 * file, in order. This module is small and the readers are in the worker's own file, so the UI can
 * import it on demand without growing the first load.
 *
 * A result arrives by structured clone, its features in messages of FEATURES_A_MESSAGE, each a
 * short task on the page. With `tiles`, the reading worker also hands each file read whole to the
 * tile worker, which makes the map's tiles of it (`result.tiles` is its key there): the map never
 * needs the features from this thread. A Blob URL for MapLibre, or the map's copy made in the reading
 * worker with the rest sent as text, were measured and not faster (docs/PERFORMANCE.md, 2026-12-07).
 *
 * Each file of one call is read in turn in one worker, and cancelling stops them all: a UI that
 * cancels files one by one calls openFiles once a file.
 *
 *   const results = await openFiles(input.files, { onProgress, signal });
 *   // A result with questions: ask, then read the same File again with the answers.
 *   const again = await openFiles([file], { read: { coordinates: { latitude: 'lat_gps', longitude: 'lon_gps' } } });
 */
import type { ReadRequest, ToReader, WorkerMessage } from './messages.ts';
import { appendPart } from './parts.ts';
import type { ReadOptions, ReadResult, YourData } from './types.ts';

export { dateInterval } from './dates.ts';
export type { WorkerMessage } from './messages.ts';
export { formatReadProblem, RULES } from './rules.ts';
export type * from './types.ts';
export { skippedText } from './types.ts';

export interface Progress {
  /** The file's place in the list given to openFiles (two files may share a name). */
  index: number;
  file: string;
  stage: 'reading' | 'parsing';
  loaded: number;
  total: number;
}

export interface OpenOptions {
  /** For files over a few MB (messages.ts's PROGRESS_ABOVE). */
  onProgress?: (progress: Progress) => void;
  /** Aborting stops the worker at once (terminate) and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** The reader's answers to an earlier read's questions, for every file of this call. */
  read?: ReadOptions;
  /** Tests and other hosts may supply the worker; the default is the module worker beside this file. */
  worker?: () => Worker;
  /** The tile worker to hand each file read whole to (tiles.ts); a cancelled call's files are dropped there. */
  tiles?: { port(keys: readonly string[]): MessagePort; drop(key: string): void };
}

const defaultWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

/** Workers still reading. WebKit may collect a Worker nothing references while it loads its modules
 *  (bugs.webkit.org 242874), and its result then never arrives: a file that never appears. */
const reading = new Set<Worker>();

export function openFiles(files: Iterable<File>, options: OpenOptions = {}): Promise<ReadResult[]> {
  const list = [...files];
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const worker = (options.worker ?? defaultWorker)();
  reading.add(worker);
  const results: ReadResult[] = new Array(list.length);
  /** Feature messages still to come, by file. */
  const more = new Map<number, number>();
  let remaining = list.length;
  const call = Math.random().toString(36).slice(2, 10);
  const keys = list.map((_, id) => `${call}-${id}`);
  const { tiles } = options;
  if (tiles) {
    const port = tiles.port(keys);
    worker.postMessage({ port } satisfies ToReader, [port]);
  }
  return new Promise<ReadResult[]>((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      reading.delete(worker);
      signal?.removeEventListener('abort', abort);
    };
    const fail = (reason: unknown) => {
      finish();
      // The tile worker may hold some of these files already; none of them will be drawn.
      for (const key of keys) tiles?.drop(key);
      reject(reason);
    };
    const abort = () => fail(signal?.reason);
    signal?.addEventListener('abort', abort, { once: true });
    if (remaining === 0) {
      finish();
      resolve(results);
      return;
    }
    worker.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
      const file = list[data.id];
      if (!file) return;
      if (data.type === 'progress') {
        const { stage, loaded, total } = data;
        options.onProgress?.({ index: data.id, file: file.name, stage, loaded, total });
        return;
      }
      if (data.type === 'features') appendPart(results[data.id] as YourData, data);
      else results[data.id] = data.result;
      const left = data.type === 'result' ? (data.more ?? 0) : (more.get(data.id) ?? 1) - 1;
      more.set(data.id, left);
      if (left > 0) return;
      remaining -= 1;
      if (remaining === 0) {
        finish();
        resolve(results);
      }
    };
    worker.onerror = (event) => fail(new Error(`the file reader stopped: ${event.message}`));
    list.forEach((file, id) => {
      const request: ReadRequest = {
        id,
        file,
        name: file.name,
        ...(options.read ? { options: options.read } : {}),
        ...(tiles ? { key: keys[id] } : {}),
      };
      worker.postMessage(request);
    });
  });
}
