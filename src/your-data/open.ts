/**
 * The page's side: `openFiles` reads the reader's files in a worker and resolves with one result a
 * file, in order. This module is small and the readers are in the worker's own file, so the UI can
 * import it on demand without growing the first load.
 *
 * A result arrives by structured clone, parsed once: `{ type: 'FeatureCollection', features }` goes
 * to a GeoJSON source's setData as it is, each feature's numeric id ready for feature state, and
 * `dates.values[id]` its date. A Blob URL for MapLibre, or the map's copy made in this worker with
 * the rest sent as text, were measured and not faster: MapLibre 6 parses a blob: URL on the page's
 * thread, and the worker's extra pass came before drawn (docs/PERFORMANCE.md, 2026-12-07).
 *
 * Each file of one call is read in turn in one worker, and cancelling stops them all: a UI that
 * cancels files one by one calls openFiles once a file.
 *
 *   const results = await openFiles(input.files, { onProgress, signal });
 *   // A result with questions: ask, then read the same File again with the answers.
 *   const again = await openFiles([file], { read: { coordinates: { latitude: 'lat_gps', longitude: 'lon_gps' } } });
 */
import type { ReadRequest, WorkerMessage } from './messages.ts';
import type { ReadOptions, ReadResult } from './types.ts';

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
  let remaining = list.length;
  return new Promise<ReadResult[]>((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      reading.delete(worker);
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(signal?.reason);
    };
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
      results[data.id] = data.result;
      remaining -= 1;
      if (remaining === 0) {
        finish();
        resolve(results);
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`the file reader stopped: ${event.message}`));
    };
    list.forEach((file, id) => {
      const request: ReadRequest = {
        id,
        file,
        name: file.name,
        ...(options.read ? { options: options.read } : {}),
      };
      worker.postMessage(request);
    });
  });
}
