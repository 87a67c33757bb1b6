import type { FeatureEntry } from '../data/features.ts';
import type { HashState } from '../data/hash.ts';
import { changesBetween, featureInterval, TIMELINE, timelineEvents } from '../data/time.ts';
import { geoPackageUrl, glyphsUrl } from '../files/urls.ts';
import { MAX_CONTROL_SHARE } from '../first-view/place.ts';
import type { Language, Messages } from '../i18n/index.ts';
import type { BasemapData } from '../layers/basemap.ts';
import { REPORT_LAYER_IDS, REPORT_LAYERS, type ReportData } from '../layers/registry.ts';
import { hideCovered } from '../style/covered.ts';
import { buildStyle } from '../style/index.ts';
import { clickableLayers, layerGroups } from '../style/tags.ts';
import { sharePrograms } from '../style/time.ts';
import { el } from '../ui/dom.ts';
import { embedCode, fullMapLink, fullMapUrl } from '../ui/embed.ts';
import { createExportMenu } from '../ui/export-menu.ts';
import { createLegend } from '../ui/legend.ts';
import { showMessage } from '../ui/messages.ts';
import { createShareMenu } from '../ui/share-menu.ts';
import { createTextList } from '../ui/text-list.ts';
import { createTimeline } from '../ui/timeline.ts';
import { ElementControl } from './controls.ts';
import { hideCoveredLabels } from './covered-labels.ts';
import { followFirstView } from './first-view.ts';
import { controlShare, fitDefaultView, oneMenuAtATime } from './fit.ts';
import { animateFlows } from './flow-animation.ts';
import { reducedMotion } from './motion.ts';
import { currentView, Permalink } from './permalink.ts';
import { printableMap } from './print.ts';
import { ReportMap } from './report-map.ts';
import { createMapView } from './view.ts';
import { mountYourData } from './your-data-wiring.ts';

export interface MountOptions {
  container: HTMLElement;
  panel: HTMLElement;
  basemap: BasemapData;
  data: ReportData;
  features: ReadonlyMap<string, FeatureEntry>;
  /** The map's one source's data, every language's labels in it (style/source.ts). */
  source: GeoJSON.FeatureCollection;
  /** What to show first: a link's state, or the state of the map this one replaces. */
  initial: HashState;
  t: Messages;
  embedded: boolean;
  /** Whether a link must name the language: not where the reader's browser would choose it anyway. */
  carryLanguage: () => boolean;
  /** A link edited in the address bar asks for another language. */
  onLanguage: (language: Language) => void;
}

export interface MountedMap {
  map: ReturnType<typeof createMapView>;
  /** What the map shows, to carry into its replacement. */
  state(): HashState;
  /** Removes the map, its controls and the page parts it added, and stops every listener. */
  destroy(): void;
}

/**
 * The map and everything that works with it, in one language: legend, text list, timeline,
 * downloads, pictures, the permalink. Throws, leaving the page as it was, when the browser has no
 * WebGL (createMapView).
 */
