import './ui/page.css';
import './ui/controls.css';
import './ui/feature-text.css';
import './ui/timeline.css';
import './ui/print.css';
import committedAnchors from '../geodata/layers/anchors.json';
import { indexFeatures } from './data/features.ts';
import { parseHash } from './data/hash.ts';
import { changesBetween, featureInterval, TIMELINE, timelineEvents } from './data/time.ts';
import { loadBasemap, loadReportLayers } from './files/load.ts';
import { keepForOffline } from './files/offline.ts';
import { geoPackageUrl, glyphsUrl } from './files/urls.ts';
import { REPORT_LAYER_IDS, REPORT_LAYERS } from './layers/registry.ts';
import { ElementControl } from './map/controls.ts';
import { animateFlows } from './map/flow-animation.ts';
import { reducedMotion } from './map/motion.ts';
import { Permalink } from './map/permalink.ts';
import { printableMap } from './map/print.ts';
import { ReportMap } from './map/report-map.ts';
import { createMapView } from './map/view.ts';
import { buildStyle } from './style/index.ts';
import { mapSourceData } from './style/source.ts';
import { clickableLayers, layerGroups } from './style/tags.ts';
import { embedCode, fullMapLink, fullMapUrl, isEmbedded } from './ui/embed.ts';
import { createExportMenu } from './ui/export-menu.ts';
import { createLegend } from './ui/legend.ts';
import { showMessage } from './ui/messages.ts';
import { createShareMenu } from './ui/share-menu.ts';
import { createTextList } from './ui/text-list.ts';
import { createTimeline } from './ui/timeline.ts';
import { createUpdateLine } from './ui/update-line.ts';
import { mountWithoutMap } from './ui/without-map.ts';

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id} element`);
  return found;
}

/** Kept for offline use after the first visit; not in a story's embed, whose reader came for one view. */
function offerOffline(embedded: boolean): void {
  if (embedded) return;
  void keepForOffline({
    onNewVersion: (accept) => element('messages').after(createUpdateLine(accept).element),
  });
}

async function main(): Promise<void> {
  const container = element('map');
  const panel = element('panel');
  const initial = parseHash(window.location.hash);
  const embedded = isEmbedded(window.location.search);
  if (embedded) document.body.classList.add('embed');
  const visible = new Set(initial.layers ?? REPORT_LAYER_IDS);
  // The page preloads every data file (vite.config.ts), so the style is built with all its data
  // rather than with an empty source filled afterwards, which would tile the map twice.
  const [basemap, data] = await Promise.all([loadBasemap(showMessage), loadReportLayers(showMessage)]);
  const features = indexFeatures(data, committedAnchors.anchors);
  const style = buildStyle({
    glyphs: glyphsUrl(),
    source: mapSourceData(basemap, data, features),
    hidden: new Set(REPORT_LAYER_IDS.filter((id) => !visible.has(id))),
  });

  let map: ReturnType<typeof createMapView>;
  try {
    map = createMapView({ container, style, view: initial.view, onError: showMessage });
  } catch (error) {
    // Any other failure is reported as the map not starting (below), not as a missing WebGL.
    if (!/webgl/i.test(String(error))) throw error;
    mountWithoutMap(data, container, panel, geoPackageUrl());
    offerOffline(embedded);
    return;
  }
  if (import.meta.env.MODE === 'test') {
    // The browser tests query rendered features through this handle; production builds leave it out.
    (window as unknown as { __map: unknown }).__map = map;
    // And the picture code, for the link preview's image (scripts/screenshots.ts).
    (window as unknown as { __pictures: unknown }).__pictures = () => import('./map/save-picture.ts');
    // Which build this is, for the update test (tests/e2e/offline.e2e.ts builds a second one).
    (window as unknown as { __build: unknown }).__build = import.meta.env.VITE_BUILD_ID ?? '';
  }

  const legend = createLegend({
    layers: REPORT_LAYERS,
    isVisible: (id) => visible.has(id),
    onToggle: (id, on) => report.setVisible(id, on),
    // Folded in a story's embed and on phones, where it would cover the map.
    open: !embedded && window.matchMedia('(min-width: 700px)').matches,
  });
  const textList = createTextList({
    layers: REPORT_LAYERS,
    data,
    onChoose: (id, opener) => report.openFeature(id, { fly: true, returnFocus: opener }),
  });
  const date = initial.date ?? TIMELINE.report;
  const dated = [...features].flatMap(([id, { feature }]) => {
    const interval = featureInterval(feature.properties);
    return interval ? [{ id, name: String(feature.properties?.name ?? id), interval }] : [];
  });
  const timeline = createTimeline({
    events: timelineEvents(
      [...features].map(([id, { feature }]) => ({ id, properties: feature.properties })),
    ),
    date,
    onDate: (day, { settled }) => {
      report.setDate(day, { quiet: !settled });
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
    describe: (from, to) => changesBetween(dated, from, to),
  });
  const report: ReportMap = new ReportMap(map, {
    features,
    groups: layerGroups(style.layers),
    clickable: clickableLayers(style.layers),
    visible,
    date,
    onChange: () => {
      const { visible: shown, date: day } = report.state();
      for (const { id } of REPORT_LAYERS) {
        legend.setChecked(id, shown.includes(id));
        textList.setLayerVisible(id, shown.includes(id));
      }
      timeline.setDate(day);
      textList.setDate(day);
      permalink.write();
    },
  });
  textList.setDate(date);
  container.after(timeline.element);
  panel.prepend(timeline.caption);
  const permalink = new Permalink(map, report);
  printableMap(map);
  map.addControl(new ElementControl(legend.element), 'top-left');
  if (embedded) {
    const full = fullMapLink();
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
        }),
      ),
      'top-left',
    );
    const pictureState = () => {
      const { visible: shown, date: day } = report.state();
      return { visible: shown, date: day, permalink: fullMapUrl(window.location) };
    };
    map.addControl(
      new ElementControl(
        createShareMenu({
          savePng: async () => (await import('./map/save-picture.ts')).savePng(map, pictureState()),
          saveSvg: async () =>
            (await import('./map/save-svg.ts')).saveSvg(map, { basemap, data }, pictureState()),
          embedCode: () => embedCode(window.location),
        }),
      ),
      'top-left',
    );
  }
  panel.append(textList.element);

  // Ready once the map has drawn everything, the report's layers included. The moving highlight
  // starts only then: each step is a frame, and the first view should not wait for decoration.
  map.once('load', () => report.applyDate());
  map.once('idle', () => {
    if (!initial.feature || !report.openFeature(initial.feature)) permalink.write();
    container.dataset.ready = 'true';
    animateFlows(map);
    offerOffline(embedded);
  });
}

main().catch((error: unknown) => showMessage(`The map could not start: ${String(error)}`));
