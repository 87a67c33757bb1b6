import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { en, type Messages } from '../i18n/index.ts';
import { REPORT_LAYERS, type ReportLayerId } from '../layers/registry.ts';
import { basemapLabels, basemapLayers } from './basemap.ts';
import { reportAreaFills, reportLabels, reportLayers } from './report-layers.ts';
import { MAP_SOURCE, reportCountries } from './source.ts';
import { layerOf } from './tags.ts';

const naturalEarth = (t: Messages) =>
  `<a href="https://www.naturalearthdata.com/">Natural Earth</a> (${t.credits.publicDomain})`;
/** CC BY 4.0 asks for the credit and a link to the licence. */
const geoNames = (t: Messages) =>
  `${t.credits.places}: <a href="https://www.geonames.org/">GeoNames</a> (<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)`;
/** What the map's one source credits: its boundaries and its places. */
const basemapAttribution = (t: Messages) => `${naturalEarth(t)} | ${geoNames(t)}`;
export const NATURAL_EARTH_ATTRIBUTION = naturalEarth(en);
export const GEONAMES_ATTRIBUTION = geoNames(en);
export const BASEMAP_ATTRIBUTION = basemapAttribution(en);
export const REPORT_ATTRIBUTION = en.credits.report;

/** Where the glyph files are, relative to the page: public/glyphs/, written by `npm run glyphs`. */
export const GLYPHS_PATH = 'glyphs/{fontstack}/{range}.pbf';

export interface StyleInputs {
  /** The absolute URL template of the committed glyph files (GLYPHS_PATH against the page). */
  glyphs: string;
  /** The one source's data: the basemap and the report's layers together (see mapSourceData). */
  source: FeatureCollection;
  /** Report layers hidden from the first frame (a link can hide some), rather than switched off after it. */
  hidden?: ReadonlySet<ReportLayerId>;
  /** The labels' language and the credits' words; English by default. */
  t?: Messages;
}

/**
 * A text field in another language: each `name` or `label` the style reads becomes that language's
 * field (`name_es`), else the English one. The data carries every language's names (built with the
 * data, with their provenance); the map only picks.
 */
function localise(expression: unknown, lang: string): unknown {
  if (!Array.isArray(expression)) return expression;
  const [op, key] = expression;
  if (op === 'get' && expression.length === 2 && (key === 'name' || key === 'label'))
    return ['coalesce', ['get', `${key}_${lang}`], expression];
  return expression.map((part) => localise(part, lang));
}

function inLanguage(layer: LayerSpecification, t: Messages): LayerSpecification {
  if (t.lang === en.lang || layer.type !== 'symbol' || !layer.layout?.['text-field']) return layer;
  const field = localise(layer.layout['text-field'], t.lang) as (typeof layer.layout)['text-field'];
  return { ...layer, layout: { ...layer.layout, 'text-field': field } };
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
export function buildStyle({ glyphs, source, hidden = new Set(), t = en }: StyleInputs): StyleSpecification {
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
    const shown = inLanguage(layer, t);
    return id && hidden.has(id) ? hide(shown) : shown;
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
        attribution: basemapAttribution(t),
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
