/**
 * `npx tsx bench/worker-peak.ts FILE`: what the reading worker holds at its peak for one file, in
 * Node (the same `answer` the worker runs, V8 as in Chromium), beside the two copies of the file a
 * reader cannot do without (issue 34: never more than two at once):
 * - parse: the file decoded and parsed once (JSON.parse, or papaparse's rows) and held: the least
 *   any reader holds at its parse;
 * - result: the features the reader gives: what it must hand on;
 * - read: the whole read, `answer` as the worker runs it, from the File to the posted messages
 *   (each cloned here as postMessage would).
 * What a stage holds at its peak is the smallest JS heap it completes in (`--max-old-space-size`,
 * found by bisection, each try a process of its own): a resident-size peak would count garbage V8
 * had not yet collected. The read holds at most two copies when it needs no more heap than one
 * parse and the result together: never the text, the parsed tree and the features all whole. The
 * JS heap only: the file's bytes are an ArrayBuffer outside it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const STAGES = ['parse', 'result', 'read'] as const;
type Stage = (typeof STAGES)[number];

async function stage(stage: Stage, path: string): Promise<void> {
  // The file as the worker gets it: a Blob (a File in the browser), its bytes outside the JS heap.
  const blob = new Blob([readFileSync(path)]);
  const { answer } = await import('../src/your-data/messages.ts');
  const { readFile } = await import('../src/your-data/read.ts');
  const Papa = (await import('papaparse')).default;
  if (stage === 'parse') {
    const text = new TextDecoder().decode(new Uint8Array(await blob.arrayBuffer()));
    const held = path.endsWith('.csv') ? Papa.parse(text).data : JSON.parse(text);
    if (!held) throw new Error('nothing parsed');
  } else if (stage === 'result') {
    // Its size: the heap it leaves behind, held, after a collection.
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const held = readFile(new Uint8Array(await blob.arrayBuffer()), 'file');
    globalThis.gc?.();
    console.log(JSON.stringify({ mb: (process.memoryUsage().heapUsed - before) / 2 ** 20, ok: held.ok }));
  } else {
    // Each message cloned as postMessage serializes it, the points' buffer moved as the worker moves it.
    await answer(
      { id: 0, file: blob, name: 'file', key: 'k' },
      (message) => structuredClone(message),
      (shared) =>
        structuredClone(shared, shared.type === 'file' ? { transfer: [shared.file.points.buffer] } : {}),
    );
  }
}

const run = (name: Stage, path: string, heapMb?: number) =>
  spawnSync(
    process.execPath,
    [
      '--expose-gc',
      ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--stage',
      name,
      path,
    ],
    { encoding: 'utf8' },
  );

/** The smallest heap, in MB (to within 2), that a stage completes in. */
function smallestHeap(name: Stage, path: string): number {
  let [low, high] = [4, 4096];
  while (high - low > 2) {
    const mid = Math.floor((low + high) / 2);
    if (run(name, path, mid).status === 0) high = mid;
    else low = mid;
  }
  return high;
}

function main(): void {
  const path = process.argv[2];
  if (!path) throw new Error('Usage: tsx bench/worker-peak.ts FILE');
  const size = statSync(path).size / 2 ** 20;
  const parse = smallestHeap('parse', path);
  const read = smallestHeap('read', path);
  const result = (
    JSON.parse(run('result', path).stdout.trim().split('\n').at(-1) as string) as { mb: number }
  ).mb;
  const two = parse + result;
  console.log(
    `${path}: ${size.toFixed(1)} MB. Heap held at the peak: one parse ${parse} MB, the result ${result.toFixed(0)} MB; ` +
      `the whole read ${read} MB (${(read / size).toFixed(1)}× the file), ${(read / two).toFixed(2)}× the two together: ` +
      `${read <= two ? 'within' : 'over'} two copies.`,
  );
}

const at = process.argv.indexOf('--stage');
if (at !== -1)
  stage(process.argv[at + 1] as Stage, process.argv[at + 2] as string).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
else main();