export function mountMap(options: MountOptions): MountedMap {
  const { container, panel, basemap, data, features, source, initial, t, embedded } = options;
  const visible = new Set(initial.layers ?? REPORT_LAYER_IDS);
  const style = buildStyle({
    glyphs: glyphsUrl(),
    source,
    hidden: new Set(REPORT_LAYER_IDS.filter((id) => !visible.has(id))),
    t,
  });
  const date = initial.date ?? TIMELINE.report;
  const dated = [...features].flatMap(([id, { feature }]) => {
    const interval = featureInterval(feature.properties);
    const name = String(feature.properties?.[`name_${t.lang}`] ?? feature.properties?.name ?? id);
    return interval ? [{ id, name, interval }] : [];
  });
  const timeline = createTimeline({
    events: timelineEvents(
      [...features].map(([id, { feature }]) => ({ id, properties: feature.properties })),
      t,
    ),
    date,
    onDate: (day, { settled }) => {
      report.setDate(day, { quiet: !settled });
      yourData?.setDate(day);
      // A drag's last day may already be set, quietly: the list and the link catch up here.
      if (settled) {
        textList.setDate(day);
        permalink.write();
      }
    },
    // A step asked for goes to its feature (a jump where motion is reduced). The story playing keeps
    // every dated feature in one frame, and never moves the camera where motion is reduced.
    onStep: (event, { playing }) => {
      if (!playing) report.frame(event.feature);
      else if (!reducedMotion().matches) report.frameAll(dated.map((d) => d.id));
    },
    describe: (from, to) => changesBetween(dated, from, to, t),
    t,
  });
  // The strip goes under the map before the map exists, so that MapLibre starts at its final size:
  // a resize after its first frames draws the whole map again (docs/PERFORMANCE.md).
  // The scale bar and the credits, between the map and the strip (src/map/view.ts).
  const footer = el('div', { class: 'map-footer' });
  container.after(footer, timeline.element);
  let map: ReturnType<typeof createMapView>;
  try {
    map = createMapView({
      container,
      style: { ...style, layers: hideCovered(sharePrograms(style.layers)) },
      view: initial.view,
      onError: showMessage,
      t,
      footer,
    });
  } catch (error) {
    timeline.destroy();
    timeline.element.remove();
    footer.remove();
    throw error;
  }

  const legend = createLegend({
    layers: REPORT_LAYERS,
    isVisible: (id) => visible.has(id),
    onToggle: (id, on) => report.setVisible(id, on),
    // Folded in a story's embed; elsewhere open, unless it then hides too much of the map (below).
    open: !embedded,
    t,
  });
  const textList = createTextList({
    layers: REPORT_LAYERS,
    data,
    onChoose: (id, opener) => report.openFeature(id, { fly: true, returnFocus: opener }),
    t,
  });
  const report: ReportMap = new ReportMap(map, {
    features,
    groups: layerGroups(style.layers),
    clickable: clickableLayers(style.layers),
    visible,
    date,
    t,
    yieldsClick: (point) => yourData?.takesClick(point) ?? false,
    onChange: () => {
      const { visible: shown, date: day } = report.state();
      for (const { id } of REPORT_LAYERS) {
        legend.setChecked(id, shown.includes(id));
        textList.setLayerVisible(id, shown.includes(id));
      }
      timeline.setDate(day);
      textList.setDate(day);
      yourData?.setDate(day);
      permalink.write();
    },
  });
  textList.setDate(date);
  panel.prepend(timeline.caption);
  const permalink = new Permalink(map, report, {
    current: () => t.lang as Language,
    carry: options.carryLanguage,
    onLanguage: options.onLanguage,
  });
  const stopPrint = printableMap(map, t.print.alt);
  const stopHiding = hideCoveredLabels(map);
  map.addControl(new ElementControl(legend.element), 'top-left');
  if (embedded) {
    const full = fullMapLink(t);
    map.addControl(new ElementControl(full.element), 'top-left');
    map.on('moveend', full.update);
  } else {
    map.addControl(
      new ElementControl(
        createExportMenu({
          layers: REPORT_LAYERS,
          data,
          geoPackageUrl: geoPackageUrl(),
          currentView: () => map.getBounds().toArray().flat() as [number, number, number, number],
          visibleLayers: () => report.state().visible,
          currentDate: () => report.state().date,
          yourData: () => yourData?.shownLayers() ?? [],
          t,
        }),
      ),
      'top-left',
    );
    // Both pictures draw, key and credit the reader's shown files, apart from the report.
    const pictureState = () => {
      const { visible: shown, date: day } = report.state();
      return {
        visible: shown,
        date: day,
        permalink: fullMapUrl(window.location),
        t,
        yourFiles: yourData?.pictureFiles() ?? [],
      };
    };
    map.addControl(
      new ElementControl(
        createShareMenu({
          savePng: async () => (await import('./save-picture.ts')).savePng(map, pictureState()),
          saveSvg: async () =>
            (await import('./save-svg.ts')).saveSvg(map, { basemap, data }, pictureState()),
          embedCode: () => embedCode(window.location, t),
          t,
        }),
      ),
      'top-left',
    );
  }
  panel.append(textList.element);
  // The reader's own files, beside the report's layers; not in an embed, whose reader came for one view.
  const yourData = embedded
    ? undefined
    : mountYourData({
        map,
        container,
        legend: legend.body,
        textList: textList.element,
        styleLayers: style.layers,
        date,
        t,
      });
  // After the reader's files' section is in the legend: it counts in the legend's share of the map.
  if (controlShare(container) > MAX_CONTROL_SHARE) legend.element.open = false;
  const stopOneMenu = oneMenuAtATime(container);
  if (!initial.view) {
    fitDefaultView(map);
    // Fitted again if the map's size changes before it is first drawn (a font loading late).
    const refit = () => fitDefaultView(map);
    map.on('resize', refit);
    map.once('idle', () => map.off('resize', refit));
  }
  const stopFirstView = followFirstView(map, !initial.view);

  // Ready once the map has drawn everything, the report's layers included. The moving highlight
  // starts only then: each step is a frame, and the first view should not wait for decoration.
  let stopFlows = () => {};
  map.once('idle', () => {
    if (!initial.feature || !report.openFeature(initial.feature)) permalink.write();
    container.dataset.ready = 'true';
    stopFlows = animateFlows(map);
  });

  return {
    map,
    state: () => {
      const { visible: shown, feature, date: day } = report.state();
      return { view: currentView(map), layers: shown, feature: feature ?? undefined, date: day };
    },
    destroy() {
      yourData?.destroy();
      stopFirstView();
      stopFlows();
      stopOneMenu();
      stopPrint();
      stopHiding();
      permalink.destroy();
      timeline.destroy();
      report.destroy();
      map.remove();
      timeline.element.remove();
      footer.remove();
      timeline.caption.remove();
      textList.element.remove();
      delete container.dataset.ready;
    },
  };
}
