import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.geojson': 'application/geo+json',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.pbf': 'application/x-protobuf',
  '.gpkg': 'application/geopackage+sqlite3',
};

export interface StaticServer {
  /** The URL of the page, ending in the prefix: http://127.0.0.1:PORT/prefix/ */
  url: string;
  origin: string;
  /**
   * False makes the server drop every connection but the probe's, as if the network were gone: for
   * engines whose driver cannot take a page offline.
   */
  setReachable(reachable: boolean): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * A script every HTML page runs before its own, served at `<prefix>__probe.js` (same origin, so the
   * page's script-src 'self' allows it): the engines' probe of errors and downloads.
   */
  probe?: string;
  /** Headers sent with every file, e.g. the benchmark's cross-origin isolation (COOP and COEP). */
  headers?: Record<string, string>;
  /**
   * Gzip what a static host compresses (text, and the map's data and glyphs) for a request that
   * accepts it: the benchmark's slow connection sends what a reader's would.
   */
  compress?: boolean;
}

/** Already compressed: gzip would only add to them. */
const STORED = new Set(['.png', '.webp', '.woff2', '.gpkg']);

const PROBE_FILE = '__probe.js';

/** A plain static file server on loopback, serving `root` under `prefix` (e.g. "/some/sub/path/"). */
export async function serveStatic(
  root: string,
  prefix = '/',
  options: ServeOptions = {},
): Promise<StaticServer> {
  const { probe, headers = {}, compress = false } = options;
  // Each file is compressed once: the process that serves also drives the browser being timed.
  const gzipped = new Map<string, Buffer>();
  const compressed = (file: string, body: Buffer): Buffer => {
    let zipped = gzipped.get(file);
    if (!zipped) {
      zipped = gzipSync(body);
      gzipped.set(file, zipped);
    }
    return zipped;
  };
  let reachable = true;
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!reachable && path !== `${prefix}${PROBE_FILE}`) {
      request.socket.destroy();
      return;
    }
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end('not found');
      return;
    }
    if (probe && path === `${prefix}${PROBE_FILE}`) {
      response.writeHead(200, { 'content-type': TYPES['.js'] }).end(probe);
      return;
    }
    const relative = normalize(path.slice(prefix.length) || 'index.html');
    if (relative.startsWith('..')) {
      response.writeHead(403).end();
      return;
    }
    try {
      const file = relative.endsWith('/') ? `${relative}index.html` : relative;
      const body = await readFile(join(root, file));
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // The service worker script is checked on every visit; everything else is versioned by it.
      const caching = file.endsWith('sw.js') ? { 'cache-control': 'no-cache' } : {};
      // After the policy's <meta>, so the probe runs under the same Content-Security-Policy as the page.
      const sent =
        probe && extname(file) === '.html'
          ? Buffer.from(
              body.toString().replace('<script', `<script src="${prefix}${PROBE_FILE}"></script><script`),
            )
          : body;
      const gzip =
        compress && !STORED.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
      response.writeHead(200, {
        'content-type': type,
        ...caching,
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        ...headers,
      });
      response.end(gzip ? compressed(file, sent) : sent);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    setReachable: (value) => {
      reachable = value;
      if (!value) server.closeAllConnections();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
