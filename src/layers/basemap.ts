import type { FeatureCollection } from 'geojson';

/**
 * The basemap files, by name: Natural Earth boundaries and label points (geodata/basemap/, npm run
 * geodata:basemap) and the GeoNames places (geodata/places/, npm run geodata:places).
 */
export const BASEMAP_FILES = ['countries', 'guatemala-departments', 'labels', 'places'] as const;
export type BasemapFile = (typeof BASEMAP_FILES)[number];
export type BasemapData = Record<BasemapFile, FeatureCollection>;

/** Where each basemap file is committed, under geodata/. */
export const BASEMAP_PATHS: Record<BasemapFile, string> = {
  countries: 'basemap/countries.geojson',
  'guatemala-departments': 'basemap/guatemala-departments.geojson',
  labels: 'basemap/labels.geojson',
  places: 'places/places.geojson',
};
