import type { Map as MapLibreMap } from 'maplibre-gl';
import { formatHash, type HashState, parseHash, type View } from '../data/hash.ts';
import { TIMELINE } from '../data/time.ts';
import type { Language } from '../i18n/index.ts';
import { REPORT_LAYER_IDS } from '../layers/registry.ts';
import type { ReportMap } from './report-map.ts';

export function currentView(map: MapLibreMap): View {
  const { lng, lat } = map.getCenter();
  return { zoom: map.getZoom(), lat, lng, bearing: map.getBearing(), pitch: map.getPitch() };
}

/**
 * Keeps the address bar and the map in step: the link always says what is shown (view, visible
 * layers, open feature, date), and a link pasted or edited in the address bar is shown. The address is
 * rewritten without adding history entries. `destroy()` stops both.
 */
export class Permalink {
  private readonly listening = new AbortController();
  private readonly moved: { unsubscribe(): void };

  constructor(
    private readonly map: MapLibreMap,
    private readonly report: ReportMap,
    private readonly language: {
      /** The interface's language now. */
      current: () => Language;
      /** Whether a link must say it: not where the reader's browser would choose it anyway. */
      carry: () => boolean;
      /** A link edited in the address bar asks for another language. */
      onLanguage: (language: Language) => void;
    } = { current: () => 'en', carry: () => false, onLanguage: () => {} },
  ) {
    this.moved = map.on('moveend', () => this.write());
    window.addEventListener('hashchange', () => this.show(parseHash(window.location.hash)), {
      signal: this.listening.signal,
    });
  }

  /** Writes what the map shows now into the address bar. */
  write(): void {
    const { visible, feature, date } = this.report.state();
    const state: HashState = {
      view: currentView(this.map),
      layers: visible.length === REPORT_LAYER_IDS.length ? undefined : visible,
      feature: feature ?? undefined,
      // The report's date is the default, so every link made before the timeline reads the same.
      date: date === TIMELINE.report ? undefined : date,
      lang: this.language.carry() ? this.language.current() : undefined,
    };
    const hash = formatHash(state);
    if (hash !== window.location.hash) {
      history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
    }
  }

  private show(next: HashState): void {
    if (next.view) this.map.jumpTo({ ...next.view, center: [next.view.lng, next.view.lat] });
    this.report.setVisibleLayers(new Set(next.layers ?? REPORT_LAYER_IDS));
    this.report.setDate(next.date ?? TIMELINE.report);
    if (next.feature && next.feature !== this.report.state().feature) this.report.openFeature(next.feature);
    if (next.lang && next.lang !== this.language.current()) this.language.onLanguage(next.lang);
  }

  destroy(): void {
    this.moved.unsubscribe();
    this.listening.abort();
  }
}
