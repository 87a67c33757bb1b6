import fontRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import fontBold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import countries from '../../geodata/basemap/countries.geojson?url';
import departments from '../../geodata/basemap/guatemala-departments.geojson?url';
import labels from '../../geodata/basemap/labels.geojson?url';
import altaVerapaz from '../../geodata/layers/alta-verapaz.geojson?url';
import militarisedPolicing from '../../geodata/layers/militarised-policing.geojson?url';
import transitFlows from '../../geodata/layers/transit-flows.geojson?url';
import {
  ALTA_VERAPAZ,
  MILITARISED_POLICING,
  type MissionLayerId,
  TRANSIT_FLOWS,
} from '../layers/registry.ts';
import type { BasemapFile } from '../style/basemap.ts';
import type { StyleFonts } from '../style/index.ts';

/**
 * Vite emits each file under assets/ and gives a URL relative to the page, so the build works at any
 * sub-path. MapLibre gets the fonts' URLs made absolute against the page, so nothing depends on where
 * it resolves them.
 */
const absolute = (url: string): string => new URL(url, document.baseURI).href;

export function styleFonts(): StyleFonts {
  return { fontRegular: absolute(fontRegular), fontBold: absolute(fontBold) };
}

/** Fetched by the page, which hands MapLibre all the map's data at once. */
export const basemapUrls: Record<BasemapFile, string> = {
  countries,
  'guatemala-departments': departments,
  labels,
};

export const missionDataUrls: Record<MissionLayerId, string> = {
  [TRANSIT_FLOWS]: transitFlows,
  [ALTA_VERAPAZ]: altaVerapaz,
  [MILITARISED_POLICING]: militarisedPolicing,
};
