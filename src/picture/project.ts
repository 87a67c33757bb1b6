import type { Position } from 'geojson';

/**
 * Web Mercator as MapLibre draws it, in plain code rather than d3-geo: MapLibre's world is 512 CSS
 * pixels wide at zoom 0 and its lines are straight in the projected plane, while d3-geo's Mercator
 * has its own scale convention and resamples lines along great circles, so it would bend them away
 * from where the map draws them. These few formulas are MapLibre's own (mercatorXfromLng,
 * mercatorYfromLat) and cost nothing to load.
 */

/** A view of the map: MapLibre's centre and zoom (512-pixel world at zoom 0), CSS pixels, north up. */
export interface PictureView {
  center: [number, number];
  zoom: number;
  width: number;
  height: number;
}

/** Web Mercator's edge, as MapLibre clamps to it. */
export const MAX_LATITUDE = 85.051129;

export const worldSize = (zoom: number): number => 512 * 2 ** zoom;

/** Longitude to the world's width as a fraction from its western edge (0 to 1). */
export const mercatorX = (lng: number): number => (180 + lng) / 360;

/** Latitude to the world's height as a fraction from its northern edge (0 to 1). */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
}

export const lngFromMercatorX = (x: number): number => x * 360 - 180;
export const latFromMercatorY = (y: number): number =>
  (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;

/** Where a longitude and latitude fall in the view, in CSS pixels from its top-left corner. */
export type Project = (position: Position) => [number, number];

export function projector({ center, zoom, width, height }: PictureView): Project {
  const size = worldSize(zoom);
  const left = mercatorX(center[0]) * size - width / 2;
  const top = mercatorY(center[1]) * size - height / 2;
  return ([lng = 0, lat = 0]) => [mercatorX(lng) * size - left, mercatorY(lat) * size - top];
}

/**
 * The horizontal shifts, in pixels, of the world copies the view shows: MapLibre repeats the world
 * east and west, so a wide view at a low zoom shows some of it twice.
 */
export function worldCopies({ center, zoom, width }: PictureView): number[] {
  const size = worldSize(zoom);
  const middle = mercatorX(center[0]) * size;
  const first = Math.floor((middle - width / 2) / size);
  const last = Math.floor((middle + width / 2) / size);
  return Array.from({ length: last - first + 1 }, (_, i) => (first + i) * size);
}

export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The view MapLibre's fitBounds gives for `bounds` ([[west, south], [east, north]]) in a map of
 * `width` × `height` with `padding`, north up: the largest zoom at which the box fits inside the
 * padding, centred there (MapLibre's cameraForBoxAndBearing with bearing 0).
 */
export function fitBounds(
  [[west, south], [east, north]]: readonly [readonly [number, number], readonly [number, number]],
  padding: Padding,
  width: number,
  height: number,
): PictureView {
  const dx = mercatorX(east) - mercatorX(west);
  const dy = mercatorY(south) - mercatorY(north);
  const scaleX = (width - padding.left - padding.right) / (dx * 512);
  const scaleY = (height - padding.top - padding.bottom) / (dy * 512);
  const zoom = Math.log2(Math.min(scaleX, scaleY));
  const size = worldSize(zoom);
  const x = (mercatorX(west) + mercatorX(east)) / 2 - (padding.left - padding.right) / 2 / size;
  const y = (mercatorY(north) + mercatorY(south)) / 2 - (padding.top - padding.bottom) / 2 / size;
  return { center: [lngFromMercatorX(x), latFromMercatorY(y)], zoom, width, height };
}
