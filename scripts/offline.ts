/**
 * The web app manifest and the service worker (Workbox, through vite-plugin-pwa), for vite.config.ts:
 * after one visit the page, its data and every download it offers are served from the cache.
 */
import type { ManifestOptions, VitePWAOptions } from 'vite-plugin-pwa';
import { GEOPACKAGE_NAME } from '../src/data/names.ts';
import { theme } from '../src/theme.ts';
import { ICON_SIZES, iconFile } from './icons.ts';

/** The header's colour, which the favicon and the icons share. */
export const HEADER_COLOUR = '#1f2933';

export const MANIFEST: Partial<ManifestOptions> = {
  name: 'Cocaine transit through Guatemala (BBC News, 15 January 2012)',
  short_name: 'Guatemala transit',
  description:
    'Offline map of the transit routes, Alta Verapaz and militarised policing in one BBC News report',
  lang: 'en',
  // Relative, so the app installs from / or any sub-path it is served under (base: './').
  start_url: './',
  scope: './',
  display: 'standalone',
  theme_color: HEADER_COLOUR,
  background_color: theme.ocean,
  icons: ICON_SIZES.map((size) => ({ src: iconFile(size), sizes: `${size}x${size}`, type: 'image/png' })),
};

/**
 * Every file the page or its downloads can ask for (the manifest is added by the plugin); source maps
 * and the link preview's image, which only other sites fetch, are not.
 */
export const PRECACHED = ['**/*.{html,js,css,geojson,pbf,svg,png,webp}', GEOPACKAGE_NAME];

export const OFFLINE: Partial<VitePWAOptions> = {
  // A new version waits until the reader accepts it (src/files/offline.ts asks), so a page never mixes
  // two versions' files, and one who declines keeps the old one working.
  registerType: 'prompt',
  // Registered by a module of the app's own, after the map is ready: no inline script for the CSP.
  injectRegister: false,
  manifest: MANIFEST,
  // Its icons are among PRECACHED already.
  includeManifestIcons: false,
  workbox: {
    globPatterns: PRECACHED,
    globIgnores: ['**/*.map', 'og-image.png'],
    // The first visit's page is taken over once the cache is full, so it works offline without a reload.
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // Any navigation in scope (`?embed`, a sub-path's `/`) gets the page; one to a file gets the file.
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/\/[^/?]+\.[^/?]+(\?|$)/],
    sourcemap: false,
  },
};
