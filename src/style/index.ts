import type { FeatureCollection } from 'geojson';
import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { MissionData } from '../layers/registry.ts';
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

export function buildStyle(
  assets: StyleAssets,
  missionData: Partial<MissionData> = {},
  missionLabels?: FeatureCollection,
): StyleSpecification {
  const basemapSource = (data: string): SourceSpecification => ({
    type: 'geojson',
    data,
    attribution: NATURAL_EARTH_ATTRIBUTION,
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
      ...missionSources(missionData, missionLabels),
    },
    layers: [...basemapLayers(), ...missionLayers(), ...basemapLabelLayers(), ...missionLabelLayers()],
  };
}
