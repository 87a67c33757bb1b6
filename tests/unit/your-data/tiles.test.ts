/**
 * The map's tiles of a reader's file, made in the tile worker (src/your-data/tile-index.ts and
 * tile-server.ts): decoded here as MapLibre decodes them, with @mapbox/vector-tile.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { type ColourScheme, schemeFor } from '../../../src/your-data/colour-by.ts';
import { FileTiles } from '../../../src/your-data/tile-index.ts';
import { CLUSTERING, colourValues, mapFileOf, sourceLayersOf } from '../../../src/your-data/tile-layers.ts';
import { type ReaderPort, type SharedFile, TileServer } from '../../../src/your-data/tile-server.ts';
import { TilesClient } from '../../../src/your-data/tiles.ts';
import type { TilesMessage } from '../../../src/your-data/tiles-worker.ts';
import type { YourFeature } from '../../../src/your-data/types.ts';

const point = (
  id: number,
  lon: number,
  lat: number,
  properties: Record<string, unknown> = {},
): YourFeature => ({
  type: 'Feature',
  id,
  properties,
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

/** `count` points in a square degree around Guatemala City, the same every time. */
const points = (count: number): YourFeature[] =>
  Array.from({ length: count }, (_, i) =>
    point(i, -90.5 + (i % 100) / 100, 14.6 + Math.floor(i / 100) / 20000),
  );

const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes));

/** Every feature of a tile's layer, as MapLibre reads it. */
function featuresOf(bytes: Uint8Array, layer: string) {
  const found = decode(bytes).layers[layer];
  return Array.from({ length: found?.length ?? 0 }, (_, i) => found?.feature(i)).filter(
    (f) => f !== undefined,
  );
}

describe('FileTiles', () => {
  const mixed: YourFeature[] = [
    point(0, -90.5, 14.6, { name: 'Airstrip', 'marker-color': '#ff0000', notes: '<b>secret</b>' }),
    {
      type: 'Feature',
      id: 1,
      properties: { stroke: '#00ff00' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [-90.5, 14.6],
          [-89.5, 15.6],
        ],
      },
    },
  ];

  it('puts points and shapes in layers of their own, with their ids and their own colours only', () => {
    // The tile over Guatemala at zoom 5 (at zoom 0 a point this far west is also in the wrapped world's buffer).
    const tile = new FileTiles(mapFileOf(mixed)).tile(5, 7, 14);
    const [airstrip] = featuresOf(tile, 'points');
    const [road] = featuresOf(tile, 'shapes');
    expect(airstrip?.id).toBe(0);
    expect(airstrip?.properties).toEqual({ 'marker-color': '#ff0000' });
    expect(road?.id).toBe(1);
    expect(road?.properties).toEqual({ stroke: '#00ff00' });
    expect(featuresOf(tile, 'points')).toHaveLength(1);
  });

  it('draws a collection’s point with the points and its area with the shapes, under the feature’s id', () => {
    const collection: YourFeature = {
      type: 'Feature',
      id: 0,
      properties: {},
      geometry: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [-89.5, 15] },
          {
            type: 'Polygon',
            coordinates: [
              [
                [-89.4, 14.9],
                [-89.3, 14.9],
                [-89.3, 15],
                [-89.4, 14.9],
              ],
            ],
          },
        ],
      },
    };
    const tile = new FileTiles(mapFileOf([collection])).tile(5, 8, 14);
    expect(featuresOf(tile, 'points').map((f) => [f.id, f.type])).toEqual([[0, 1]]);
    expect(featuresOf(tile, 'shapes').map((f) => [f.id, f.type])).toEqual([[0, 3]]);
    expect(sourceLayersOf(collection.geometry)).toEqual(['points', 'shapes']);
  });

  it('tiles a collection nested a thousand deep, which the tiler alone refuses', () => {
    let geometry: GeoJSON.Geometry = { type: 'Point', coordinates: [-89.5, 15] };
    for (let i = 0; i < 1100; i++) geometry = { type: 'GeometryCollection', geometries: [geometry] };
    const tile = new FileTiles(mapFileOf([{ type: 'Feature', id: 0, properties: {}, geometry }])).tile(
      5,
      8,
      14,
    );
    expect(featuresOf(tile, 'points')).toHaveLength(1);
  });

  it('holds what the map draws and nothing else: positions, other geometries, own colours', () => {
    const file = mapFileOf(mixed);
    expect([...file.points]).toEqual([-90.5, 14.6, Number.NaN, Number.NaN]);
    expect(file.others).toEqual([[1, mixed[1]?.geometry]]);
    expect(file.colours).toEqual([
      [0, { 'marker-color': '#ff0000' }],
      [1, { stroke: '#00ff00' }],
    ]);
  });

  it('gives an empty tile where the file has nothing', () => {
    // Zoom 5, the tile over the Pacific west of Hawaii.
    expect(Object.keys(decode(new FileTiles(mapFileOf(mixed)).tile(5, 0, 12)).layers)).toEqual([]);
  });

  it(`clusters a file from ${CLUSTERING.from} points, counting every point once`, () => {
    const few = new FileTiles(mapFileOf(points(CLUSTERING.from - 1)));
    expect(few.clustered).toBe(false);
    expect(featuresOf(few.tile(0, 0, 0), 'points').filter((f) => 'point_count' in f.properties)).toEqual([]);
    const many = new FileTiles(mapFileOf(points(CLUSTERING.from)));
    expect(many.clustered).toBe(true);
    const found = featuresOf(many.tile(0, 0, 0), 'points');
    const counted = found.reduce((n, f) => n + (Number(f.properties.point_count) || 1), 0);
    expect(counted).toBe(CLUSTERING.from);
    const cluster = found.find((f) => f.properties.cluster === true);
    const zoom = many.expansionZoom(Number(cluster?.properties.cluster_id));
    expect(zoom).toBeGreaterThan(0);
    expect(zoom).toBeLessThanOrEqual(CLUSTERING.maxZoom + 1);
  });

  it('tiles again with a column’s values under _c, and without them', () => {
    const features = [point(0, -89.5, 15, { kind: 'air' }), point(1, -89.2, 15, { kind: 'sea' })];
    const tileOf = (tiles: FileTiles) => featuresOf(tiles.tile(5, 8, 14), 'points');
    const tiles = new FileTiles(mapFileOf(features));
    expect(tileOf(tiles).map((f) => f.properties._c)).toEqual([undefined, undefined]);
    tiles.index(colourValues(features, schemeFor(features, 'kind') as ColourScheme));
    expect(
      tileOf(tiles)
        .map((f) => f.properties._c)
        .sort(),
    ).toEqual([0, 1]);
    tiles.index();
    expect(tileOf(tiles).map((f) => f.properties._c)).toEqual([undefined, undefined]);
  });
});

