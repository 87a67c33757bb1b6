/**
 * The reading worker: a module worker from the page's own origin (`worker-src 'self'`), so parsing
 * never blocks the map and the reader libraries load only here, when a file is opened.
 */
import { answer, type ToReader, type WorkerMessage } from './messages.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToReader>) => void) | null;
  postMessage(message: WorkerMessage): void;
};

/** The tile worker's end of a channel, where each file read whole goes too. */
let tiles: MessagePort | undefined;

scope.onmessage = ({ data }) => {
  if ('port' in data) {
    tiles = data.port;
    return;
  }
  void answer(
    data,
    (message) => scope.postMessage(message),
    // Its points' buffer moves to the tile worker: no copy.
    (shared) => tiles?.postMessage(shared, shared.type === 'file' ? [shared.file.points.buffer] : []),
  );
};
