/**
 * The tile worker's side, as a function of its messages so Node tests it (tiles-worker.ts binds it):
 * it holds each drawn file's tiles (FileTiles) under the key the page gave its read. A file's
 * features come straight from the reading worker over a MessageChannel, never through the page; the
 * page asks for tiles (MapLibre's requests, through a protocol), a cluster's zoom, a recolouring,
 * and drops a file it no longer draws.
 */
import { FileTiles } from './tile-index.ts';
import type { MapFile } from './tile-layers.ts';

/**
 * From a reading worker, over its port: what the map draws of a file, under the page's key for it,
 * or that a read ended without one (refused, or unreadable).
 */
export type SharedFile = { type: 'file'; key: string; file: MapFile } | { type: 'none'; key: string };

/** A reading worker's port, as the tile worker holds it. */
export interface ReaderPort {
  onmessage: ((event: MessageEvent<SharedFile>) => void) | null;
  close(): void;
}

export type TileRequest =
  | { type: 'tile'; req: number; key: string; z: number; x: number; y: number }
  /** A column's value of each feature (tile-layers.ts colourValues), or none: the file's own colours. */
  | { type: 'recolour'; req: number; key: string; values?: Float64Array }
  | { type: 'expand'; req: number; key: string; cluster: number };

export type TileReply =
  | { req: number; tile: ArrayBuffer }
  | { req: number; zoom: number | null }
  | { req: number; recoloured: boolean }
  | { req: number; error: string };

export class TileServer {
  constructor(
    /** How a file is tiled; a test may give another, to see what a failure does. */
    private readonly tiling: (file: MapFile, values?: Float64Array) => FileTiles = (file, values) =>
      new FileTiles(file, values),
  ) {}

  private readonly files = new Map<string, FileTiles>();
  /** Files that could not be tiled, and why: their requests are answered with it, others go on. */
  private readonly failed = new Map<string, string>();
  /** Asked for before their features arrived: answered once they do, or once the page drops them. */
  private readonly waiting = new Map<string, ((tiles: FileTiles | undefined) => void)[]>();
  /** A column's colours chosen before the file arrived (a kept file coloured by a column). */
  private readonly values = new Map<string, Float64Array | undefined>();
  private readonly dropped = new Set<string>();
  /** For each key a port still waits on, what marks it done there. */
  private readonly ports = new Map<string, (key: string) => void>();

  /**
   * A reading worker's port for the reads `keys`: their files are taken in, and the port is closed
   * once each has come, ended without a file, or been dropped (a cancelled read never comes).
   */
  listen(port: ReaderPort, keys: readonly string[]): void {
    const left = new Set(keys);
    const done = (key: string) => {
      this.ports.delete(key);
      if (left.delete(key) && left.size === 0) port.close();
    };
    for (const key of keys) this.ports.set(key, done);
    port.onmessage = ({ data }) => {
      if (data.type === 'file') this.receive(data);
      done(data.key);
    };
    if (left.size === 0) port.close();
  }

  receive(file: Extract<SharedFile, { type: 'file' }>): void {
    if (this.dropped.has(file.key)) return;
    let tiles: FileTiles | undefined;
    try {
      tiles = this.tiling(file.file, this.values.get(file.key));
      this.files.set(file.key, tiles);
    } catch (error) {
      this.failed.set(file.key, error instanceof Error ? error.message : String(error));
    }
    this.values.delete(file.key);
    this.settle(file.key, tiles);
  }

  /** Answers what waited for a file's tiles: with them, or with none (dropped, or not tiled). */
  private settle(key: string, tiles: FileTiles | undefined): void {
    for (const resolve of this.waiting.get(key) ?? []) resolve(tiles);
    this.waiting.delete(key);
  }

  drop(key: string): void {
    this.ports.get(key)?.(key);
    this.files.delete(key);
    this.failed.delete(key);
    this.values.delete(key);
    this.dropped.add(key);
    this.settle(key, undefined);
  }

  private tilesOf(key: string): Promise<FileTiles | undefined> {
    const tiles = this.files.get(key);
    if (tiles || this.dropped.has(key) || this.failed.has(key)) return Promise.resolve(tiles);
    return new Promise((resolve) => this.waiting.set(key, [...(this.waiting.get(key) ?? []), resolve]));
  }

  async answer(request: TileRequest): Promise<TileReply> {
    const { req, key } = request;
    if (
      request.type === 'recolour' &&
      !this.files.has(key) &&
      !this.dropped.has(key) &&
      !this.failed.has(key)
    ) {
      this.values.set(key, request.values);
      return { req, recoloured: false };
    }
    const tiles = await this.tilesOf(key);
    const failed = this.failed.get(key);
    if (failed) return { req, error: `the map could not draw this file: ${failed}` };
    if (!tiles) return { req, error: `no file ${key}` };
    if (request.type === 'tile') {
      const bytes = tiles.tile(request.z, request.x, request.y);
      // A buffer of its own, so it can be transferred rather than copied.
      const tile =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
          ? (bytes.buffer as ArrayBuffer)
          : (bytes.slice().buffer as ArrayBuffer);
      return { req, tile };
    }
    if (request.type === 'expand') return { req, zoom: tiles.expansionZoom(request.cluster) };
    tiles.index(request.values);
    return { req, recoloured: true };
  }
}
