/**
 * The reader's files on the map: one GeoJSON source a file and its layers (polygons with an outline,
 * lines, points as circles), all under the report's, so the report stays on top and clickable. A
 * file's own simplestyle or KML colours (`fill`, `stroke`, `marker-color`, KML's `icon-color`) win
 * over its palette colour.
 */
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import { type Interval, stateAt } from '../data/time.ts';
import type { Messages } from '../i18n/index.ts';
import { TIME_STATE } from '../style/time.ts';
import { FONT_BOLD } from '../theme.ts';
import { yourDataPopup } from '../ui/your-data-popup.ts';
import type { YourData } from '../your-data/types.ts';

/** From about this many points, clusters with counts read better than a blanket of dots. */
export const CLUSTER_FROM = 20_000;
const TOLERANCE_PX = 6;
const PREFIX = 'your-data-';

export interface DrawnFile {
  id: string;
  name: string;
  colour: string;
  data: YourData;
  visible: boolean;
}

const is = (...types: string[]): ExpressionSpecification => ['match', ['geometry-type'], types, true, false];
/** The first of the feature's own colours that parses, else the file's; `to-color` skips the others. */
const own = (properties: string[], fallback: string): ExpressionSpecification =>
  [
    'to-color',
    ...properties.map((p): ExpressionSpecification => ['get', p]),
    fallback,
  ] as unknown as ExpressionSpecification;
/** The only properties the style reads: the file's own colours. */
const STYLE_PROPERTIES = ['fill', 'stroke', 'marker-color', 'icon-color'];

/**
 * The features as the map's worker gets them: geometry, id and their colours only. Every other
 * property stays on this side for the popup; MapLibre's worker transfer fails outright on a
 * property named `constructor` (its serializer reads it as the object's class).
 */
function forMap(data: YourData): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: data.features.map(({ id, geometry, properties }) => {
      const colours: Record<string, string> = {};
      for (const key of STYLE_PROPERTIES) {
        const value = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
        if (typeof value === 'string') colours[key] = value;
      }
      return { type: 'Feature', id, geometry, properties: colours };
    }),
  };
}

/** A dated row as the report's features are: shown from its date, uncertain while it may not be yet. */
const state = ['coalesce', ['feature-state', TIME_STATE], 'in-force'] as ExpressionSpecification;
const byState = (shown: number, uncertain: number): ExpressionSpecification => [
  'match',
  state,
  'not-yet',
  0,
  'uncertain',
  uncertain,
  shown,
];

/** Each feature's date as an interval with a start only: a row is an event, in force from its day. */
function intervals(data: YourData): (Interval | undefined)[] {
  return (data.dates?.values ?? []).map((d) =>
    d
      ? { start: { earliest: d.earliest, latest: d.latest, date: d.date, precision: d.unit, source: '' } }
      : undefined,
  );
}

const notCluster: ExpressionSpecification = ['!', ['has', 'point_count']];

/** [west, south, east, north] of every position, or undefined for none. */
export function boundsOf(data: YourData): [number, number, number, number] | undefined {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      const [x, y] = value as number[];
      w = Math.min(w, x as number);
      e = Math.max(e, x as number);
      s = Math.min(s, y as number);
      n = Math.max(n, y as number);
    } else for (const inner of value) visit(inner);
  };
  const geometry = (g: GeoJSON.Geometry): void => {
    if (g.type === 'GeometryCollection') g.geometries.forEach(geometry);
    else visit(g.coordinates);
  };
  for (const f of data.features) if (f.geometry) geometry(f.geometry);
  return w <= e ? [w, s, e, n] : undefined;
}

export class YourDataLayers {
  private readonly files = new Map<string, DrawnFile>();
  private popup: maplibregl.Popup | null = null;
  private readonly subscriptions: { unsubscribe(): void }[];
  private date: string;
  /** Each file's features' dates, where it has a date column. */
  private readonly dated = new Map<string, (Interval | undefined)[]>();

