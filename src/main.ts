import './ui/page.css';
import './ui/controls.css';
import './ui/feature-text.css';
import './ui/timeline.css';
import './ui/print.css';
import committedAnchors from '../geodata/layers/anchors.json';
import { indexFeatures } from './data/features.ts';
import { type HashState, parseHash } from './data/hash.ts';
import { loadBasemap, loadReportLayers } from './files/load.ts';
import { keepForOffline } from './files/offline.ts';
import { geoPackageUrl } from './files/urls.ts';
import { dropFirstView } from './first-view/show.ts';
import { type Language, type Messages, messages, preferredLanguage } from './i18n/index.ts';
import { type MountedMap, mountMap } from './map/mount.ts';
import { mapSourceData } from './style/source.ts';
import { isEmbedded } from './ui/embed.ts';
import { applyPageText, createLanguageSwitch } from './ui/language.ts';
import { showMessage } from './ui/messages.ts';
import { createUpdateLine } from './ui/update-line.ts';
import { mountWithoutMap } from './ui/without-map.ts';

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id} element`);
  return found;
}

/** The reader's browser's languages, most preferred first. */
const browserLanguage = (): Language => preferredLanguage(navigator.languages ?? [navigator.language]);

let offered = false;

/**
 * Kept for offline use after the first visit, once the page is up; not in a story's embed, whose
 * reader came for one view. Once a page: a change of language mounts the map again.
 */
function offerOffline(embedded: boolean, t: () => Messages): void {
  if (embedded || offered) return;
  offered = true;
  void keepForOffline({
    onNewVersion: (accept) => element('messages').after(createUpdateLine(accept, t()).element),
  });
}

async function main(): Promise<void> {
  const container = element('map');
  const panel = element('panel');
  const initial = parseHash(window.location.hash);
  const embedded = isEmbedded(window.location.search);
  if (embedded) document.body.classList.add('embed');
  const preferred = browserLanguage();
  let language = initial.lang ?? preferred;
  applyPageText(messages(language));
  // The page preloads every data file (vite.config.ts), so the style is built with all its data
  // rather than with an empty source filled afterwards, which would tile the map twice.
  const first = messages(language);
  const [basemap, data] = await Promise.all([
    loadBasemap(showMessage, first),
    loadReportLayers(showMessage, first),
  ]);
  const features = indexFeatures(data, committedAnchors.anchors);
  // Every language's labels are in the source: a change of language builds no new data.
  const source = mapSourceData(basemap, data, features);

  let mounted: MountedMap | null = null;
  const languages = createLanguageSwitch(language, (next) => switchTo(next));
  // In the place index.html keeps for it, so that the header has its height from the first frame.
  const place = document.querySelector('.page-header .language');
  if (embedded) place?.remove();
  else if (place) place.replaceWith(languages.element);
  else document.querySelector('.page-header')?.append(languages.element);

  /** The map and its controls in `language`, from `state`; the page without a map where there is no WebGL. */
  const mount = (state: HashState): void => {
    const t = messages(language);
    try {
      mounted = mountMap({
        container,
        panel,
        basemap,
        data,
        features,
        source,
        initial: state,
        t,
        embedded,
        carryLanguage: () => language !== preferred || language !== 'en',
        onLanguage: (next) => switchTo(next),
      });
    } catch (error) {
      // Any other failure is reported as the map not starting (below), not as a missing WebGL.
      if (!/webgl/i.test(String(error))) throw error;
      panel.replaceChildren();
      element('messages').replaceChildren();
      dropFirstView();
      mountWithoutMap(data, container, panel, geoPackageUrl(), t);
      offerOffline(embedded, () => messages(language));
      return;
    }
    mounted.map.once('idle', () => offerOffline(embedded, () => messages(language)));
    if (import.meta.env.MODE === 'test') {
      // The browser tests query rendered features through this handle; production builds leave it out.
      (window as unknown as { __map: unknown }).__map = mounted.map;
      // And the picture code, for the link preview's image (scripts/screenshots.ts).
      (window as unknown as { __pictures: unknown }).__pictures = () => import('./map/save-picture.ts');
      // Which build this is, for the update test (tests/e2e/offline.e2e.ts builds a second one).
      (window as unknown as { __build: unknown }).__build = import.meta.env.VITE_BUILD_ID ?? '';
    }
  };

  /** Everything in another language, showing what was shown: the data is not loaded again. */
  function switchTo(next: Language): void {
    if (next === language) return;
    const state = mounted?.state() ?? parseHash(window.location.hash);
    mounted?.destroy();
    mounted = null;
    language = next;
    applyPageText(messages(language));
    languages.setCurrent(language);
    mount(state);
  }

  mount(initial);
}

main().catch((error: unknown) => {
  dropFirstView();
  showMessage(messages(browserLanguage()).page.couldNotStart(String(error)));
});
