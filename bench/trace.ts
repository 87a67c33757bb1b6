/**
 * Where a page's time goes, from a Chromium trace: each thread's busy time in a window, and what it was
 * busy with, by JavaScript function where V8 profiled the thread (the page's main thread, MapLibre's
 * worker) and by task otherwise (the GPU process). Pure: bench/profile.ts records the traces.
 */

import { ms } from './format.ts';
import { stats } from './stats.ts';

/** The fields of a Chromium trace event read here (the Trace Event Format). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's own CPU time in the slice, µs (absent where the thread was not measured). */
  tdur?: number;
  id?: string;
  // biome-ignore lint/suspicious/noExplicitAny: each event's args are its own shape
  args?: any;
}

export interface Part {
  name: string;
  /** Wall time, ms. */
  ms: number;
  /** The thread's own CPU time in it, ms, where the trace has it (slices; not V8's samples). */
  cpuMs?: number;
}

export interface ThreadProfile {
  /** Chromium's name for the thread (threads of one name are summed), e.g. CrRendererMain. */
  thread: string;
  /** Wall time in its tasks (top-level trace slices) within the window, ms. */
  busyMs: number;
  /** The thread's own CPU time in those tasks, ms, where the trace has it. */
  cpuMs?: number;
  /** Where the busy time went, largest first: functions' self time (V8), or slices' self time. */
  top: Part[];
}

/**
 * The threads a first visit's time is spent on, in the order they are reported: the page's, MapLibre's
 * worker, the GPU process's main thread, the thread pools (every process's, summed: the page's raster
 * where the browser does it in software, script parsing, ANGLE's tasks) and the compositor.
 */
export const THREADS = [
  'CrRendererMain',
  'DedicatedWorker thread',
  'CrGpuMain',
  'ThreadPoolForegroundWorker',
  'VizCompositorThread',
];

/** Slices that mark a frame's steps across threads rather than time spent: they would take the work's. */
const MARKERS = new Set(['Graphics.Pipeline']);

/** V8's samples of a thread with nothing to run; `(program)` is the browser's own code, and counts. */
const NOT_WORK = new Set(['(idle)', '(root)']);
const NATIVE = "(program): the browser's own code (style, layout, paint…)";

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url?: string };
}

/** A function's name and the file it is in, e.g. "Program maplibre-gl.js". */
function frameName({ functionName, url }: CpuNode['callFrame']): string {
  if (functionName === '(program)') return NATIVE;
  const file = url?.split('/').pop() ?? '';
  return `${functionName || '(anonymous)'}${file ? ` ${file.replace(/-[\w-]{8}\.js$/, '.js')}` : ''}`;
}

const key = (e: TraceEvent) => `${e.pid}:${e.tid}`;

type Interval = [number, number];

/** How much of [start, end) lies within [from, to). */
const overlap = (start: number, end: number, from: number, to: number) =>
  Math.max(0, Math.min(end, to) - Math.max(start, from));

/** How much of [start, end) lies within the sorted, disjoint `intervals`. */
function within(start: number, end: number, intervals: Interval[]): number {
  let sum = 0;
  for (const [a, b] of intervals) {
    if (a >= end) break;
    sum += overlap(start, end, a, b);
  }
  return sum;
}

type Time = { wall: number; cpu?: number };

/** Adds `wall` and `cpu` to `name`'s time in `parts`; its CPU stays unknown until some is known. */
function addTime(parts: Map<string, Time>, name: string, wall: number, cpu?: number): void {
  const part = parts.get(name) ?? { wall: 0 };
  part.wall += wall;
  if (cpu !== undefined) part.cpu = (part.cpu ?? 0) + cpu;
  parts.set(name, part);
}

/**
 * Each V8 CPU profile's self time per function within `busy` (the thread's tasks in the window, µs),
 * keyed by thread. Profiles are told apart by process and id, their chunks put in time order, and
 * each sample given the time until the next, as DevTools does.
 */
