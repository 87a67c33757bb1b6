import * as maplibregl from 'maplibre-gl';
import type { FeatureEntry } from '../data/features.ts';
import { popupModel } from '../data/popup.ts';
import { MISSION_LAYERS, type MissionLayerId, missionLayer } from '../layers/registry.ts';
import { MISSION_METADATA_KEY } from '../style/mission.ts';
import { popupContent } from '../ui/popup-content.ts';

/** The style layers a click can pick a feature from, topmost first. */
const CLICKABLE = ['transit-flows-hit', 'alta-verapaz-fill', 'militarised-policing-fill'];

export interface MissionMapState {
  visible: MissionLayerId[];
  feature: string | null;
}

/**
 * What a person does with the mission layers on the map: show or hide a layer, click a feature or
 * choose it from a list, read its popup and close it. Keeps its own state, so a toggle pressed while
 * the GL context is lost still holds when it comes back, and tells `onChange` after every change.
 */
export class MissionMap {
  private readonly visible: Set<MissionLayerId>;
  private contextLost = false;
  private applyPending = false;
  private popup: maplibregl.Popup | null = null;
  private openId: string | null = null;
  private returnFocus: HTMLElement | null = null;
  onChange: () => void = () => {};

  constructor(
    readonly map: maplibregl.Map,
    private readonly features: ReadonlyMap<string, FeatureEntry>,
    /** The layers the style starts with visible. */
    visible: Iterable<MissionLayerId> = MISSION_LAYERS.map((l) => l.id),
  ) {
    this.visible = new Set(visible);
    for (const id of CLICKABLE) {
      map.on('click', id, (event) => this.onClick(event));
      map.on('mouseenter', id, () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', id, () => {
        map.getCanvas().style.cursor = '';
      });
    }
    // While the GL context is lost the style is gone; remember what changes and reapply on restore.
    map.on('webglcontextlost', () => {
      this.contextLost = true;
    });
    map.on('webglcontextrestored', () => {
      this.contextLost = false;
      this.applyVisibility();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.popup) this.closePopup();
    });
  }

  state(): MissionMapState {
    return {
      visible: MISSION_LAYERS.map((l) => l.id).filter((id) => this.visible.has(id)),
      feature: this.openId,
    };
  }

  isVisible(id: MissionLayerId): boolean {
    return this.visible.has(id);
  }

  setVisible(id: MissionLayerId, visible: boolean): void {
    if (visible) this.visible.add(id);
    else this.visible.delete(id);
    this.applyVisibility();
    const open = this.openId ? this.features.get(this.openId) : undefined;
    if (!visible && open?.layer === id) this.closePopup();
    this.onChange();
  }

  /** Sets every style layer of each mission group to its group's visibility. */
  applyVisibility(): void {
    if (this.contextLost) return;
    // After a restored context the style is rebuilt from a snapshot and reads as undefined until loaded.
    const style = this.map.style ? this.map.getStyle() : undefined;
    if (!style?.layers) {
      if (!this.applyPending) {
        this.applyPending = true;
        this.map.once('idle', () => {
          this.applyPending = false;
          this.applyVisibility();
        });
      }
      return;
    }
    for (const layer of style.layers) {
      const mission = (layer.metadata as Record<string, unknown> | undefined)?.[MISSION_METADATA_KEY];
      if (typeof mission !== 'string') continue;
      const value = this.visible.has(mission as MissionLayerId) ? 'visible' : 'none';
      if (this.map.getLayoutProperty(layer.id, 'visibility') !== value) {
        this.map.setLayoutProperty(layer.id, 'visibility', value);
      }
    }
  }

  private onClick(event: maplibregl.MapLayerMouseEvent): void {
    // One click may hit several layers (a route over a shaded country): open only the topmost.
    const hits = this.map.queryRenderedFeatures(event.point, { layers: CLICKABLE });
    const id = hits[0]?.properties?.id;
    if (typeof id === 'string' && hits[0]?.layer.id === event.features?.[0]?.layer.id) {
      this.openFeature(id, { at: event.lngLat, returnFocus: this.map.getCanvas() });
    }
  }

  /** Opens the popup of a feature; `fly` first moves the map to it (when chosen from the text twin). */
  openFeature(
    id: string,
    options: { at?: maplibregl.LngLatLike; returnFocus?: HTMLElement | null; fly?: boolean } = {},
  ): boolean {
    const entry = this.features.get(id);
    if (!entry) return false;
    if (options.fly) {
      const [w, s, e, n] = entry.bounds;
      const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
      this.map.fitBounds(
        [
          [w, s],
          [e, n],
        ],
        { padding: 60, maxZoom: 7, duration: reduceMotion ? 0 : 900 },
      );
    }
    this.closePopup({ restoreFocus: false });
    const model = popupModel(entry.feature.properties, missionLayer(entry.layer).name);
    const popup = new maplibregl.Popup({
      maxWidth: 'min(340px, 90vw)',
      focusAfterOpen: true,
      className: 'mission-popup',
    })
      .setLngLat(options.at ?? (entry.anchor as [number, number]))
      .setDOMContent(popupContent(model))
      .addTo(this.map);
    this.popup = popup;
    this.openId = id;
    this.returnFocus = options.returnFocus ?? null;
    popup.on('close', () => {
      if (this.popup !== popup) return;
      this.popup = null;
      this.openId = null;
      const target = this.returnFocus;
      this.returnFocus = null;
      if (this.restoreFocusOnClose) target?.focus();
      this.onChange();
    });
    this.onChange();
    return true;
  }

  private restoreFocusOnClose = true;

  closePopup({ restoreFocus = true }: { restoreFocus?: boolean } = {}): void {
    if (!this.popup) return;
    this.restoreFocusOnClose = restoreFocus;
    this.popup.remove();
    this.restoreFocusOnClose = true;
  }
}
