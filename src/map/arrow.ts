import type { Map as MapLibreMap } from 'maplibre-gl';
import { arrowColour } from '../style/mission.ts';
import { channels } from '../style/theme.ts';

/**
 * A filled arrowhead pointing along +x (the line's direction when placed along it), anti-aliased,
 * drawn from numbers rather than a canvas or a data: URL, so it needs nothing a strict CSP would refuse.
 */
export function arrowImage(colour: string, size = 32): { width: number; height: number; data: Uint8Array } {
  const rgb = channels(colour);
  const data = new Uint8Array(size * size * 4);
  // Triangle (0.25, 0.2)–(0.8, 0.5)–(0.25, 0.8) of the square, as three inward-facing edges.
  const corners = [
    [0.25 * size, 0.2 * size],
    [0.8 * size, 0.5 * size],
    [0.25 * size, 0.8 * size],
  ] as const;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 3; k++) {
        const [ax, ay] = corners[k] as readonly [number, number];
        const [bx, by] = corners[(k + 1) % 3] as readonly [number, number];
        const length = Math.hypot(bx - ax, by - ay);
        // Signed distance from the edge, positive on the triangle's side (the corners run clockwise on screen).
        inside = Math.min(inside, ((bx - ax) * (y + 0.5 - ay) - (by - ay) * (x + 0.5 - ax)) / length);
      }
      const alpha = Math.max(0, Math.min(1, inside + 0.5));
      data.set([rgb[0] ?? 0, rgb[1] ?? 0, rgb[2] ?? 0, Math.round(alpha * 255)], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** Supplies an arrow whenever the style asks for one (first load, and again after a lost GL context). */
export function provideArrowImages(map: MapLibreMap): void {
  map.setMissingStyleImageResolver((id) => {
    const colour = arrowColour(id);
    if (colour && !map.hasImage(id)) map.addImage(id, arrowImage(colour), { pixelRatio: 2 });
  });
}
