import type { ExpressionSpecification } from 'maplibre-gl';

const BANDS = 3;
const HALF_WIDTH = 0.05;
const SAMPLES = 48;

/**
 * Light bands spaced evenly along each route leg at `phase` (0–1), as a `line-gradient` over
 * `line-progress`. A gradient is a paint property, so moving it costs one small texture per frame;
 * animating `line-dasharray` instead would make MapLibre re-lay out the source in its worker every step.
 */
export function pulseGradient(phase: number): ExpressionSpecification {
  const stops: (number | string)[] = [];
  for (let i = 0; i <= SAMPLES; i++) {
    const x = i / SAMPLES;
    let alpha = 0;
    for (let band = 0; band < BANDS; band++) {
      const centre = (phase + band / BANDS) % 1;
      const distance = Math.min(Math.abs(x - centre), 1 - Math.abs(x - centre));
      alpha = Math.max(alpha, 1 - distance / HALF_WIDTH);
    }
    stops.push(x, `rgba(255, 255, 255, ${Math.round(alpha * 90) / 100})`);
  }
  return ['interpolate', ['linear'], ['line-progress'], ...stops] as ExpressionSpecification;
}
