import { firstSpoken } from '../i18n/preferred.ts';
import { boxInView, covers, expectedPadding, expectedView, pictureFile, place, ROWS_QUERY } from './place.ts';

export interface FirstViewWords {
  /** The picture's text alternative. */
  alt: string;
  /** What the note over it says, and a screen reader hears, until the map is ready. */
  note: string;
  /** The page's heading, in the page's language. */
  heading: string;
}

/**
 * The language of the first view's words when the page is opened at `hash` and `search`, or none
 * where it must show no picture: a link that asks for a view, a feature, a day or layers (the picture
 * is the default view on the report's date with every layer, and a wrong picture is worse than none)
 * and a story's embed, whose map is another size with other controls.
 */
export function firstViewLanguage<L extends string>(
  { hash, search }: { hash: string; search: string },
  preferences: readonly string[],
  spoken: readonly L[],
  fallback: L,
): L | null {
  if (new URLSearchParams(search).has('embed')) return null;
  const asked = /^#?(?:lang=([a-z]+))?$/.exec(hash);
  if (!asked) return null;
  const language = asked[1];
  if (language === undefined) return firstSpoken(preferences, spoken, fallback);
  return spoken.find((l) => l === language) ?? null;
}

/** The picture's element, on the map's place until the map is ready. */
export const FIRST_VIEW_CLASS = 'first-view';

/** Takes the picture away, where the map will not come: the app could not start. */
export const dropFirstView = (): void => document.querySelector(`.${FIRST_VIEW_CLASS}`)?.remove();

/**
 * Shows the picture of the default view in the map's place, where MapLibre will draw it, with a
 * note that it is a picture: src/map/first-view.ts keeps it on the map's view and takes it away once
 * the map is ready. Run from the page's head, it asks for the picture at once, while the stylesheets
 * load, and puts it in at the page's first frame once the page is parsed (a frame waits for the
 * stylesheets), so the map's place has its size. Shows nothing where the picture would not fill the map.
 */
export function showFirstView(words: FirstViewWords): void {
  const image = document.createElement('img');
  image.className = 'first-view__picture';
  image.src = pictureFile(innerWidth);
  image.alt = words.alt;
  const put = () => {
    // A frame can come before the page is parsed: then the map's place is not all there yet.
    if (document.readyState === 'loading') {
      requestAnimationFrame(put);
      return;
    }
    const map = document.getElementById('map');
    if (!map || map.querySelector('.maplibregl-canvas')) return;
    // The heading in the page's language before the map's place is measured: index.html's English one
    // can take another number of lines, and the map's place would move when the app's script puts it.
    const heading = document.querySelector('.page-header h1');
    if (heading) heading.textContent = words.heading;
    const { clientWidth: width, clientHeight: height } = map;
    const narrow = matchMedia(ROWS_QUERY).matches;
    const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const box = boxInView(expectedView(width, height, expectedPadding(width, height, narrow, rem)));
    if (width === 0 || height === 0 || !covers(box, width, height)) return;
    place(image, box);
    const note = document.createElement('p');
    note.className = 'first-view__note';
    note.setAttribute('role', 'status');
    const figure = document.createElement('div');
    figure.className = FIRST_VIEW_CLASS;
    figure.append(image, note);
    map.prepend(figure);
    // Words put into a status already on the page are read out; words it was inserted with may not be.
    requestAnimationFrame(() => {
      note.textContent = words.note;
    });
    // A script of the page's that fails to load (the network gone) leaves no map coming: no picture
    // says it is loading then. The app takes it away itself when it cannot start (src/main.ts).
    addEventListener(
      'error',
      ({ target }) => {
        if (
          target instanceof HTMLScriptElement ||
          (target instanceof HTMLLinkElement && target.rel === 'modulepreload')
        )
          dropFirstView();
      },
      true,
    );
  };
  requestAnimationFrame(put);
}
