/**
 * Stands in for src/map/your-data-wiring.ts in the build the A/B measures the app against
 * (bench/vite.without-your-data.config.ts): the app as it is, with no "Your data" mounted.
 */
export function mountYourData(): undefined {
  return undefined;
}
