import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.geojson': 'application/geo+json',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** The URL of the page, ending in the prefix: http://127.0.0.1:PORT/prefix/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * A script every HTML page runs before its own, served at `<prefix>__probe.js` (same origin, so the
   * page's script-src 'self' allows it): the engines' probe of errors and downloads.
   */
  probe?: string;
}

const PROBE_FILE = '__probe.js';

/** A plain static file server on loopback, serving `root` under `prefix` (e.g. "/some/sub/path/"). */
export async function serveStatic(
  root: string,
  prefix = '/',
  options: ServeOptions = {},
): Promise<StaticServer> {
  const { probe } = options;
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
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
      response.writeHead(200, { 'content-type': type });
      // After the policy's <meta>, so the probe runs under the same Content-Security-Policy as the page.
      if (probe && extname(file) === '.html')
        response.end(
          body.toString().replace('<script', `<script src="${prefix}${PROBE_FILE}"></script><script`),
        );
      else response.end(body);
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
