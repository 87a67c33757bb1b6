import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A story's page on another origin (another loopback port) that holds `html`, as a news site would. */
export async function hostPage(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/story.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
