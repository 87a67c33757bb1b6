import type { Map as MapLibreMap } from 'maplibre-gl';
import { pulseLayerIds } from '../style/flows.ts';
import { pulseGradient } from '../style/pulse.ts';
import { reducedMotion } from './motion.ts';

const STEP_MS = 120;
const STEPS_PER_CYCLE = 40;

/**
 * A gentle movement along the cocaine route, in its direction; still when reduced motion is asked for.
 * While the map moves the highlight is hidden and held: each step restyles the route, and its gradient
 * costs frames of a drag while the eye is on the moving map anyway. The route, its casing and its
 * arrowheads stay.
 */
/** Returns a function that stops the movement and every listener it added. */
export function animateFlows(map: MapLibreMap): () => void {
  const reduce = reducedMotion();
  const layers = pulseLayerIds();
  // The style starts the highlight hidden (see flowLayers); it shows from now on, whenever the map rests.
  const show = (opacity: number) => {
    for (const id of layers) if (map.getLayer(id)) map.setPaintProperty(id, 'line-opacity', opacity);
  };
  show(1);
  const subscriptions = [map.on('movestart', () => show(0)), map.on('moveend', () => show(1))];
  let frame = 0;
  let step = 0;
  let last = 0;
  const tick = (time: number) => {
    frame = requestAnimationFrame(tick);
    if (time - last < STEP_MS || !map.style || map.isMoving()) return;
    last = time;
    step = (step + 1) % STEPS_PER_CYCLE;
    const gradient = pulseGradient(step / STEPS_PER_CYCLE);
    for (const id of layers) if (map.getLayer(id)) map.setPaintProperty(id, 'line-gradient', gradient);
  };
  const update = () => {
    cancelAnimationFrame(frame);
    if (!reduce.matches) frame = requestAnimationFrame(tick);
  };
  reduce.addEventListener('change', update);
  update();
  return () => {
    cancelAnimationFrame(frame);
    reduce.removeEventListener('change', update);
    for (const subscription of subscriptions) subscription.unsubscribe();
  };
}
