/**
 * `npx tsx bench/worker-peak.ts FILE`: the reading worker's peak memory for one file, in Node (the
 * same `answer` the worker runs, V8 as in Chromium): the process's peak resident size (VmHWM, Linux)
 * before and after, over the file's size, as "copies of the file" held at the worst moment. Run one
 * file a process, so that the peak is this file's. Issue 34: never more than two copies at once.
 */
import { readFileSync, statSync } from 'node:fs';
import { answer } from '../src/your-data/messages.ts';

const MB = 1024 * 1024;

function peakResident(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb * 1024;
}

const residentNow = () => process.memoryUsage().rss;

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) throw new Error('Usage: tsx bench/worker-peak.ts FILE');
  const size = statSync(path).size;
  // The file as the worker gets it: a Blob (a File in the browser), read into one buffer.
  const blob = new Blob([readFileSync(path)]);
  globalThis.gc?.();
  const before = peakResident();
  const baseline = residentNow();
  const started = performance.now();
  await answer({ id: 0, file: blob, name: path.split('/').pop() ?? 'file' }, () => {});
  const ms = performance.now() - started;
  const peak = peakResident();
  // VmHWM only grows: if the process never went above its level before the read, say so.
  const grown = peak - Math.max(before, baseline);
  console.log(
    `${path}: ${(size / MB).toFixed(1)} MB, read in ${ms.toFixed(0)} ms; peak resident ${(peak / MB).toFixed(0)} MB, ` +
      `${(grown / MB).toFixed(0)} MB above the start (${(grown / size).toFixed(1)}× the file)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
