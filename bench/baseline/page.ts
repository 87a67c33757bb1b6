import type { LngLatBoundsLike, MapOptions } from 'maplibre-gl';

/** What both bench baseline pages do before they make their map (bench/baseline/, bench/same-data/). */

/** The map's container, sized as the app's map (the bench passes `?w=&h=`), so both draw as many pixels. */
export function sizedContainer(): HTMLElement {
  const container = document.getElementById('map') as HTMLElement;
  const size = new URLSearchParams(window.location.search);
  for (const [param, property] of [
    ['w', 'width'],
    ['h', 'height'],
  ] as const) {
    const value = Number(size.get(param));
    if (value > 0) container.style[property] = `${value}px`;
  }
  return container;
}

/**
 * The app's own view when the bench passes it (`?z=&lng=&lat=`): the app fits its default bounds to
 * the part of the map its controls leave free, so both pages draw the same part of the world.
 * Otherwise the default bounds with the app's old fixed padding.
 */
export function initialView(
  container: HTMLElement,
  bounds: LngLatBoundsLike,
): Pick<MapOptions, 'center' | 'zoom' | 'bounds' | 'fitBoundsOptions'> {
  const view = new URLSearchParams(window.location.search);
  const [zoom, lng, lat] = ['z', 'lng', 'lat'].map((key) => Number(view.get(key) ?? Number.NaN));
  if (Number.isFinite(zoom) && Number.isFinite(lng) && Number.isFinite(lat))
    return { center: [lng as number, lat as number], zoom: zoom as number };
  return {
    bounds,
    fitBoundsOptions: {
      padding: { top: 10, bottom: 10, right: 10, left: container.clientWidth >= 700 ? 250 : 10 },
    },
  };
}

/** MapLibre fetches GeoJSON from its worker, where a relative URL would resolve against the worker. */
export const absolute = (url: string): string => new URL(url, document.baseURI).href;
