/**
 * The page's side of the tile worker (tiles-worker.ts): one worker for the page, started with the
 * first file read. The map asks it for tiles through a protocol (src/map/your-data-layers.ts), and
 * each openFiles call gives its reading worker a port to hand the worker its files, so a file's
 * features reach the map without a pass on the page's thread.
 */
import type { ColourScheme } from './colour-by.ts';
import { colourValues } from './tile-layers.ts';
import type { TileReply, TileRequest } from './tile-server.ts';
import type { TilesMessage } from './tiles-worker.ts';
import type { YourFeature } from './types.ts';

type Ask = TileRequest extends infer R ? (R extends TileRequest ? Omit<R, 'req'> : never) : never;

export class TilesClient {
  private worker: Worker | undefined;
  private next = 0;
  private readonly pending = new Map<number, { resolve(reply: TileReply): void; reject(e: Error): void }>();
  /** The colouring each file's tiles have, as asked for last: none until a column is chosen. */
  private readonly colouring = new Map<string, string>();
  /**
   * Why the tile worker stopped (out of memory, a crash), after which every request fails at once
   * with it: a new worker would hold none of the files, and their tiles would never come.
   */
  private stopped: Error | undefined;

  constructor(
    private readonly make: () => Worker = () =>
      new Worker(new URL('./tiles-worker.ts', import.meta.url), { type: 'module' }),
  ) {}

  private post(message: TilesMessage, transfer: Transferable[] = []): void {
    if (this.stopped) throw this.stopped;
    if (!this.worker) {
      const worker = this.make();
      worker.onmessage = ({ data }: MessageEvent<TileReply>) => {
        this.pending.get(data.req)?.resolve(data);
        this.pending.delete(data.req);
      };
      worker.onerror = (event) => {
        this.stopped = new Error(
          `the map's tile worker stopped (${event.message}): reload the page to draw your files`,
        );
        worker.terminate();
        for (const { reject } of this.pending.values()) reject(this.stopped);
        this.pending.clear();
      };
      this.worker = worker;
    }
    this.worker.postMessage(message, transfer);
  }

  private ask(request: Ask, transfer: Transferable[] = [], signal?: AbortSignal): Promise<TileReply> {
    const req = this.next++;
    return new Promise((resolve, reject) => {
      this.post({ ...request, req } as TileRequest, transfer);
      this.pending.set(req, { resolve, reject });
      // MapLibre gave up on it (the view moved on): settled now; the worker's answer is let go.
      signal?.addEventListener('abort', () => {
        this.pending.delete(req);
        reject(signal.reason);
      });
    });
  }

  /**
   * The end of a new channel for a reading worker reading `keys`; the tile worker holds the other,
   * and closes it once each of those reads is done or dropped.
   */
  port(keys: readonly string[]): MessagePort {
    const channel = new MessageChannel();
    this.post({ type: 'port', port: channel.port2, keys: [...keys] }, [channel.port2]);
    return channel.port1;
  }

  async tile(key: string, z: number, x: number, y: number, signal?: AbortSignal): Promise<ArrayBuffer> {
    const reply = await this.ask({ type: 'tile', key, z, x, y }, [], signal);
    if ('tile' in reply) return reply.tile;
    throw new Error('error' in reply ? reply.error : 'no tile');
  }

  /**
   * Tiles a file again coloured by a column's values (or by its own colours), unless they already
   * are; whether they changed (and must be fetched again). The values are worked out here, from the
   * page's copy: the tile worker holds no properties.
   */
  async recolour(
    key: string,
    scheme: ColourScheme | undefined,
    features: readonly YourFeature[],
  ): Promise<boolean> {
    const colouring = JSON.stringify(scheme ?? null);
    if ((this.colouring.get(key) ?? 'null') === colouring) return false;
    this.colouring.set(key, colouring);
    const values = scheme && colourValues(features, scheme);
    try {
      const reply = await this.ask(
        { type: 'recolour', key, ...(values ? { values } : {}) },
        values ? [values.buffer] : [],
      );
      if ('error' in reply) throw new Error(reply.error);
      return 'recoloured' in reply && reply.recoloured;
    } catch (error) {
      // Not coloured so, whatever it was asked: asking again must try again.
      this.colouring.delete(key);
      throw error;
    }
  }

  async expansionZoom(key: string, cluster: number): Promise<number | null> {
    const reply = await this.ask({ type: 'expand', key, cluster });
    return 'zoom' in reply ? reply.zoom : null;
  }

  /** A file the page no longer draws, or never will (a read asked questions and was read again). */
  drop(key: string): void {
    this.colouring.delete(key);
    if (this.worker && !this.stopped) this.post({ type: 'drop', key });
  }
}

/** The page's one tile worker, started on first use. */
export const yourTiles = new TilesClient();
