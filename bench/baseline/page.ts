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

/** MapLibre fetches GeoJSON from its worker, where a relative URL would resolve against the worker. */
export const absolute = (url: string): string => new URL(url, document.baseURI).href;
