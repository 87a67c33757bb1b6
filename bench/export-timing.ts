import { performance } from 'node:perf_hooks';
import { readReportLayers } from '../scripts/io.ts';
import { buildExport, zipExport } from '../src/data/export.ts';
import { METHOD } from './method.ts';

/** ms to build every export file and the zip in Node, from layers read once beforehand. */
export function exportTimes(): number[] {
  const data = readReportLayers();
  const times: number[] = [];
  for (let i = 0; i < METHOD.exportWarmup + METHOD.exportRuns; i++) {
    const start = performance.now();
    zipExport(buildExport(data));
    const ms = performance.now() - start;
    if (i >= METHOD.exportWarmup) times.push(ms);
  }
  return times;
}
