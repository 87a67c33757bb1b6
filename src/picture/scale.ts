/** Earth's circumference at the equator in metres, as Web Mercator (and MapLibre) takes it. */
const EARTH_CIRCUMFERENCE = 40_075_016.686;

/** Metres per CSS pixel at a latitude and zoom, with MapLibre's 512-pixel world at zoom 0. */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/**
 * A scale bar's round length (1, 2 or 5 times a power of ten metres) that fits in `maxPixels`, with
 * its width in pixels and its label: MapLibre's ScaleControl rounds the same way.
 */
export function scaleBar(metresPerPx: number, maxPixels = 100): { pixels: number; label: string } {
  const most = metresPerPx * maxPixels;
  const power = 10 ** Math.floor(Math.log10(most));
  const step = [5, 2, 1].find((s) => s * power <= most) ?? 1;
  const metres = step * power;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { pixels: metres / metresPerPx, label };
}
