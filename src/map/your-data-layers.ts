/**
 * The reader's files on the map: one GeoJSON source a file and its layers (polygons with an outline,
 * lines, points as circles), all under the report's, so the report stays on top and clickable. A
 * file's own simplestyle or KML colours (`fill`, `stroke`, `marker-color`, KML's `icon-color`) win
 * over its palette colour, and a column the reader colours it by wins over both
 * (src/your-data/colour-by.ts).
 */
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import { type Interval, stateAt } from '../data/time.ts';
import type { Messages } from '../i18n/index.ts';
import { TIME_STATE } from '../style/time.ts';
import { FONT_BOLD } from '../theme.ts';
import { yourDataPopup } from '../ui/your-data-popup.ts';
import { COLOUR_KEY, type ColourScheme, colourExpression, mapValue } from '../your-data/colour-by.ts';
import type { YourData } from '../your-data/types.ts';

/** From about this many points, clusters with counts read better than a blanket of dots. */
export const CLUSTER_FROM = 20_000;
const TOLERANCE_PX = 6;
const PREFIX = 'your-data-';
/**
 * A clustered file's lines and areas have a source of their own: MapLibre's clustering keeps a
 * source's points only, and would drop them.
 */
const SHAPES = ':shapes';
const isPointFeature = (f: GeoJSON.Feature) =>
  f.geometry?.type === 'Point' || f.geometry?.type === 'MultiPoint';

export interface DrawnFile {
  id: string;
  name: string;
  colour: string;
  data: YourData;
  visible: boolean;
  /** The column the reader chose to colour by, over the file's own and its palette colour. */
  colourBy?: ColourScheme;
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
 * The features as the map's worker gets them: geometry, id and their colours only, and the chosen
 * column's value under the fixed key `_c`. Every other property stays on this side for the popup;
 * MapLibre's worker transfer fails outright on a property named `constructor` (its serializer
 * reads it as the object's class).
 */
function forMap(data: YourData, scheme?: ColourScheme): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: data.features.map(({ id, geometry, properties }) => {
      const colours: Record<string, string | number> = {};
      for (const key of STYLE_PROPERTIES) {
        const value = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
        if (typeof value === 'string') colours[key] = value;
      }
      const value = scheme && mapValue(scheme, properties);
      if (value !== undefined) colours[COLOUR_KEY] = value;
      return { type: 'Feature', id, geometry, properties: colours };
    }),
  };
}

/** Each colour paint property of a file's layers, by layer part, and the file's own colours it reads. */
const COLOURED: [part: string, property: 'fill-color' | 'line-color' | 'circle-color', own: string[]][] = [
  ['fill', 'fill-color', ['fill']],
  ['outline', 'line-color', ['stroke']],
  ['line', 'line-color', ['stroke']],
  ['point', 'circle-color', ['marker-color', 'icon-color']],
];

/** A layer's colour: the chosen column's, else the feature's own, else the file's. */
const colourFor = (file: DrawnFile, properties: string[]): ExpressionSpecification =>
  file.colourBy ? (colourExpression(file.colourBy) as ExpressionSpecification) : own(properties, file.colour);

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
  /** The files drawn clustered, whose lines and areas have a source of their own (SHAPES). */
  private readonly clustered = new Set<string>();

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
    if (cluster) this.clustered.add(file.id);
    const [data, shapes] = this.split(file.id, forMap(file.data, file.colourBy));
    this.map.addSource(source, {
      type: 'geojson',
      data,
      ...(cluster ? { cluster: true, clusterRadius: 40, clusterMaxZoom: 11 } : {}),
    });
    if (shapes) this.map.addSource(`${source}${SHAPES}`, { type: 'geojson', data: shapes });
    const shapeSource = shapes ? `${source}${SHAPES}` : source;
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
        source: shapeSource,
        filter: is('Polygon', 'MultiPolygon'),
        layout: { visibility },
        paint: { 'fill-color': colourFor(file, ['fill']), 'fill-opacity': byState(0.3, 0.12) },
      },
      before,
    );
    this.map.addLayer(
      {
        id: outline,
        type: 'line',
        source: shapeSource,
        filter: is('Polygon', 'MultiPolygon'),
        layout: { visibility },
        paint: {
          'line-color': colourFor(file, ['stroke']),
          'line-width': 1.5,
          'line-opacity': byState(1, 0.4),
        },
      },
      before,
    );
    this.map.addLayer(
      {
        id: line,
        type: 'line',
        source: shapeSource,
        filter: is('LineString', 'MultiLineString'),
        layout: { visibility, 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': colourFor(file, ['stroke']),
          'line-width': 2.5,
          'line-opacity': byState(1, 0.4),
        },
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
          'circle-color': colourFor(file, ['marker-color', 'icon-color']),
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

  /**
   * Colours a file by a column, or by its own colours again (undefined): its data sent again with
   * the column's values, and its layers' colours changed in place, so that it keeps its place among
   * the reader's layers, its popup and its rows' dates.
   */
  setColourBy(id: string, scheme: ColourScheme | undefined): void {
    const file = this.files.get(id);
    if (!file) return;
    if (scheme) file.colourBy = scheme;
    else delete file.colourBy;
    const [data, shapes] = this.split(id, forMap(file.data, scheme));
    (this.map.getSource(`${PREFIX}${id}`) as GeoJSONSource | undefined)?.setData(data);
    if (shapes) (this.map.getSource(`${PREFIX}${id}${SHAPES}`) as GeoJSONSource | undefined)?.setData(shapes);
    for (const [part, property, properties] of COLOURED) {
      const layer = `${PREFIX}${id}-${part}`;
      if (this.map.getLayer(layer)) this.map.setPaintProperty(layer, property, colourFor(file, properties));
    }
    this.applyDate(id);
  }

  /** Draws every dated row as it stands on `day`, as feature state: a repaint, not a re-tiling. */
  setDate(day: string): void {
    if (day === this.date) return;
    this.date = day;
    for (const id of this.files.keys()) this.applyDate(id);
  }

  private applyDate(id: string): void {
    const file = this.files.get(id);
    const clustered = this.clustered.has(id);
    this.dated.get(id)?.forEach((interval, feature) => {
      if (!interval) return;
      // A clustered file's lines and areas are in their own source.
      const read = file?.data.features[feature];
      const shape = clustered && read !== undefined && !isPointFeature(read);
      this.map.setFeatureState(
        { source: `${PREFIX}${id}${shape ? SHAPES : ''}`, id: feature },
        { [TIME_STATE]: stateAt(interval, this.date).state },
      );
    });
  }

  /** The map's copy of a file, and for a clustered file its lines and areas apart. */
  private split(
    id: string,
    data: GeoJSON.FeatureCollection,
  ): [GeoJSON.FeatureCollection, GeoJSON.FeatureCollection?] {
    if (!this.clustered.has(id)) return [data];
    return [
      { type: 'FeatureCollection', features: data.features.filter(isPointFeature) },
      { type: 'FeatureCollection', features: data.features.filter((f) => !isPointFeature(f)) },
    ];
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
    for (const source of [`${PREFIX}${id}`, `${PREFIX}${id}${SHAPES}`])
      if (this.map.getSource(source)) this.map.removeSource(source);
    this.clustered.delete(id);
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
    const named = hit.source.slice(PREFIX.length);
    const fileId = named.endsWith(SHAPES) ? named.slice(0, -SHAPES.length) : named;
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