function selfTimes(events: TraceEvent[], busy: Map<string, Interval[]>): Map<string, Map<string, number>> {
  const profiles = new Map<string, { thread: string; start: number; chunks: TraceEvent[] }>();
  const profileKey = (e: TraceEvent) => `${e.pid}:${e.id}`;
  for (const e of events)
    if (e.name === 'Profile' && e.id)
      profiles.set(profileKey(e), { thread: key(e), start: Number(e.args?.data?.startTime), chunks: [] });
  for (const e of events) if (e.name === 'ProfileChunk' && e.id) profiles.get(profileKey(e))?.chunks.push(e);
  const byThread = new Map<string, Map<string, number>>();
  for (const { thread, start, chunks } of profiles.values()) {
    const nodes = new Map<number, CpuNode>();
    const times: number[] = [];
    const samples: number[] = [];
    let t = start;
    for (const chunk of chunks.sort((a, b) => a.ts - b.ts)) {
      const data = chunk.args?.data ?? {};
      for (const node of (data.cpuProfile?.nodes ?? []) as CpuNode[]) nodes.set(node.id, node);
      const deltas: number[] = data.timeDeltas ?? [];
      (data.cpuProfile?.samples ?? []).forEach((sample: number, i: number) => {
        t += Math.max(0, deltas[i] ?? 0);
        times.push(t);
        samples.push(sample);
      });
    }
    const self = byThread.get(thread) ?? new Map<string, number>();
    byThread.set(thread, self);
    const intervals = busy.get(thread) ?? [];
    samples.forEach((sample, i) => {
      const node = nodes.get(sample);
      if (!node || NOT_WORK.has(node.callFrame.functionName)) return;
      const time = within(times[i] as number, times[i + 1] ?? (times[i] as number), intervals);
      if (time <= 0) return;
      const name = frameName(node.callFrame);
      self.set(name, (self.get(name) ?? 0) + time);
    });
  }
  return byThread;
}

/** A slice's wall time and thread time within [from, to]; thread time in proportion to the wall time kept. */
function clipped(slice: TraceEvent, from: number, to: number): Time {
  const dur = slice.dur ?? 0;
  const wall = overlap(slice.ts, slice.ts + dur, from, to);
  return { wall, ...(slice.tdur === undefined ? {} : { cpu: dur > 0 ? (slice.tdur * wall) / dur : 0 }) };
}