describe('TileServer', () => {
  const features = [point(0, -90, 15)];
  const file = mapFileOf(features);

  it('answers a tile asked for before the file arrived, once it does', async () => {
    const server = new TileServer();
    const asked = server.answer({ type: 'tile', req: 7, key: 'a', z: 0, x: 0, y: 0 });
    server.receive({ type: 'file', key: 'a', file });
    const reply = await asked;
    expect(reply.req).toBe(7);
    expect('tile' in reply && featuresOf(new Uint8Array(reply.tile), 'points')).toHaveLength(1);
  });

  it('colours a file by the column chosen before it arrived', async () => {
    const server = new TileServer();
    const weighed = [point(0, -90, 15, { kg: 5 })];
    const values = colourValues(weighed, schemeFor(weighed, 'kg') as ColourScheme);
    await server.answer({ type: 'recolour', req: 1, key: 'a', values });
    server.receive({ type: 'file', key: 'a', file: mapFileOf(weighed) });
    const reply = await server.answer({ type: 'tile', req: 2, key: 'a', z: 0, x: 0, y: 0 });
    expect('tile' in reply && featuresOf(new Uint8Array(reply.tile), 'points')[0]?.properties._c).toBe(5);
  });

  it('answers a file it could not tile with why, and goes on drawing the others', async () => {
    const server = new TileServer((file, values) => {
      if (file.points[0] === -1) throw new Error('too deep');
      return new FileTiles(file, values);
    });
    const waiting = server.answer({ type: 'tile', req: 1, key: 'bad', z: 0, x: 0, y: 0 });
    server.receive({ type: 'file', key: 'bad', file: mapFileOf([point(0, -1, 15)]) });
    server.receive({ type: 'file', key: 'good', file });
    expect(await waiting).toEqual({ req: 1, error: 'the map could not draw this file: too deep' });
    const good = await server.answer({ type: 'tile', req: 2, key: 'good', z: 0, x: 0, y: 0 });
    expect('tile' in good && featuresOf(new Uint8Array(good.tile), 'points')).toHaveLength(1);
  });

  it('closes a reading worker’s port once each of its reads is done or dropped', async () => {
    const server = new TileServer();
    let closed = 0;
    const port: ReaderPort = { onmessage: null, close: () => (closed += 1) };
    server.listen(port, ['a', 'b', 'c']);
    const send = (data: SharedFile) => port.onmessage?.({ data } as MessageEvent<SharedFile>);
    send({ type: 'file', key: 'a', file });
    send({ type: 'none', key: 'b' });
    expect(closed).toBe(0);
    // The read of c was cancelled: its worker was stopped before it said anything.
    server.drop('c');
    expect(closed).toBe(1);
    const reply = await server.answer({ type: 'tile', req: 1, key: 'a', z: 0, x: 0, y: 0 });
    expect('tile' in reply).toBe(true);
    const none: ReaderPort = { onmessage: null, close: () => (closed += 1) };
    server.listen(none, []);
    expect(closed).toBe(2);
  });

  it('forgets a dropped file, and answers what waited for it with an error, not silence', async () => {
    const server = new TileServer();
    const waiting = server.answer({ type: 'tile', req: 1, key: 'gone', z: 0, x: 0, y: 0 });
    server.drop('gone');
    expect(await waiting).toEqual({ req: 1, error: 'no file gone' });
    // Its features arriving late (the reading worker was still sending them) bring nothing back.
    server.receive({ type: 'file', key: 'gone', file });
    expect(await server.answer({ type: 'expand', req: 2, key: 'gone', cluster: 1 })).toEqual({
      req: 2,
      error: 'no file gone',
    });
  });
});

