import { describe, expect, it } from 'vitest';
import {
  medianProfile,
  profileTable,
  requestTime,
  type ThreadProfile,
  type TraceEvent,
  threadProfiles,
} from '../../bench/trace.ts';

const thread = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
});
const slice = (
  pid: number,
  tid: number,
  name: string,
  ts: number,
  dur: number,
  tdur?: number,
): TraceEvent => ({
  name,
  ph: 'X',
  pid,
  tid,
  ts,
  dur,
  ...(tdur === undefined ? {} : { tdur }),
});
const node = (id: number, functionName: string, url?: string) => ({
  id,
  callFrame: { functionName, ...(url === undefined ? {} : { url }) },
});
const chunk = (pid: number, ts: number, samples: number[], timeDeltas: number[], nodes: unknown[] = []) => ({
  name: 'ProfileChunk',
  ph: 'P',
  id: '0x1',
  // Chunks come from V8's profiler thread: the Profile event names the thread profiled.
  pid,
  tid: 99,
  ts,
  args: { data: { cpuProfile: { nodes, samples }, timeDeltas } },
});

const NATIVE = "(program): the browser's own code (style, layout, paint…)";

/**
 * A page's thread profiled by V8 (pid 1), a second renderer whose profile has the same id (pid 3), a
 * GPU thread with nested slices and their thread time (pid 2), and a compositor thread with a slice
 * that outlasts the task it starts in.
 */
const events: TraceEvent[] = [
  thread(1, 1, 'CrRendererMain'),
  thread(3, 1, 'CrRendererMain'),
  thread(2, 2, 'CrGpuMain'),
  thread(1, 3, 'Compositor'),
  { name: 'ResourceSendRequest', ph: 'I', pid: 1, tid: 1, ts: 900, args: { data: { url: 'http://h/' } } },
  { name: 'ResourceSendRequest', ph: 'I', pid: 1, tid: 1, ts: 950, args: { data: { url: 'http://h/a.js' } } },
  slice(1, 1, 'RunTask', 1_000, 59_000),
  slice(1, 1, 'FunctionCall', 2_000, 30_000),
  slice(3, 1, 'RunTask', 0, 10_000),
  slice(1, 3, 'RunTask', 1_000, 5_000),
  slice(1, 3, 'Odd', 4_000, 5_000),
  // The later chunk first: samples are put in time order by the chunks' times.
  chunk(1, 50_000, [6, 5, 2], [10_000, 2_000, 10_000]),
  { name: 'Profile', ph: 'P', id: '0x1', pid: 1, tid: 1, ts: 1_000, args: { data: { startTime: 1_000 } } },
  // At 1 000, 11 000, 21 000, 31 000 µs, then (above) 41 000, 43 000 and 53 000: each sample is
  // given the time until the next one.
  chunk(
    1,
    20_000,
    [1, 2, 3, 4],
    [0, 10_000, 10_000, 10_000],
    [
      node(1, '(root)', ''),
      node(2, 'Program', 'http://h/assets/maplibre-gl-AbCd12_3.js'),
      node(3, '(idle)', ''),
      node(4, '', 'http://h/assets/index-Zz9_abcd.js'),
      node(5, '(garbage collector)'),
      node(6, '(program)', ''),
    ],
  ),
  { name: 'Profile', ph: 'P', id: '0x1', pid: 3, tid: 1, ts: 0, args: { data: { startTime: 0 } } },
  chunk(3, 5_000, [2, 2], [0, 5_000], [node(2, 'Program', 'http://h/assets/maplibre-gl-AbCd12_3.js')]),
  slice(2, 2, 'RunTask', 0, 50_000, 20_000),
  slice(2, 2, 'SwapBuffers', 10_000, 20_000, 1_000),
  slice(2, 2, 'Copy', 15_000, 5_000, 500),
  // A frame's step marker, across the work: not counted.
  slice(2, 2, 'Graphics.Pipeline', 9_000, 30_000, 100),
  slice(2, 2, 'RunTask', 60_000, 10_000),
  slice(2, 2, 'DoEndRaster', 62_000, 8_000),
];

