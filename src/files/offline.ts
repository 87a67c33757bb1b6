/**
 * The service worker that keeps the page, its data and its downloads for offline use (Workbox, built by
 * vite-plugin-pwa beside index.html: scripts/offline.ts). Registered from here rather than by an
 * inline script, which the Content-Security-Policy refuses.
 */

export interface OfflineOptions {
  /** A new version is installed and waiting; `accept` switches to it and reloads every tab. */
  onNewVersion: (accept: () => void) => void;
}

/**
 * Registers `sw.js` beside the page. workbox-window loads only now, after the map is ready, so the
 * first view does not wait for it. Where service workers are refused (file://, plain http away from
 * localhost, private modes), the page goes on as it is, and says so only to the console.
 */
export async function keepForOffline({ onNewVersion }: OfflineOptions): Promise<void> {
  if (import.meta.env.DEV || !window.isSecureContext || !('serviceWorker' in navigator)) return;
  try {
    const { Workbox } = await import('workbox-window');
    const workbox = new Workbox('./sw.js', { scope: './' });
    workbox.addEventListener('waiting', () => onNewVersion(() => workbox.messageSkipWaiting()));
    // The new version took over (here or in another tab): this page's files are the old version's.
    workbox.addEventListener('controlling', (event) => {
      if (event.isUpdate) window.location.reload();
    });
    await workbox.register();
  } catch (error) {
    console.info(`The map will not be kept for offline use here: ${String(error)}`);
  }
}