  constructor(
    private readonly map: maplibregl.Map,
    private readonly options: {
      /** The style layer the reader's layers go under. */
      beforeId: string | undefined;
      /** The report's clickable layers: a click on one of its lines is the report's. */
      reportClickable: readonly string[];
      /** The timeline's day. */
      date: string;
      t: Messages;
    },
  ) {
    this.date = options.date;
    this.subscriptions = [
      map.on('click', (event) => {
        const hit = this.hitAt(event.point);
        if (hit) this.open(hit, event.lngLat);
      }),
    ];
  }

  destroy(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    this.popup?.remove();
  }

  private layerIds(id: string): string[] {
    return ['fill', 'outline', 'line', 'point', 'cluster', 'count'].map((part) => `${PREFIX}${id}-${part}`);
  }

  /** Draws a file, or draws it again with its data (a language change keeps the map's sources). */
  add(file: DrawnFile): void {
    this.remove(file.id);
    this.files.set(file.id, file);
    if (file.data.dates) this.dated.set(file.id, intervals(file.data));
    const source = `${PREFIX}${file.id}`;
    const points = file.data.features.filter((f) => f.geometry?.type === 'Point').length;
    const cluster = points >= CLUSTER_FROM;
    this.map.addSource(source, {
      type: 'geojson',
      data: forMap(file.data),
      ...(cluster ? { cluster: true, clusterRadius: 40, clusterMaxZoom: 11 } : {}),
    });
    const [fill, outline, line, point, clusters, count] = this.layerIds(file.id) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const visibility = file.visible ? 'visible' : 'none';
    const c = file.colour;
    const before = this.options.beforeId;
    this.map.addLayer(
      {
        id: fill,
        type: 'fill',
        source,
        filter: is('Polygon', 'MultiPolygon'),
        layout: { visibility },
        paint: { 'fill-color': own(['fill'], c), 'fill-opacity': byState(0.3, 0.12) },
      },
      before,
    );
    this.map.addLayer(
      {
        id: outline,
        type: 'line',
        source,
        filter: is('Polygon', 'MultiPolygon'),
        layout: { visibility },
        paint: { 'line-color': own(['stroke'], c), 'line-width': 1.5, 'line-opacity': byState(1, 0.4) },
      },
      before,
    );
    this.map.addLayer(
      {
        id: line,
        type: 'line',
        source,
        filter: is('LineString', 'MultiLineString'),
        layout: { visibility, 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': own(['stroke'], c), 'line-width': 2.5, 'line-opacity': byState(1, 0.4) },
      },
      before,
    );
    this.map.addLayer(
      {
        id: point,
        type: 'circle',
        source,
        filter: ['all', is('Point', 'MultiPoint'), notCluster],
        layout: { visibility },
        paint: {
          'circle-color': own(['marker-color', 'icon-color'], c),
          'circle-radius': 5,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
          'circle-opacity': byState(1, 0.35),
          'circle-stroke-opacity': byState(1, 0.35),
        },
      },
      before,
    );
    if (cluster) {
      this.map.addLayer(
        {
          id: clusters,
          type: 'circle',
          source,
          filter: ['has', 'point_count'],
          layout: { visibility },
          paint: {
            'circle-color': c,
            'circle-radius': ['step', ['get', 'point_count'], 12, 100, 16, 1000, 21],
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 2,
          },
        },
        before,
      );
      this.map.addLayer(
        {
          id: count,
          type: 'symbol',
          source,
          filter: ['has', 'point_count'],
          layout: {
            visibility,
            'text-field': ['get', 'point_count_abbreviated'],
            'text-font': [FONT_BOLD],
            'text-size': 12,
            'text-allow-overlap': true,
          },
          paint: { 'text-color': '#ffffff' },
        },
        before,
      );
    }
    this.applyDate(file.id);
  }

  /** Draws every dated row as it stands on `day`, as feature state: a repaint, not a re-tiling. */
  setDate(day: string): void {
    if (day === this.date) return;
    this.date = day;
    for (const id of this.files.keys()) this.applyDate(id);
  }

  private applyDate(id: string): void {
    const source = `${PREFIX}${id}`;
    this.dated.get(id)?.forEach((interval, feature) => {
      if (interval)
        this.map.setFeatureState(
          { source, id: feature },
          { [TIME_STATE]: stateAt(interval, this.date).state },
        );
    });
  }

  setVisible(id: string, visible: boolean): void {
    const file = this.files.get(id);
    if (!file) return;
    file.visible = visible;
    for (const layer of this.layerIds(id)) {
      if (this.map.getLayer(layer))
        this.map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none');
    }
    if (!visible) this.popup?.remove();
  }

  remove(id: string): void {
    if (!this.files.delete(id)) return;
    this.dated.delete(id);
    this.popup?.remove();
    for (const layer of this.layerIds(id)) if (this.map.getLayer(layer)) this.map.removeLayer(layer);
    if (this.map.getSource(`${PREFIX}${id}`)) this.map.removeSource(`${PREFIX}${id}`);
  }

  /**
   * Shows these files' data with the report where both fit: together, unless that would zoom out
   * more than a level and a half beyond the report's own view (data far from Central America);
   * then the data alone.
   */
  fit(ids: readonly string[], report: [[number, number], [number, number]]): void {
    const all = ids.flatMap((id) => {
      const file = this.files.get(id);
      const bounds = file && boundsOf(file.data);
      return bounds ? [bounds] : [];
    });
    if (all.length === 0) return;
    const own: [[number, number], [number, number]] = [
      [Math.min(...all.map((b) => b[0])), Math.min(...all.map((b) => b[1]))],
      [Math.max(...all.map((b) => b[2])), Math.max(...all.map((b) => b[3]))],
    ];
    const both: [[number, number], [number, number]] = [
      [Math.min(own[0][0], report[0][0]), Math.min(own[0][1], report[0][1])],
      [Math.max(own[1][0], report[1][0]), Math.max(own[1][1], report[1][1])],
    ];
    const options = { padding: 40, maxZoom: 12 };
    const reportZoom = this.map.cameraForBounds(report, options)?.zoom ?? 0;
    const together = this.map.cameraForBounds(both, options)?.zoom ?? 0;
    this.map.fitBounds(together >= reportZoom - 1.5 ? both : own, { ...options, duration: 0 });
  }

  /** Whether a click here opens a reader's feature: the report's areas yield, its lines do not. */
  takesClick(point: maplibregl.Point): boolean {
    return this.hitAt(point) !== undefined;
  }

  private hitAt(point: maplibregl.Point): maplibregl.MapGeoJSONFeature | undefined {
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [point.x - TOLERANCE_PX, point.y - TOLERANCE_PX],
      [point.x + TOLERANCE_PX, point.y + TOLERANCE_PX],
    ];
    const layers = [...this.files.keys()]
      .flatMap((id) => this.layerIds(id))
      .filter((id) => this.map.getLayer(id));
    if (layers.length === 0) return undefined;
    // A row not yet dated on the timeline's day is drawn transparent: it cannot be clicked either.
    const hit = this.map
      .queryRenderedFeatures(box, { layers })
      .find((f) => f.state?.[TIME_STATE] !== 'not-yet');
    if (!hit) return undefined;
    const lines = this.options.reportClickable.filter((id) => {
      const type = this.map.getLayer(id)?.type;
      return type !== undefined && type !== 'fill';
    });
    if (lines.length > 0 && this.map.queryRenderedFeatures(box, { layers: lines }).length > 0)
      return undefined;
    return hit;
  }

  private open(hit: maplibregl.MapGeoJSONFeature, at: maplibregl.LngLat): void {
    const fileId = hit.source.slice(PREFIX.length);
    const file = this.files.get(fileId);
    if (!file) return;
    const clusterId = hit.properties?.cluster_id;
    if (typeof clusterId === 'number') {
      void (this.map.getSource(hit.source) as GeoJSONSource)
        .getClusterExpansionZoom(clusterId)
        .then((zoom) => this.map.easeTo({ center: at, zoom }));
      return;
    }
    // The feature as read: the map's copy holds only its colours.
    const feature = typeof hit.id === 'number' ? file.data.features[hit.id] : undefined;
    this.popup?.remove();
    this.popup = new maplibregl.Popup({
      maxWidth: 'min(340px, 90vw)',
      focusAfterOpen: true,
      className: 'map-popup',
    })
      .setLngLat(at)
      .setDOMContent(yourDataPopup(file.name, feature?.properties ?? {}, this.options.t))
      .addTo(this.map);
  }
}
