import type { Messages } from '../i18n/index.ts';
import { el } from './dom.ts';

/** `?embed` in the page's address: the map alone, for a story's <iframe>. */
export const isEmbedded = (search: string): boolean => new URLSearchParams(search).has('embed');

type Place = Pick<Location, 'origin' | 'pathname' | 'search' | 'hash'>;

/** The full page at the same view: the address without `embed`. */
export function fullMapUrl({ origin, pathname, search, hash }: Place): string {
  const params = new URLSearchParams(search);
  params.delete('embed');
  const query = params.toString();
  return `${origin}${pathname}${query ? `?${query}` : ''}${hash}`;
}

/** The <iframe> for a story: this view in embed mode, the frame's width, a fixed height. */
export function embedCode(place: Place, t: Messages): string {
  const page = fullMapUrl({ ...place, hash: '' });
  const src = `${page}${page.includes('?') ? '&' : '?'}embed${place.hash}`;
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${attr(src)}" width="100%" height="480" style="border:0" title="${attr(t.share.embedTitle)}" loading="lazy" allowfullscreen></iframe>`;
}

/** "View the full map": the same view in the full page, in a new tab. */
export function fullMapLink(t: Messages): { element: HTMLElement; update: () => void } {
  const link = el(
    'a',
    { class: 'embed__full', target: '_blank', rel: 'noopener', href: fullMapUrl(window.location) },
    t.share.fullMap,
  );
  const update = () => link.setAttribute('href', fullMapUrl(window.location));
  // The view may have moved since the last update; the link opens what the reader sees.
  link.addEventListener('click', update);
  return { element: el('div', { class: 'embed__link' }, link), update };
}
