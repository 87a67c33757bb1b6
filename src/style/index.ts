import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { MISSION_LAYERS } from '../layers/registry.ts';
import { basemapLabelLayers, basemapLayers } from './basemap.ts';
import { missionAreaFills, missionLabelLayers, missionLayers } from './mission.ts';
import { MAP_SOURCE } from './source.ts';

export const NATURAL_EARTH_ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)';
export const REPORT_ATTRIBUTION = 'Report: BBC News, 15 January 2012';

/** Where the glyph files are, relative to the page: public/glyphs/, written by `npm run glyphs`. */
export const GLYPHS_PATH = 'glyphs/{fontstack}/{range}.pbf';

/**
 * The whole style. `glyphs` is the absolute URL template of the committed glyph files (GLYPHS_PATH
 * against the page); `data` is its one source's data: the basemap and the mission files together
 * (src/data/features.ts, mapSourceData).
 */
export function buildStyle(glyphs: string, data: FeatureCollection): StyleSpecification {
  return {
    version: 8,
    name: 'Guatemala transit map',
    // Labels are drawn from signed distance fields made once from the bundled Noto Sans
    // (scripts/build-glyphs.ts), not from the font files at run time: MapLibre would otherwise draw
    // every glyph on the page's main thread before the first view: 69 glyphs in 51-89 ms on the
    // 2-core bench machine (timed in an instrumented copy of MapLibre).
    glyphs,
    sources: {
      [MAP_SOURCE]: {
        type: 'geojson',
        data,
        // The report is credited by the attribution control itself, whether or not its data loads.
        attribution: NATURAL_EARTH_ATTRIBUTION,
        // Simplify harder than MapLibre's default (0.375 px): the 1:50m outlines carry more detail
        // than low zooms can show, and every vertex costs on software-rendered WebGL (bench/).
        tolerance: 1.5,
        // Each tile carries its neighbours' geometry this far past its edge (in pixels of a 512 px
        // tile). MapLibre's default of 128 makes every tile draw a quarter of each neighbour again;
        // 32 still covers the widest line, its round caps and the labels placed along it, and it took
        // about 6% off each frame while dragging and 8% off the first idle (bench/).
        buffer: 32,
        // `line-progress` for the moving highlight along flows.
        lineMetrics: MISSION_LAYERS.some(({ look }) => look.kind === 'flows'),
      },
    },
    // MapLibre places labels from the top layer down: country names first, so that they always
    // show, then the mission annotations around them, then the departments.
    layers: [
      ...basemapLayers(missionAreaFills()),
      ...missionLayers(),
      ...basemapLabelLayers(missionLabelLayers()),
    ],
  };
}
