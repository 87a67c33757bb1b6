import type { FeatureCollection } from 'geojson';
import type { Messages } from '../i18n/index.ts';
import type { BasemapData } from '../layers/basemap.ts';
import type { ReportData } from '../layers/registry.ts';
import { basemapUrls, reportLayerUrls } from './urls.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Enough of a check that a damaged or substituted file cannot break the page that reads it. */
function isFeatureCollection(value: unknown): value is FeatureCollection {
  const candidate = value as Partial<FeatureCollection> | null;
  return (
    candidate?.type === 'FeatureCollection' &&
    Array.isArray(candidate.features) &&
    candidate.features.every((f) => typeof f === 'object' && f !== null && f.type === 'Feature')
  );
}

/**
 * Fetches each GeoJSON file of `urls`. A file that fails is reported in one line (`failure` words
 * it, `report` shows it) and stands empty, so that the rest of the page still works.
 */
async function loadFiles<K extends string>(
  urls: Record<K, string>,
  failure: (key: K, reason: string) => string,
  report: (message: string) => void,
  t: Messages,
): Promise<Record<K, FeatureCollection>> {
  const load = async (key: K): Promise<[K, FeatureCollection]> => {
    try {
      const response = await fetch(urls[key]);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const json: unknown = await response.json();
      if (!isFeatureCollection(json)) throw new Error(t.load.notGeoJson);
      return [key, json];
    } catch (error) {
      report(failure(key, String(error)));
      return [key, EMPTY];
    }
  };
  const entries = await Promise.all((Object.keys(urls) as K[]).map(load));
  return Object.fromEntries(entries) as Record<K, FeatureCollection>;
}

export const loadReportLayers = (report: (message: string) => void, t: Messages): Promise<ReportData> =>
  loadFiles(reportLayerUrls, (id, reason) => t.load.layer(t.layers[id].name, reason), report, t);

export const loadBasemap = (report: (message: string) => void, t: Messages): Promise<BasemapData> =>
  loadFiles(basemapUrls, (file, reason) => t.load.basemap(file, reason), report, t);
