import countries from '../../geodata/basemap/countries.geojson?url';
import departments from '../../geodata/basemap/guatemala-departments.geojson?url';
import labels from '../../geodata/basemap/labels.geojson?url';
import altaVerapaz from '../../geodata/layers/alta-verapaz.geojson?url';
import militarisedPolicing from '../../geodata/layers/militarised-policing.geojson?url';
import transitFlows from '../../geodata/layers/transit-flows.geojson?url';
import places from '../../geodata/places/places.geojson?url';
import { GEOPACKAGE_NAME } from '../data/names.ts';
import type { BasemapFile } from '../layers/basemap.ts';
import { ALTA_VERAPAZ, MILITARISED_POLICING, type ReportLayerId, TRANSIT_FLOWS } from '../layers/registry.ts';
import { GLYPHS_PATH } from '../style/index.ts';

/**
 * Vite emits each data file under assets/ and gives a URL relative to the page, so the build works at
 * any sub-path; the glyph files are copied from public/ as they are. MapLibre gets the glyphs' URL
 * template made absolute against the page, so nothing depends on where it resolves it. (The braces
 * are kept out of `new URL`, which would escape them.)
 */
export const glyphsUrl = (): string => `${new URL('./', document.baseURI).href}${GLYPHS_PATH}`;

/** Fetched by the page, which hands MapLibre all the map's data at once. */
export const basemapUrls: Record<BasemapFile, string> = {
  countries,
  'guatemala-departments': departments,
  labels,
  places,
};

export const reportLayerUrls: Record<ReportLayerId, string> = {
  [TRANSIT_FLOWS]: transitFlows,
  [ALTA_VERAPAZ]: altaVerapaz,
  [MILITARISED_POLICING]: militarisedPolicing,
};

/** The GeoPackage, written beside index.html by the build (vite.config.ts), fetched on a download. */
export const geoPackageUrl = (): string => new URL(`./${GEOPACKAGE_NAME}`, document.baseURI).href;
