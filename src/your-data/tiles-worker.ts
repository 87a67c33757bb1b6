/**
 * The tile worker: one for the page, started with the first file drawn, holding every drawn file's
 * tiles (tile-server.ts). Reading workers hand it their files over a MessagePort the page gives it.
 */
import type { TileReply, TileRequest } from './tile-server.ts';
import { TileServer } from './tile-server.ts';

export type TilesMessage =
  | TileRequest
  | { type: 'port'; port: MessagePort; keys: string[] }
  | { type: 'drop'; key: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<TilesMessage>) => void) | null;
  postMessage(message: TileReply, transfer?: Transferable[]): void;
};

const server = new TileServer();

scope.onmessage = ({ data }) => {
  if (data.type === 'port') {
    server.listen(data.port, data.keys);
    return;
  }
  if (data.type === 'drop') {
    server.drop(data.key);
    return;
  }
  void server
    .answer(data)
    .catch((error: unknown): TileReply => ({ req: data.req, error: String(error) }))
    .then((reply) => scope.postMessage(reply, 'tile' in reply ? [reply.tile] : []));
};
