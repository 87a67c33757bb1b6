import './ui/page.css';
import type { FeatureCollection } from 'geojson';
import committedAnchors from '../geodata/layers/anchors.json';
import { indexFeatures, mapSourceData } from './data/features.ts';
import { type HashState, parseHash } from './data/hash.ts';
import { MISSION_LAYER_IDS, MISSION_LAYERS, type MissionData, missionLayer } from './layers/registry.ts';
import { basemapUrls, glyphsUrl, missionDataUrls } from './map/assets.ts';
import { ElementControl } from './map/controls.ts';
import { animateFlows } from './map/flow-animation.ts';
import { MissionMap } from './map/mission-map.ts';
import { currentView, writeHash } from './map/permalink.ts';
import { createMapView } from './map/view.ts';
import type { BasemapData } from './style/basemap.ts';
import { buildStyle } from './style/index.ts';
import { clickableLayers, missionGroups } from './style/mission.ts';
import { createExportMenu } from './ui/export-menu.ts';
import { createLegend } from './ui/legend.ts';
import { showMessage } from './ui/messages.ts';
import { createTextTwin } from './ui/twin.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Enough of a check that a damaged or substituted file cannot break the page that reads it. */
function isFeatureCollection(value: unknown): value is FeatureCollection {
  const candidate = value as Partial<FeatureCollection> | null;
  return (
    candidate?.type === 'FeatureCollection' &&
    Array.isArray(candidate.features) &&
    candidate.features.every((f) => typeof f === 'object' && f !== null && f.type === 'Feature')
  );
}

/**
 * Fetches each GeoJSON file of `urls`. A file that fails is reported in one line (`failure` words
 * it) and stands empty, so that the rest of the page still works.
 */
async function loadFiles<K extends string>(
  urls: Record<K, string>,
  failure: (key: K, reason: string) => string,
): Promise<Record<K, FeatureCollection>> {
  const load = async (key: K): Promise<[K, FeatureCollection]> => {
    try {
      const response = await fetch(urls[key]);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const json: unknown = await response.json();
      if (!isFeatureCollection(json)) throw new Error('not a GeoJSON FeatureCollection');
      return [key, json];
    } catch (error) {
      showMessage(failure(key, String(error)));
      return [key, EMPTY];
    }
  };
  return Object.fromEntries(await Promise.all((Object.keys(urls) as K[]).map(load))) as Record<
    K,
    FeatureCollection
  >;
}

const loadMissionData = (): Promise<MissionData> =>
  loadFiles(
    missionDataUrls,
    (id, reason) =>
      `Could not load the ${missionLayer(id).name} layer (${reason}); the rest of the map still works.`,
  );

const loadBasemap = (): Promise<BasemapData> =>
  loadFiles(
    basemapUrls,
    (file, reason) => `Could not load the basemap's ${file} file (${reason}); the mission layers still show.`,
  );

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id} element`);
  return found;
}

/** The whole app without a map: what a browser with no WebGL 2 gets. */
function mountWithoutMap(data: MissionData, panel: HTMLElement, reason: unknown): void {
  element('map').hidden = true;
  showMessage(
    `The interactive map needs WebGL 2, which this browser does not provide (${String(reason)}). ` +
      'Everything it shows is listed below as text, and the downloads work.',
  );
  panel.append(createExportMenu({ layers: MISSION_LAYERS, data }));
  panel.append(createTextTwin({ layers: MISSION_LAYERS, data }).element);
  panel.querySelector('details.export')?.setAttribute('open', '');
}

async function main(): Promise<void> {
  const container = element('map');
  const panel = element('panel');
  const initial: HashState = parseHash(window.location.hash);
  const visibleAtStart = new Set(initial.layers ?? MISSION_LAYER_IDS);
  // The page preloads every data file (vite.config.ts), so the data is here by the time MapLibre,
  // a far larger download, has started: the map's style is built with it rather than with an empty
  // source filled afterwards, which would tile the map twice.
  const [basemap, data] = await Promise.all([loadBasemap(), loadMissionData()]);
  const features = indexFeatures(data, committedAnchors.anchors);

  const style = buildStyle(glyphsUrl(), mapSourceData(basemap, data, features));
  const groups = missionGroups(style.layers);
  // Hidden layers in a link are hidden from the first frame, not switched off after it.
  const hiddenAtStart = new Set(
    [...groups].filter(([mission]) => !visibleAtStart.has(mission)).flatMap(([, ids]) => ids),
  );
  for (const layer of style.layers) {
    if (hiddenAtStart.has(layer.id)) layer.layout = { ...layer.layout, visibility: 'none' } as never;
  }

  let map: ReturnType<typeof createMapView>;
  try {
    map = createMapView({ container, style, view: initial.view, onError: showMessage });
  } catch (error) {
    mountWithoutMap(data, panel, error instanceof Error ? error.message : error);
    return;
  }
  if (import.meta.env.MODE === 'test') {
    // The browser tests query rendered features through this handle; production builds leave it out.
    (window as unknown as { __map: unknown }).__map = map;
  }

  const mission = new MissionMap(map, features, groups, clickableLayers(style.layers), visibleAtStart);

  const wide = window.matchMedia('(min-width: 700px)').matches;
  const legend = createLegend({
    layers: MISSION_LAYERS,
    isVisible: (id) => mission.isVisible(id),
    onToggle: (id, visible) => mission.setVisible(id, visible),
    open: wide,
  });
  const twin = createTextTwin({
    layers: MISSION_LAYERS,
    data,
    onChoose: (id, opener) => mission.openFeature(id, { fly: true, returnFocus: opener }),
  });
  const exportMenu = createExportMenu({
    layers: MISSION_LAYERS,
    data,
    currentView: () => map.getBounds().toArray().flat() as [number, number, number, number],
    visibleLayers: () => mission.state().visible,
  });
  map.addControl(new ElementControl(legend.element), 'top-left');
  map.addControl(new ElementControl(exportMenu), 'top-left');
  panel.append(twin.element);

  const sync = () => {
    const state = mission.state();
    for (const layer of MISSION_LAYERS) {
      const visible = state.visible.includes(layer.id);
      legend.setChecked(layer.id, visible);
      twin.setLayerVisible(layer.id, visible);
    }
    const allVisible = state.visible.length === MISSION_LAYERS.length;
    writeHash({
      view: currentView(map),
      layers: allVisible ? undefined : state.visible,
      feature: state.feature ?? undefined,
    });
  };
  mission.onChange = sync;
  map.on('moveend', sync);
  window.addEventListener('hashchange', () => {
    const next = parseHash(window.location.hash);
    if (next.view) map.jumpTo({ ...next.view, center: [next.view.lng, next.view.lat] });
    mission.setVisibleLayers(new Set(next.layers ?? MISSION_LAYER_IDS));
    if (next.feature && next.feature !== mission.state().feature) mission.openFeature(next.feature);
  });

  // Ready once the map has drawn everything, mission layers included. The moving highlight starts
  // only then: each step is a frame, and the first view should not wait for decoration.
  map.once('idle', () => {
    if (initial.feature && !mission.openFeature(initial.feature)) sync();
    container.dataset.ready = 'true';
    animateFlows(map);
  });
}

main().catch((error: unknown) => showMessage(`The map could not start: ${String(error)}`));
