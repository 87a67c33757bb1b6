import type { Map as MapLibreMap } from 'maplibre-gl';
import { pictureStarts } from './covered-labels.ts';

/**
 * Printing: a browser prints a WebGL canvas from a buffer MapLibre does not keep, which comes out
 * blank. Before the print the map's drawing is copied into an image that only print shows
 * (src/ui/print.css), and removed after. Returns a function that stops listening.
 */
export function printableMap(map: MapLibreMap, alt: string): () => void {
  let image: HTMLImageElement | null = null;
  const before = () => {
    // A second beforeprint (a print started while one is pending) replaces the copy.
    image?.remove();
    const ends = pictureStarts(map);
    map.redraw();
    image = document.createElement('img');
    image.className = 'map-print';
    image.alt = alt;
    image.src = map.getCanvas().toDataURL('image/png');
    ends();
    map.getContainer().append(image);
  };
  const after = () => {
    image?.remove();
    image = null;
  };
  addEventListener('beforeprint', before);
  addEventListener('afterprint', after);
  return () => {
    removeEventListener('beforeprint', before);
    removeEventListener('afterprint', after);
  };
}
