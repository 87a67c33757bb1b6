import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';
import {
  basemapLabelLayers,
  basemapLayers,
  COUNTRIES_SOURCE,
  DEPARTMENTS_SOURCE,
  LABELS_SOURCE,
} from './basemap.ts';
import { missionLabelLayers, missionLayers, missionSources } from './mission.ts';
import { FONT_BOLD, FONT_REGULAR } from './theme.ts';

export const NATURAL_EARTH_ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)';
export const REPORT_ATTRIBUTION = 'Report: BBC News, 15 January 2012';

/** Absolute URLs of the basemap data and the fonts. */
export interface StyleAssets {
  countries: string;
  departments: string;
  labels: string;
  fontRegular: string;
  fontBold: string;
}

/** The whole style. Mission sources start empty: the page hands them their data once it has loaded. */
export function buildStyle(assets: StyleAssets): StyleSpecification {
  const basemapSource = (data: string): SourceSpecification => ({
    type: 'geojson',
    data,
    attribution: NATURAL_EARTH_ATTRIBUTION,
    // Simplify harder than MapLibre's default (0.375 px): the 1:50m outlines carry more detail than
    // low zooms can show, and every vertex costs on software-rendered WebGL (measured in bench/).
    tolerance: 1.5,
  });
  return {
    version: 8,
    name: 'Guatemala transit map',
    // No `glyphs`: labels are drawn from the bundled font below, so no glyph server is needed.
    'font-faces': {
      [FONT_REGULAR]: assets.fontRegular,
      [FONT_BOLD]: assets.fontBold,
    },
    sources: {
      [COUNTRIES_SOURCE]: basemapSource(assets.countries),
      [DEPARTMENTS_SOURCE]: basemapSource(assets.departments),
      [LABELS_SOURCE]: basemapSource(assets.labels),
      ...missionSources(),
    },
    // MapLibre places labels from the top layer down: country names first, so that they always
    // show, then the mission annotations around them, then the departments.
    layers: [...basemapLayers(), ...missionLayers(), ...basemapLabelLayers(missionLabelLayers())],
  };
}
