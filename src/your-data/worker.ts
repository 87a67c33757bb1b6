/**
 * The reading worker: a module worker from the page's own origin (`worker-src 'self'`), so parsing
 * never blocks the map and the reader libraries load only here, when a file is opened.
 */
import { answer, type ReadRequest, type WorkerMessage } from './messages.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
};

scope.onmessage = (event) => {
  void answer(event.data, (message) => scope.postMessage(message));
};
