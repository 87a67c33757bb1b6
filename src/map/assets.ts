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
import type { StyleAssets } from '../style/index.ts';

/**
 * Vite emits each file under assets/ and gives a URL relative to the page, so the build works at any
 * sub-path. MapLibre fetches GeoJSON from its worker, where a relative URL would resolve against the
 * worker script, so hand it absolute URLs.
 */
const absolute = (url: string): string => new URL(url, document.baseURI).href;

export function styleAssets(): StyleAssets {
  return {
    countries: absolute(countries),
    departments: absolute(departments),
    labels: absolute(labels),
    fontRegular: absolute(fontRegular),
    fontBold: absolute(fontBold),
  };
}

export const missionDataUrls: Record<MissionLayerId, string> = {
  [TRANSIT_FLOWS]: transitFlows,
  [ALTA_VERAPAZ]: altaVerapaz,
  [MILITARISED_POLICING]: militarisedPolicing,
};
