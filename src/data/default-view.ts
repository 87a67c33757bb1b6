/**
 * The map's first view: Colombia (to its southern tip, 4.2° S) to the southern United States, all of
 * Mexico, and the route's end inside the US, centred on Central America. As [[west, south], [east,
 * north]], fitted with `defaultPadding` (src/map/view.ts; the SVG picture fits it the same way).
 */
export const DEFAULT_BOUNDS: [[number, number], [number, number]] = [
  [-117, -4.5],
  [-66, 40],
];

/** Room for the legend, which sits over the map's top-left corner on wide screens. */
export function defaultPadding(width: number): { top: number; bottom: number; left: number; right: number } {
  const wide = width >= 700;
  return { top: 10, bottom: 10, right: 10, left: wide ? 250 : 10 };
}
