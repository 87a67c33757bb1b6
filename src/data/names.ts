/**
 * The download files' names: GIS users and scripts know them, so they never change. A module of its
 * own, so that the page's first load takes the names without the writers, which load on demand.
 */
export const ZIP_NAME = 'guatemala-transit-layers.zip';
export const GEOPACKAGE_NAME = 'guatemala-transit-layers.gpkg';
export const README_NAME = 'README.txt';