/** The union of the slices' spans within [from, to], sorted and disjoint. */
function busyIntervals(slices: TraceEvent[], from: number, to: number): Interval[] {
  const spans = slices
    .map((s): Interval => [Math.max(s.ts, from), Math.min(s.ts + (s.dur ?? 0), to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: Interval[] = [];
  for (const [a, b] of spans) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/**
 * Each slice name's self time within [from, to], wall and thread time: a slice's time less the
 * slices directly inside it (never below nothing), so that time is counted once, to the most precise
 * name the trace has for it. Also the thread time of the outermost slices, the thread's own CPU.
 */
function sliceSelfTimes(slices: TraceEvent[], from: number, to: number) {
  const sorted = [...slices].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const own = new Map<TraceEvent, Time>();
  const open: TraceEvent[] = [];
  let cpu: number | undefined;
  for (const slice of sorted) {
    while (open.length) {
      const last = open.at(-1) as TraceEvent;
      if (last.ts + (last.dur ?? 0) > slice.ts) break;
      open.pop();
    }
    const mine = clipped(slice, from, to);
    own.set(slice, { ...mine });
    const parent = open.at(-1);
    if (parent) {
      // Only the part inside the parent is taken from it: a slice may outlast the one it starts in.
      const end = Math.min(slice.ts + (slice.dur ?? 0), parent.ts + (parent.dur ?? 0));
      const inside = overlap(slice.ts, end, from, to);
      const theirs = own.get(parent) as Time;
      theirs.wall -= inside;
      if (theirs.cpu !== undefined && mine.cpu !== undefined && mine.wall > 0)
        theirs.cpu -= (mine.cpu * inside) / mine.wall;
    } else if (mine.cpu !== undefined) cpu = (cpu ?? 0) + mine.cpu;
    open.push(slice);
  }
  const parts = new Map<string, Time>();
  for (const [slice, { wall, cpu: sliceCpu }] of own)
    addTime(parts, slice.name, Math.max(0, wall), sliceCpu === undefined ? undefined : Math.max(0, sliceCpu));
  return { parts, cpu };
}

const toMs = (us: number) => Math.round(us / 100) / 10;

/**
 * The named threads' busy time and what filled it, within [from, to] (trace µs): JavaScript functions'
 * self time where V8 profiled the thread, the trace's slices' self time otherwise. Threads of one name
 * (a second worker, say) are summed.
 */
export function threadProfiles(
  events: TraceEvent[],
  from: number,
  to: number,
  threads: string[] = THREADS,
  topCount = 12,
): ThreadProfile[] {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(key(e), String(e.args?.name ?? ''));
  const slicesOf = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || MARKERS.has(e.name)) continue;
    const list = slicesOf.get(key(e)) ?? [];
    list.push(e);
    slicesOf.set(key(e), list);
  }
  const busy = new Map([...slicesOf].map(([id, slices]) => [id, busyIntervals(slices, from, to)]));
  const self = selfTimes(events, busy);
  return threads.flatMap((thread) => {
    const ids = [...names].filter(([, name]) => name === thread).map(([id]) => id);
    let busyUs = 0;
    let cpuUs: number | undefined;
    const parts = new Map<string, Time>();
    for (const id of ids) {
      busyUs += (busy.get(id) ?? []).reduce((sum, [a, b]) => sum + b - a, 0);
      const slices = sliceSelfTimes(slicesOf.get(id) ?? [], from, to);
      if (slices.cpu !== undefined) cpuUs = (cpuUs ?? 0) + slices.cpu;
      const profiled = self.get(id);
      if (profiled?.size) for (const [name, us] of profiled) addTime(parts, name, us);
      else for (const [name, { wall, cpu }] of slices.parts) addTime(parts, name, wall, cpu);
    }
    if (busyUs === 0) return [];
    const top = [...parts]
      .filter(([, { wall }]) => wall > 0)
      .sort((a, b) => b[1].wall - a[1].wall)
      .slice(0, topCount)
      .map(([name, { wall, cpu }]) => ({
        name,
        ms: toMs(wall),
        ...(cpu === undefined ? {} : { cpuMs: toMs(cpu) }),
      }));
    return [{ thread, busyMs: toMs(busyUs), ...(cpuUs === undefined ? {} : { cpuMs: toMs(cpuUs) }), top }];
  });
}

/** The time (trace µs) the browser asked for `url`: the start of a page load in its trace. */
export function requestTime(events: TraceEvent[], url: string): number {
  const sent = events.filter((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url === url);
  if (!sent.length) throw new Error(`The trace has no request for ${url}`);
  return Math.min(...sent.map((e) => e.ts));
}

/** The median of the numbers that exist, or none. */
const medianOf = (values: (number | undefined)[]): number | undefined => {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length ? stats(known).median : undefined;
};

/**
 * Each thread's median busy time and the median time of what filled it, over `loads`; a part missing
 * from a load's list counts as 0 there.
 */
export function medianProfile(loads: ThreadProfile[][], topCount = 12): ThreadProfile[] {
  const threads = [...new Set(loads.flatMap((load) => load.map((t) => t.thread)))];
  return threads.map((thread) => {
    const of = loads.map((load) => load.find((t) => t.thread === thread));
    const names = [...new Set(of.flatMap((t) => t?.top.map((p) => p.name) ?? []))];
    const top = names
      .map((name) => {
        const parts = of.map((t) => t?.top.find((p) => p.name === name));
        const cpuMs = medianOf(parts.map((p) => p?.cpuMs));
        return {
          name,
          ms: stats(parts.map((p) => p?.ms ?? 0)).median,
          ...(cpuMs === undefined ? {} : { cpuMs }),
        };
      })
      .sort((a, b) => b.ms - a.ms)
      .slice(0, topCount);
    const cpuMs = medianOf(of.map((t) => t?.cpuMs));
    return {
      thread,
      busyMs: stats(of.map((t) => t?.busyMs ?? 0)).median,
      ...(cpuMs === undefined ? {} : { cpuMs }),
      top,
    };
  });
}

/** A page's profile as Markdown. */
export function profileTable(target: string, idle: number[], threads: ThreadProfile[]): string {
  const lines = [`### ${target}: first idle ${ms(stats(idle).median)} (median of ${idle.length})`, ''];
  const cpu = (value?: number) => (value === undefined ? '—' : value.toFixed(1));
  for (const { thread, busyMs, cpuMs, top } of threads) {
    const own = cpuMs === undefined ? '' : `, of which the thread's own CPU ${ms(cpuMs)}`;
    lines.push(`**${thread}**: busy ${ms(busyMs)}${own}`, '');
    lines.push('| wall ms | own CPU ms | function or slice |', '| ---: | ---: | --- |');
    for (const part of top) lines.push(`| ${part.ms.toFixed(1)} | ${cpu(part.cpuMs)} | \`${part.name}\` |`);
    lines.push('');
  }
  return lines.join('\n');
}