/** A tile worker in this process: its messages cloned each way, answered by a TileServer. */
class InProcessTiles {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly asked: string[] = [];
  readonly server = new TileServer();
  terminated = false;
  terminate(): void {
    this.terminated = true;
  }
  postMessage(message: TilesMessage): void {
    this.asked.push(message.type);
    if (message.type === 'drop') this.server.drop(message.key);
    if (message.type === 'port' || message.type === 'drop') return;
    void this.server
      .answer(structuredClone(message))
      .then((reply) => this.onmessage?.({ data: reply } as MessageEvent));
  }
}

describe('TilesClient (the page’s side)', () => {
  it('tiles a file again only when its colouring changes, with the values worked out on the page', async () => {
    const worker = new InProcessTiles();
    const client = new TilesClient(() => worker as unknown as Worker);
    const features = [point(0, -89.5, 15, { kind: 'air' }), point(1, -89.2, 15, { kind: 'sea' })];
    worker.server.receive({ type: 'file', key: 'k', file: mapFileOf(features) });
    const scheme = schemeFor(features, 'kind') as ColourScheme;
    expect(await client.recolour('k', undefined, features)).toBe(false);
    expect(await client.recolour('k', scheme, features)).toBe(true);
    expect(await client.recolour('k', structuredClone(scheme), features)).toBe(false);
    const tile = new Uint8Array(await client.tile('k', 5, 8, 14));
    expect(
      featuresOf(tile, 'points')
        .map((f) => f.properties._c)
        .sort(),
    ).toEqual([0, 1]);
    expect(await client.recolour('k', undefined, features)).toBe(true);
    expect(worker.asked.filter((type) => type === 'recolour')).toHaveLength(2);
    client.drop('k');
    await expect(client.tile('k', 5, 8, 14)).rejects.toThrow('no file k');
  });

  it('settles a tile MapLibre gave up on at once', async () => {
    const worker = new InProcessTiles();
    const client = new TilesClient(() => worker as unknown as Worker);
    const abort = new AbortController();
    // The file never arrives: the request would wait for it.
    const asked = client.tile('never', 0, 0, 0, abort.signal);
    abort.abort(new Error('moved on'));
    await expect(asked).rejects.toThrow('moved on');
  });

  it('fails every request at once, saying so, once the tile worker has stopped', async () => {
    const worker = new InProcessTiles();
    let made = 0;
    const client = new TilesClient(() => {
      made += 1;
      return worker as unknown as Worker;
    });
    const waiting = client.tile('never', 0, 0, 0);
    worker.onerror?.({ message: 'out of memory' } as ErrorEvent);
    await expect(waiting).rejects.toThrow('tile worker stopped (out of memory)');
    await expect(client.tile('k', 0, 0, 0)).rejects.toThrow('reload the page');
    expect(() => client.port(['k'])).toThrow('reload the page');
    expect(made).toBe(1);
    expect(worker.terminated).toBe(true);
  });
});
