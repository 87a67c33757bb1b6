import * as maplibregl from 'maplibre-gl';
import type { FeatureEntry } from '../data/features.ts';
import { popupModel } from '../data/popup.ts';
import { featureInterval, type Interval, stateAt, TIMELINE } from '../data/time.ts';
import { en, type Messages } from '../i18n/index.ts';
import { REPORT_LAYER_IDS, type ReportLayerId, reportLayer } from '../layers/registry.ts';
import { MAP_SOURCE } from '../style/source.ts';
import { TIME_STATE } from '../style/time.ts';
import { popupContent } from '../ui/popup-content.ts';
import { reducedMotion } from './motion.ts';

/** A 4-pixel line is hard to hit with a finger: a click counts within this many pixels of a feature. */
const TOLERANCE_PX = 8;

export interface ReportMapState {
  visible: ReportLayerId[];
  feature: string | null;
  /** The timeline's day, YYYY-MM-DD. */
  date: string;
}

export interface ReportMapOptions {
  features: ReadonlyMap<string, FeatureEntry>;
  /** The style layer ids that draw each report layer (see layerGroups). */
  groups: ReadonlyMap<ReportLayerId, readonly string[]>;
  /** The style layers a click can pick a feature from (see clickableLayers). */
  clickable: readonly string[];
  /** The layers the style starts with visible. */
  visible?: Iterable<ReportLayerId>;
  /** The day the map starts at; the report's date by default. */
  date?: string;
  /** Told after every change of what is shown: a layer toggled, a popup opened or closed. */
  onChange?: () => void;
  /** Where Escape closes the popup from; the document unless a test gives its own. */
  keys?: EventTarget;
  /** The popups' language; English by default. */
  t?: Messages;
  /** Whether a click at this point belongs to the reader's own layers (src/map/your-data-layers.ts). */
  yieldsClick?: (point: maplibregl.Point) => boolean;
}

/**
 * What a person does with the report's layers on the map: show or hide a layer, click a feature or
 * choose it from a list, read its popup and close it. Keeps its own state, so a toggle pressed while
 * the GL context is lost still holds when it comes back. `destroy()` removes every listener it added.
 */
export class ReportMap {
  private visible: Set<ReportLayerId>;
  private contextLost = false;
  private applyPending = false;
  private popup: maplibregl.Popup | null = null;
  private openId: string | null = null;
  private returnFocus: HTMLElement | null = null;
  private readonly features: ReadonlyMap<string, FeatureEntry>;
  private readonly groups: ReadonlyMap<ReportLayerId, readonly string[]>;
  private readonly clickable: readonly string[];
  private readonly onChange: () => void;
  private readonly subscriptions: { unsubscribe(): void }[];
  private readonly listening = new AbortController();
  private destroyed = false;
  private date: string;
  private readonly t: Messages;
  /** The dated features' intervals; the others are undated, drawn at every date. */
  private readonly intervals: Map<string, Interval>;

  constructor(
    readonly map: maplibregl.Map,
    {
      features,
      groups,
      clickable,
      visible = REPORT_LAYER_IDS,
      date = TIMELINE.report,
      onChange,
      keys = document,
      t = en,
      yieldsClick = () => false,
    }: ReportMapOptions,
  ) {
    this.date = date;
    this.t = t;
    this.intervals = new Map(
      [...features].flatMap(([id, entry]) => {
        const interval = featureInterval(entry.feature.properties);
        return interval ? [[id, interval] as const] : [];
      }),
    );
    this.features = features;
    this.groups = groups;
    this.clickable = clickable;
    this.visible = new Set(visible);
    this.onChange = onChange ?? (() => {});
    this.subscriptions = [
      map.on('click', (event) => {
        if (yieldsClick(event.point)) return;
        const id = this.featureAt(event.point);
        if (id) this.openFeature(id, { at: event.lngLat, returnFocus: map.getCanvas() });
      }),
      map.on('mousemove', (event) => {
        map.getCanvas().style.cursor = this.featureAt(event.point) ? 'pointer' : '';
      }),
      // While the GL context is lost the style is gone; remember what changes and reapply on restore.
      map.on('webglcontextlost', () => {
        this.contextLost = true;
      }),
      map.on('webglcontextrestored', () => {
        this.contextLost = false;
        this.applyVisibility();
      }),
      // The date's states at every style load: the first, before its tiles arrive (MapLibre gives each
      // tile the states as it comes; set after `load` they cost the first view a frame more), and the
      // style a restored GL context loads anew, without them.
      map.on('style.load', () => this.applyDate()),
    ];
    keys.addEventListener(
      'keydown',
      (event) => {
        if ((event as KeyboardEvent).key === 'Escape' && this.popup) this.closePopup();
      },
      { signal: this.listening.signal },
    );
  }

