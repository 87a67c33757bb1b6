/**
 * The worker's wiring, in Node: `answer` is all worker.ts runs, and `openFiles` is tested against a
 * stand-in Worker that runs `answer` in this process, with a structured clone each way as the
 * browser's postMessage makes.
 */
import { describe, expect, it } from 'vitest';
import {
  answer,
  FEATURES_A_MESSAGE,
  PROGRESS_ABOVE,
  type ToReader,
  type WorkerMessage,
} from '../../../src/your-data/messages.ts';
import { openFiles } from '../../../src/your-data/open.ts';
import { FILE_LIMITS, readFile } from '../../../src/your-data/read.ts';
import type { SharedFile } from '../../../src/your-data/tile-server.ts';
import { fixture } from './helpers.ts';

const csv = fixture('spanish-excel/incautaciones.csv');

/** A GeoJSON of `count` points, each with its index as a property. */
const manyPoints = (count: number): Uint8Array<ArrayBuffer> =>
  new TextEncoder().encode(
    JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: count }, (_, i) => ({
        type: 'Feature',
        properties: { i },
        geometry: { type: 'Point', coordinates: [-90, 15] },
      })),
    }),
  );

/** A file of more than PROGRESS_ABOVE bytes that is quick to read: one point, then white space. */
function largeFile(): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`{"type":"Point","coordinates":[-90,15]}${' '.repeat(PROGRESS_ABOVE)}`);
}

