/**
 * The reader's files on the map: one vector source a file, its tiles made in the tile worker
 * (src/your-data/tiles.ts) and fetched through the `your-data://` protocol, so a large file never
 * passes through the page's thread on its way to the map; and its layers (polygons with an outline,
 * lines, points as circles), all under the report's, so the report stays on top and clickable. A
 * file's own simplestyle or KML colours (`fill`, `stroke`, `marker-color`, KML's `icon-color`) win
 * over its palette colour, and a column the reader colours it by wins over both
 * (src/your-data/colour-by.ts).
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import { type Interval, stateAt } from '../data/time.ts';
import type { Messages } from '../i18n/index.ts';
import { TIME_STATE } from '../style/time.ts';
import { FONT_BOLD } from '../theme.ts';
import { yourDataPopup } from '../ui/your-data-popup.ts';
import { type ColourScheme, colourExpression } from '../your-data/colour-by.ts';
import { SOURCE_LAYERS, sourceLayersOf, TILE_MAX_ZOOM } from '../your-data/tile-layers.ts';
import { yourTiles } from '../your-data/tiles.ts';
import type { YourData } from '../your-data/types.ts';

const TOLERANCE_PX = 6;
const PREFIX = 'your-data-';
const PROTOCOL = 'your-data';

/** MapLibre asks the tile worker for a file's tiles: `your-data://KEY/z/x/y`. */
let registered = false;
function registerProtocol(): void {
  if (registered) return;
  registered = true;
  maplibregl.addProtocol(PROTOCOL, async ({ url }, { signal }) => {
    const [key = '', z, x, y] = url.slice(PROTOCOL.length + 3).split('/');
    return { data: await yourTiles.tile(key, Number(z), Number(x), Number(y), signal) };
  });
}

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
    registerProtocol();
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
    // A recolouring still under way finds its file gone, and draws nothing on a map that is gone.
    this.files.clear();
  }

  private layerIds(id: string): string[] {
    return ['fill', 'outline', 'line', 'point', 'cluster', 'count'].map((part) => `${PREFIX}${id}-${part}`);
  }

  /**
   * Draws a file, or draws it again with its data (a language change keeps the map's sources), its
   * layers under `before`: by default under the report's, over the reader's other files.
   */
  add(file: DrawnFile, before = this.options.beforeId): void {
    this.remove(file.id);
    // Only a read handed to the tile worker can be drawn (openFiles with `tiles`).
    if (!file.data.tiles) return;
    this.files.set(file.id, file);
    if (file.data.dates) this.dated.set(file.id, intervals(file.data));
    const source = `${PREFIX}${file.id}`;
    const tiles = `${PROTOCOL}://${file.data.tiles}/{z}/{x}/{y}`;
    this.map.addSource(source, { type: 'vector', tiles: [tiles], maxzoom: TILE_MAX_ZOOM });
    // Tiles made before with another column's colours are made again; none the first time.
    void yourTiles
      .recolour(file.data.tiles, file.colourBy, file.data.features)
      .then((again) => again && this.files.get(file.id) === file && this.redraw(file))
      // A tile worker that stopped says so through the tiles it no longer gives (the map's error line).
      .catch(() => {});
    const [fill, outline, line, point, bubbles, count] = this.layerIds(file.id) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const visibility = file.visible ? 'visible' : 'none';
    const c = file.colour;
    this.map.addLayer(
      {
        id: fill,
        type: 'fill',
        source,
        'source-layer': SOURCE_LAYERS.shapes,
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
        source,
        'source-layer': SOURCE_LAYERS.shapes,
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
        source,
        'source-layer': SOURCE_LAYERS.shapes,
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
        'source-layer': SOURCE_LAYERS.points,
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
    // Clusters come from the tile worker, for files of many points (tile-layers.ts): for the rest these draw nothing.
    this.map.addLayer(
      {
        id: bubbles,
        type: 'circle',
        source,
        'source-layer': SOURCE_LAYERS.points,
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
        'source-layer': SOURCE_LAYERS.points,
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
    this.applyDate(file.id);
  }

  /**
   * Colours a file by a column, or by its own colours again (undefined): its tiles made again with
   * the column's values and drawn where the file was among the reader's layers, with its popup and
   * its rows' dates.
   */
  async setColourBy(id: string, scheme: ColourScheme | undefined): Promise<void> {
    const file = this.files.get(id);
    if (!file?.data.tiles) return;
    if (scheme) file.colourBy = scheme;
    else delete file.colourBy;
    await yourTiles.recolour(file.data.tiles, scheme, file.data.features);
    // Unless removed, or drawn again, while its tiles were made: its layers' paint changes too.
    if (this.files.get(id) === file) this.redraw(file);
  }

  /**
   * Draws a file again where it is among the reader's layers, with tiles made anew. A new source,
   * not setTiles or refreshTiles: a data-driven paint change pauses the source, and a reload asked
   * for meanwhile re-reads the tiles MapLibre holds rather than fetching them (MapLibre 6.17,
   * style.ts _updateLayer, tile_manager.ts reload).
   */
  private redraw(file: DrawnFile): void {
    const order = this.map.getLayersOrder();
    const own = new Set(this.layerIds(file.id));
    const last = order.findLastIndex((id) => own.has(id));
    this.add(file, order[last + 1] ?? this.options.beforeId);
  }

  /** Draws every dated row as it stands on `day`, as feature state: a repaint, not a re-tiling. */
  setDate(day: string): void {
    if (day === this.date) return;
    this.date = day;
    for (const id of this.files.keys()) this.applyDate(id);
  }

  private applyDate(id: string): void {
    const file = this.files.get(id);
    this.dated.get(id)?.forEach((interval, feature) => {
      const read = file?.data.features[feature];
      if (!interval || !read) return;
      const state = { [TIME_STATE]: stateAt(interval, this.date).state };
      // A collection of a point and an area is drawn in both of the tiles' layers.
      for (const sourceLayer of sourceLayersOf(read.geometry))
        this.map.setFeatureState({ source: `${PREFIX}${id}`, sourceLayer, id: feature }, state);
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
      const bounds = file?.data.bounds;
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
    const file = this.files.get(hit.source.slice(PREFIX.length));
    if (!file) return;
    const clusterId = hit.properties?.cluster_id;
    if (typeof clusterId === 'number') {
      if (file.data.tiles)
        void yourTiles
          .expansionZoom(file.data.tiles, clusterId)
          .then((zoom) => zoom !== null && this.map.easeTo({ center: at, zoom }))
          .catch(() => {});
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
