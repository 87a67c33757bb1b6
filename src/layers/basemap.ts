import type { FeatureCollection } from 'geojson';

/** The basemap files in geodata/basemap/, by name: Natural Earth boundaries and label points. */
export const BASEMAP_FILES = ['countries', 'guatemala-departments', 'labels'] as const;
export type BasemapFile = (typeof BASEMAP_FILES)[number];
export type BasemapData = Record<BasemapFile, FeatureCollection>;