describe('answer (what the worker runs)', () => {
  it('reads bytes in one message, the result the reader gives', async () => {
    const messages: WorkerMessage[] = [];
    await answer({ id: 3, file: csv, name: 'incautaciones.csv' }, (m) => messages.push(m));
    expect(messages).toEqual([{ id: 3, type: 'result', result: readFile(csv, 'incautaciones.csv') }]);
  });

  it('sends many features in parts, a message each, and hands them whole to the tile worker', async () => {
    const messages: WorkerMessage[] = [];
    const shared: SharedFile[] = [];
    const count = FEATURES_A_MESSAGE * 2 + 5;
    await answer(
      { id: 0, file: manyPoints(count), name: 'many.geojson', key: 'k' },
      (m) => messages.push(m),
      (file) => shared.push(file),
    );
    expect(
      messages.map((m) =>
        m.type === 'result'
          ? `result ${m.result.ok && m.result.features.length} of ${m.result.ok && m.result.tiles}, ${m.more} more`
          : m.type === 'features'
            ? `features ${m.features.length} from ${m.features[0]?.id}`
            : m.type,
      ),
    ).toEqual([
      `result ${FEATURES_A_MESSAGE} of k, 2 more`,
      `features ${FEATURES_A_MESSAGE} from ${FEATURES_A_MESSAGE}`,
      `features 5 from ${FEATURES_A_MESSAGE * 2}`,
    ]);
    expect(shared.map((f) => [f.key, f.type === 'file' && f.file.points.length / 2])).toEqual([['k', count]]);
  });

  it('works out the bounds of every position, so the page makes no pass for them', () => {
    const result = readFile(csv, 'incautaciones.csv');
    const positions = result.ok
      ? result.features.flatMap((f) => (f.geometry.type === 'Point' ? [f.geometry.coordinates] : []))
      : [];
    expect(positions.length).toBeGreaterThan(1);
    const xs = positions.map((p) => p[0] as number);
    const ys = positions.map((p) => p[1] as number);
    expect(result.ok && result.bounds).toEqual([
      Math.min(...xs),
      Math.min(...ys),
      Math.max(...xs),
      Math.max(...ys),
    ]);
  });

  it('passes the reader’s answers on to the reader', async () => {
    const messages: WorkerMessage[] = [];
    const request: ToReader = {
      id: 0,
      file: new Blob([csv]),
      name: 'x.csv',
      options: { dateOrder: 'day-first' },
    };
    await answer(request, (m) => messages.push(m));
    const result = messages[0]?.type === 'result' ? messages[0].result : undefined;
    expect(result?.ok && result.dates?.order).toBe('day-first');
  });

  it('reports progress while reading a large File, then parsing, then the result', async () => {
    const big = largeFile();
    const messages: WorkerMessage[] = [];
    await answer({ id: 1, file: new Blob([big]), name: 'big.geojson' }, (m) => messages.push(m));
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    const loaded = progress.map((m) => m.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({
      id: 1,
      type: 'progress',
      stage: 'parsing',
      loaded: big.length,
      total: big.length,
    });
    const last = messages.at(-1);
    expect(last?.type === 'result' && last.result.ok && last.result.features.length).toBe(1);
  });

  it('tells the tile worker a read ended without a file, whatever ended it', async () => {
    const shared: SharedFile[] = [];
    const unreadable = new Blob([csv]);
    unreadable.arrayBuffer = () => Promise.reject(new Error('NotReadableError'));
    const reads = [
      { id: 0, file: new Uint8Array(), name: 'empty.csv', key: 'empty' },
      { id: 1, file: unreadable, name: 'gone.csv', key: 'gone' },
      { id: 2, file: csv, name: 'x.csv', key: 'drawn' },
    ];
    for (const request of reads)
      await answer(
        request,
        () => {},
        (file) => shared.push(file),
      );
    expect(shared.map((f) => [f.type, f.key])).toEqual([
      ['none', 'empty'],
      ['none', 'gone'],
      ['file', 'drawn'],
    ]);
  });

  it('refuses a File over 200 MB from its size, without reading it', async () => {
    const huge = new Blob([csv]);
    Object.defineProperty(huge, 'size', { value: FILE_LIMITS.refuse + 1 });
    huge.arrayBuffer = () => Promise.reject(new Error('read'));
    huge.stream = () => {
      throw new Error('read');
    };
    const messages: WorkerMessage[] = [];
    await answer({ id: 0, file: huge, name: 'huge.csv' }, (m) => messages.push(m));
    expect(messages).toEqual([
      {
        id: 0,
        type: 'result',
        result: { ok: false, file: 'huge.csv', problem: { file: 'huge.csv', rule: 'too-large' } },
      },
    ]);
  });

  it('answers a File the browser cannot read with one line, not silence', async () => {
    const unreadable = new Blob([csv]);
    unreadable.arrayBuffer = () => Promise.reject(new Error('NotReadableError: the file changed'));
    const messages: WorkerMessage[] = [];
    await answer({ id: 0, file: unreadable, name: 'gone.csv' }, (m) => messages.push(m));
    expect(messages).toEqual([
      {
        id: 0,
        type: 'result',
        result: {
          ok: false,
          file: 'gone.csv',
          problem: { file: 'gone.csv', rule: 'failed', detail: 'NotReadableError: the file changed' },
        },
      },
    ]);
  });
});

/** Enough of a Worker for openFiles: messages cloned each way, answered by `answer`. */
class InProcessWorker {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  private tiles: MessagePort | undefined;
  postMessage(request: ToReader): void {
    if ('port' in request) {
      this.tiles = request.port;
      return;
    }
    void answer(
      structuredClone(request),
      (message) => {
        if (!this.terminated)
          this.onmessage?.({ data: structuredClone(message) } as MessageEvent<WorkerMessage>);
      },
      (file) => this.tiles?.postMessage(file),
    );
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('openFiles (what the page calls)', () => {
  const files = [
    new File([csv], 'incautaciones.csv'),
    new File([fixture('mymaps-kml/airstrips.kml')], 'airstrips.kml'),
    new File([], 'empty.geojson'),
  ];

  it('resolves with one result a file, in order, and stops its worker', async () => {
    let worker: InProcessWorker | undefined;
    const results = await openFiles(files, {
      worker: () => {
        worker = new InProcessWorker();
        return worker as unknown as Worker;
      },
    });
    expect(results.map((r) => [r.file, r.ok, r.ok ? r.format : r.problem.rule])).toEqual([
      ['incautaciones.csv', true, 'csv'],
      ['airstrips.kml', true, 'kml'],
      ['empty.geojson', false, 'empty'],
    ]);
    expect(worker?.terminated).toBe(true);
  });

  it('keeps prototype-free properties safe across the clone', async () => {
    const [result] = await openFiles([new File([fixture('hostile-properties/hostile.csv')], 'hostile.csv')], {
      worker: () => new InProcessWorker() as unknown as Worker,
    });
    const p = result?.ok ? (result.features[0]?.properties as Record<string, unknown>) : {};
    expect(Object.hasOwn(p, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(p, '__proto__')?.value).toBe('polluted');
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
  });

  it('forwards progress for a large file', async () => {
    const seen: string[] = [];
    await openFiles([new File([csv], 'small.csv'), new File([largeFile()], 'big.geojson')], {
      worker: () => new InProcessWorker() as unknown as Worker,
      onProgress: ({ index, file, stage }) => seen.push(`${index} ${file} ${stage}`),
    });
    expect(seen.at(0)).toBe('1 big.geojson reading');
    expect(seen.at(-1)).toBe('1 big.geojson parsing');
  });

  it('puts a file’s parts together in order, and hands it to the tile worker under its key', async () => {
    const channel = new MessageChannel();
    const shared = new Promise<SharedFile>((resolve) => {
      channel.port2.onmessage = ({ data }: MessageEvent<SharedFile>) => resolve(data);
    });
    const count = FEATURES_A_MESSAGE + 3;
    const [result] = await openFiles([new File([manyPoints(count)], 'many.geojson')], {
      worker: () => new InProcessWorker() as unknown as Worker,
      tiles: { port: () => channel.port1, drop: () => {} },
    });
    expect(result?.ok && result.features.map((f) => f.id)).toEqual(
      Array.from({ length: count }, (_, i) => i),
    );
    const file = await shared;
    expect([file.key, file.type === 'file' && file.file.points.length / 2]).toEqual([
      result?.ok && result.tiles,
      count,
    ]);
    channel.port2.close();
  });

  it('puts a dated CSV’s rows and dates together with its features, each still its own row’s', async () => {
    const count = FEATURES_A_MESSAGE + 3;
    const day = (i: number) =>
      new Date(Date.UTC(2011, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    const lines = Array.from({ length: count }, (_, i) => `${i},15,-90,${day(i)}`);
    const file = new File([`id,lat,lon,fecha\n${lines.join('\n')}\n`], 'dated.csv');
    const [result] = await openFiles([file], { worker: () => new InProcessWorker() as unknown as Worker });
    if (!result?.ok) throw new Error('not read');
    expect(result.features).toHaveLength(count);
    expect(result.rows).toEqual(Array.from({ length: count }, (_, i) => i + 2));
    expect(result.dates?.values.map((d) => d?.date)).toEqual(Array.from({ length: count }, (_, i) => day(i)));
    expect(result.features.map((f) => f.properties?.id)).toEqual(Array.from({ length: count }, (_, i) => i));
    // And no message carries more than its part of them.
    const messages: WorkerMessage[] = [];
    await answer({ id: 0, file, name: 'dated.csv' }, (m) => messages.push(m));
    const sizes = messages.map((m) =>
      m.type === 'result' && m.result.ok
        ? [m.result.features.length, m.result.rows?.length, m.result.dates?.values.length]
        : m.type === 'features'
          ? [m.features.length, m.rows?.length, m.dates?.length]
          : [],
    );
    expect(sizes).toEqual([
      [FEATURES_A_MESSAGE, FEATURES_A_MESSAGE, FEATURES_A_MESSAGE],
      [3, 3, 3],
    ]);
  });

  it('stops the worker, drops what the tile worker holds of it, and rejects when cancelled', async () => {
    const dropped: string[] = [];
    const controller = new AbortController();
    const opening = openFiles([new File([csv], 'small.csv'), new File([largeFile()], 'big.geojson')], {
      worker: () => new InProcessWorker() as unknown as Worker,
      signal: controller.signal,
      tiles: { port: () => new MessageChannel().port1, drop: (key) => dropped.push(key) },
      onProgress: () => controller.abort(new Error('cancelled by the reader')),
    });
    await expect(opening).rejects.toThrow('cancelled by the reader');
    expect(dropped).toHaveLength(2);
    expect(new Set(dropped).size).toBe(2);
  });

  it('stops the worker and rejects when cancelled', async () => {
    const controller = new AbortController();
    const worker = new InProcessWorker();
    const opening = openFiles([new File([largeFile()], 'big.geojson')], {
      worker: () => worker as unknown as Worker,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('cancelled by the reader')),
    });
    await expect(opening).rejects.toThrow('cancelled by the reader');
    expect(worker.terminated).toBe(true);
  });
});
