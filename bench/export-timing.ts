import { performance } from 'node:perf_hooks';
import { readReportLayers } from '../scripts/io.ts';
import { buildPackage, zipPackage } from '../src/formats/package.ts';
import { METHOD } from './method.ts';

/**
 * ms to write every layer in every format and zip them with README.txt, in Node, from layers read
 * once beforehand: the page's "Everything (.zip)" but for fetching the GeoPackage.
 */
export function exportTimes(): number[] {
  const data = readReportLayers();
  const times: number[] = [];
  for (let i = 0; i < METHOD.exportWarmup + METHOD.exportRuns; i++) {
    const start = performance.now();
    zipPackage(buildPackage(data), {});
    const ms = performance.now() - start;
    if (i >= METHOD.exportWarmup) times.push(ms);
  }
  return times;
}