describe('threadProfiles', () => {
  it("counts each thread's tasks, and its JavaScript by function where V8 profiled it", () => {
    const [page, gpu, ...rest] = threadProfiles(events, 0, 45_000);
    expect(rest).toEqual([]);
    // Both renderers, summed: 44 + 10 ms of tasks. Idle and (root) are not work; the garbage
    // collector's last sample is cut where the window ends, and the last sample of all has no time.
    expect(page).toEqual({
      thread: 'CrRendererMain',
      busyMs: 54,
      top: [
        { name: 'Program maplibre-gl.js', ms: 15 },
        { name: '(anonymous) index.js', ms: 10 },
        { name: NATIVE, ms: 2 },
        { name: '(garbage collector)', ms: 2 },
      ],
    });
    // Each slice's own time, less the slices inside it, and its own CPU the same way; the thread's
    // CPU is its tasks' (20 ms over 50, cut to 45 by the window); the second task is outside.
    expect(gpu).toEqual({
      thread: 'CrGpuMain',
      busyMs: 45,
      cpuMs: 18,
      top: [
        { name: 'RunTask', ms: 25, cpuMs: 17 },
        { name: 'SwapBuffers', ms: 15, cpuMs: 0.5 },
        { name: 'Copy', ms: 5, cpuMs: 0.5 },
      ],
    });
  });

  it('cuts every sample and slice at the start of the window too', () => {
    const [page] = threadProfiles(events, 12_000, 45_000);
    expect(page?.busyMs).toBe(33);
    expect(page?.top).toEqual([
      { name: '(anonymous) index.js', ms: 10 },
      { name: 'Program maplibre-gl.js', ms: 9 },
      { name: NATIVE, ms: 2 },
      { name: '(garbage collector)', ms: 2 },
    ]);
  });

  it('reports only the threads asked for, in that order, and the top few', () => {
    const profiles = threadProfiles(events, 0, 100_000, ['CrGpuMain', 'Compositor'], 2);
    expect(profiles.map((p) => [p.thread, p.busyMs, p.top.map((t) => [t.name, t.ms])])).toEqual([
      [
        'CrGpuMain',
        60,
        [
          ['RunTask', 32],
          ['SwapBuffers', 15],
        ],
      ],
      // A slice that outlasts its task: the union of the two is busy, and the task loses only the
      // part of it inside.
      [
        'Compositor',
        8,
        [
          ['Odd', 5],
          ['RunTask', 3],
        ],
      ],
    ]);
  });

  it('finds the load by its request', () => {
    expect(requestTime(events, 'http://h/')).toBe(900);
    expect(() => requestTime(events, 'http://h/other')).toThrow(/no request for http:\/\/h\/other/);
  });
});

describe('medianProfile', () => {
  const load = (busy: number, a: number, b?: number, cpu?: number): ThreadProfile[] => [
    {
      thread: 'CrGpuMain',
      busyMs: busy,
      ...(cpu === undefined ? {} : { cpuMs: cpu }),
      top: [{ name: 'a', ms: a, cpuMs: a / 10 }, ...(b === undefined ? [] : [{ name: 'b', ms: b }])],
    },
  ];

  it("takes each thread's and each part's median over loads, a part missing from a load as 0", () => {
    const worker: ThreadProfile = { thread: 'DedicatedWorker thread', busyMs: 40, top: [] };
    const [gpu, second] = medianProfile([
      load(100, 10, 50, 5),
      [...load(300, 30, 70, 7), worker],
      load(200, 20),
    ]);
    expect(gpu).toEqual({
      thread: 'CrGpuMain',
      busyMs: 200,
      // The CPU figures that exist: 5 and 7.
      cpuMs: 6,
      top: [
        { name: 'b', ms: 50 },
        { name: 'a', ms: 20, cpuMs: 2 },
      ],
    });
    // A thread missing from two loads of three: its median is 0 there.
    expect(second).toEqual({ thread: 'DedicatedWorker thread', busyMs: 0, top: [] });
  });

  it('writes a table a row a part', () => {
    const [gpu] = medianProfile([load(100, 10, 50, 5)]);
    if (!gpu) throw new Error('no profile');
    expect(profileTable('app', [1000, 1200, 1100], [gpu]).split('\n')).toEqual([
      '### app: first idle 1100 ms (median of 3)',
      '',
      "**CrGpuMain**: busy 100 ms, of which the thread's own CPU 5.00 ms",
      '',
      '| wall ms | own CPU ms | function or slice |',
      '| ---: | ---: | --- |',
      '| 50.0 | — | `b` |',
      '| 10.0 | 1.0 | `a` |',
      '',
    ]);
  });
});