  /** Stops listening to the map and the keyboard, and closes the popup. */
  destroy(): void {
    this.destroyed = true;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.listening.abort();
    this.closePopup({ restoreFocus: false });
  }

  state(): ReportMapState {
    return {
      visible: REPORT_LAYER_IDS.filter((id) => this.visible.has(id)),
      feature: this.openId,
      date: this.date,
    };
  }

  /**
   * Draws every dated feature as it stood on `day`, and says so in an open popup. `quiet` (a slider
   * mid-drag) skips the change notice, and with it the address bar's update.
   */
  setDate(day: string, { quiet = false }: { quiet?: boolean } = {}): void {
    if (day === this.date) return;
    this.date = day;
    this.applyDate();
    if (this.popup && this.openId) {
      const entry = this.features.get(this.openId);
      if (entry) this.popup.setDOMContent(this.content(entry));
    }
    if (!quiet) this.onChange();
  }

  /** Each dated feature's state on the date, as feature state: a repaint, not a re-tiling. */
  private applyDate(): void {
    if (this.contextLost || !this.map.getSource(MAP_SOURCE)) return;
    for (const [id, interval] of this.intervals) {
      this.map.setFeatureState(
        { source: MAP_SOURCE, id },
        { [TIME_STATE]: stateAt(interval, this.date).state },
      );
    }
  }

  /** A popup's body: the feature's words on the map's date, and its Cite button. */
  private content(entry: FeatureEntry): HTMLElement {
    const model = popupModel(entry.feature.properties, reportLayer(entry.layer), this.date, this.t);
    return popupContent(model, this.t, { cite: String(entry.feature.id) });
  }

