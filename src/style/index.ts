import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { REPORT_LAYERS, type ReportLayerId } from '../layers/registry.ts';
import { basemapLabels, basemapLayers } from './basemap.ts';
import { reportAreaFills, reportLabels, reportLayers } from './report-layers.ts';
import { MAP_SOURCE, reportCountries } from './source.ts';
import { layerOf } from './tags.ts';

export const NATURAL_EARTH_ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)';
/** CC BY 4.0 asks for the credit and a link to the licence. */
export const GEONAMES_ATTRIBUTION =
  'Places: <a href="https://www.geonames.org/">GeoNames</a> (<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)';
/** What the map's one source credits: its boundaries and its places. */
export const BASEMAP_ATTRIBUTION = `${NATURAL_EARTH_ATTRIBUTION} | ${GEONAMES_ATTRIBUTION}`;
export const REPORT_ATTRIBUTION = 'Report: BBC News, 15 January 2012';

/** Where the glyph files are, relative to the page: public/glyphs/, written by `npm run glyphs`. */
export const GLYPHS_PATH = 'glyphs/{fontstack}/{range}.pbf';

export interface StyleInputs {
  /** The absolute URL template of the committed glyph files (GLYPHS_PATH against the page). */
  glyphs: string;
  /** The one source's data: the basemap and the report's layers together (see mapSourceData). */
  source: FeatureCollection;
  /** Report layers hidden from the first frame (a link can hide some), rather than switched off after it. */
  hidden?: ReadonlySet<ReportLayerId>;
}

/** The same layer with `visibility: none`; one case per layer type the style draws with. */
function hide(layer: LayerSpecification): LayerSpecification {
  const visibility = 'none';
  switch (layer.type) {
    case 'fill':
      return { ...layer, layout: { ...layer.layout, visibility } };
    case 'line':
      return { ...layer, layout: { ...layer.layout, visibility } };
    case 'symbol':
      return { ...layer, layout: { ...layer.layout, visibility } };
    default:
      throw new Error(`Cannot hide a ${layer.type} layer (${layer.id})`);
  }
}

/** The whole style, from nothing but its inputs and the registry. */
export function buildStyle({ glyphs, source, hidden = new Set() }: StyleInputs): StyleSpecification {
  const basemap = basemapLabels(reportCountries(source));
  const report = reportLabels();
  const layers = [
    ...basemapLayers(reportAreaFills()),
    ...reportLayers(),
    // Labels go above every fill and line, so that nothing hides a name. MapLibre places them from
    // the top layer down and leaves out any that would overlap one already placed, so this order is
    // who gives way where the map is crowded: the departments first, the callouts never (a leader
    // must not point at nothing). Cobán goes before the annotations, which can move round it; the
    // capitals after the areas' dates and names, which are the report's news.
    basemap.departments,
    basemap.otherCountries,
    ...report.flows,
    basemap.capitals,
    ...report.areas,
    basemap.departmentCapitals,
    basemap.reportCountries,
    ...report.callouts,
  ].map((layer) => {
    const id = layerOf(layer);
    return id && hidden.has(id) ? hide(layer) : layer;
  });
  return {
    version: 8,
    name: 'Guatemala transit map',
    // Labels come from glyph files made once from the bundled font (scripts/build-glyphs.ts), so
    // MapLibre need not draw each glyph on the main thread before the first view (docs/PERFORMANCE.md).
    glyphs,
    sources: {
      [MAP_SOURCE]: {
        type: 'geojson',
        data: source,
        // The report is credited by the attribution control itself, whether or not its data loads.
        attribution: BASEMAP_ATTRIBUTION,
        // Simplify harder than MapLibre's default (0.375 px): the 1:50m outlines carry more detail
        // than low zooms can show, and every vertex costs on software-rendered WebGL.
        tolerance: 1.5,
        // How far (in pixels of a 512 px tile) each tile carries its neighbours' geometry: enough for
        // the widest line, its round caps and the labels along it; MapLibre's 128 draws far more.
        buffer: 32,
        // Every part of a report feature (its shape, label point and callout) carries its id, so one
        // feature state, the timeline's, reaches them all (src/map/time.ts).
        promoteId: 'id',
        // `line-progress` for the moving highlight along flows.
        lineMetrics: REPORT_LAYERS.some(({ look }) => look.kind === 'flows'),
      },
    },
    layers,
  };
}
