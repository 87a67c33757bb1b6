import { el } from './dom.ts';

/** Hands `blob` to the browser as a download named `name`, through a link the page clicks. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the blob by now; free ours a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