  /**
   * Brings all these features into view, if one is not: the story playing, so that a reader watches
   * it spread in one frame rather than chasing each event.
   */
  frameAll(ids: readonly string[]): void {
    const entries = ids.map((id) => this.features.get(id)).filter((e): e is FeatureEntry => e !== undefined);
    if (entries.length === 0) return;
    const view = this.map.getBounds();
    const inView = ({ bounds: [w, s, e, n] }: FeatureEntry) => view.contains([w, s]) && view.contains([e, n]);
    if (entries.every(inView)) return;
    const w = Math.min(...entries.map((e) => e.bounds[0]));
    const s = Math.min(...entries.map((e) => e.bounds[1]));
    const e = Math.max(...entries.map((x) => x.bounds[2]));
    const n = Math.max(...entries.map((x) => x.bounds[3]));
    this.map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 40, duration: reducedMotion().matches ? 0 : 900 },
    );
  }

  /** Moves the map to a feature: a flight, or a jump where motion is reduced or `animate` is false. */
  frame(id: string, { animate = true }: { animate?: boolean } = {}): void {
    const entry = this.features.get(id);
    if (!entry) return;
    const [w, s, e, n] = entry.bounds;
    this.map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 40, maxZoom: 7, duration: animate && !reducedMotion().matches ? 900 : 0 },
    );
  }

  isVisible(id: ReportLayerId): boolean {
    return this.visible.has(id);
  }

  setVisible(id: ReportLayerId, visible: boolean): void {
    const next = new Set(this.visible);
    if (visible) next.add(id);
    else next.delete(id);
    this.setVisibleLayers(next);
  }

  /** Shows exactly these layers, in one update of the map and one change notice. */
  setVisibleLayers(visible: ReadonlySet<ReportLayerId>): void {
    this.visible = new Set(visible);
    this.applyVisibility();
    const open = this.openId ? this.features.get(this.openId) : undefined;
    if (open && !this.visible.has(open.layer)) this.closePopup();
    this.onChange();
  }

  /** Sets every style layer of each report layer's group to that layer's visibility. */
  applyVisibility(): void {
    if (this.contextLost) return;
    // After a restored context the style is rebuilt from a snapshot and has no layers until loaded.
    const styleLayers = [...this.groups.values()].flat();
    if (!this.map.style || !styleLayers.every((id) => this.map.getLayer(id))) {
      if (!this.applyPending) {
        this.applyPending = true;
        this.map.once('idle', () => {
          this.applyPending = false;
          if (!this.destroyed) this.applyVisibility();
        });
      }
      return;
    }
    for (const [layer, ids] of this.groups) {
      const value = this.visible.has(layer) ? 'visible' : 'none';
      for (const id of ids) {
        if (this.map.getLayoutProperty(id, 'visibility') !== value)
          this.map.setLayoutProperty(id, 'visibility', value);
      }
    }
  }

  /** The id of the topmost report feature near a screen point, if any. */
  private featureAt({ x, y }: maplibregl.Point): string | undefined {
    if (this.contextLost || !this.map.style) return undefined;
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [x - TOLERANCE_PX, y - TOLERANCE_PX],
      [x + TOLERANCE_PX, y + TOLERANCE_PX],
    ];
    const layers = this.clickable.filter((id) => this.map.getLayer(id));
    // A feature not yet in force is drawn transparent: it cannot be clicked either.
    const id = this.map
      .queryRenderedFeatures(box, { layers })
      .map((f) => f.properties?.id)
      .find(
        (found) =>
          typeof found === 'string' && stateAt(this.intervals.get(found), this.date).state !== 'not-yet',
      );
    return typeof id === 'string' ? id : undefined;
  }

  /**
   * Opens the popup of a feature. With `fly` (a choice from the text list) the map first moves to the
   * feature and the popup opens where the flight ends, so it is never placed off-screen mid-flight.
   */
  openFeature(
    id: string,
    options: { at?: maplibregl.LngLatLike; returnFocus?: HTMLElement | null; fly?: boolean } = {},
  ): boolean {
    const entry = this.features.get(id);
    if (!entry) return false;
    if (options.fly) {
      this.frame(id);
      if (this.map.isMoving()) {
        this.map.once('moveend', () => {
          if (!this.destroyed) this.showPopup(id, entry, options);
        });
        return true;
      }
    }
    this.showPopup(id, entry, options);
    return true;
  }

  private showPopup(
    id: string,
    entry: FeatureEntry,
    options: { at?: maplibregl.LngLatLike; returnFocus?: HTMLElement | null },
  ): void {
    this.closePopup({ restoreFocus: false });
    const popup = new maplibregl.Popup({
      maxWidth: 'min(340px, 90vw)',
      focusAfterOpen: true,
      className: 'map-popup',
    })
      .setLngLat(options.at ?? (entry.anchor as [number, number]))
      .setDOMContent(this.content(entry))
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
      target?.focus();
      this.onChange();
    });
    this.onChange();
  }

  closePopup({ restoreFocus = true }: { restoreFocus?: boolean } = {}): void {
    if (!this.popup) return;
    if (!restoreFocus) this.returnFocus = null;
    this.popup.remove();
  }
}
