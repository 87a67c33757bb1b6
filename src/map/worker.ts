import * as maplibregl from 'maplibre-gl';
// `?worker&url` makes Vite bundle the worker as its own entry, with everything it imports, and
// return its URL; a plain `?url` would copy the file alone and leave any chunk it imports behind.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

maplibregl.setWorkerUrl(workerUrl);
