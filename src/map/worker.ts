import * as maplibregl from 'maplibre-gl';
// `?worker&url` makes Vite bundle the worker as its own entry, with everything it imports, and
// return its URL; a plain `?url` would copy the file alone and leave any chunk it imports behind.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

maplibregl.setWorkerUrl(workerUrl);
// Start MapLibre's workers now rather than in `new Map()`: the page parses its data and builds the
// style meanwhile, and fetching and compiling the worker's script comes off the first view's path.
maplibregl.prewarm();
