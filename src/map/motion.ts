/**
 * The reader's wish for less motion, as a live media query: `.matches` for now, `change` events for
 * later. One place for the query that the label fade, the route's highlight and the fly-to all obey.
 */
export const reducedMotion = (): MediaQueryList => matchMedia('(prefers-reduced-motion: reduce)');
