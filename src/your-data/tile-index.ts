/**
 * One reader's file as the map's vector tiles, made off the page (src/your-data/tiles-worker.ts):
 * the tiling MapLibre's GeoJSON source runs in its worker, with its options, so the map draws the
 * same, but the features never pass through the page's thread to get there (issue 34). Points go to
 * the `points` layer, clustered from CLUSTERING.from of them; lines and areas to `shapes`.
 */
import { GeoJSONVT, type GeoJSONVTOptions, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { COLOUR_KEY } from './colour-by.ts';
import {
  CLUSTERING,
  clusters,
  isPointFeature,
  type MapFile,
  members,
  SOURCE_LAYERS,
  TILE_MAX_ZOOM,
} from './tile-layers.ts';

/** MapLibre's GeoJSON source's: tiles of 512 px in an extent of 8192 units. */
const EXTENT = 8192;
const units = (pixels: number) => (pixels * EXTENT) / 512;

const OPTIONS: GeoJSONVTOptions = {
  maxZoom: TILE_MAX_ZOOM,
  extent: EXTENT,
  buffer: units(128),
  tolerance: units(0.375),
};

export class FileTiles {
  readonly clustered: boolean;
  private points!: GeoJSONVT;
  private shapes!: GeoJSONVT;

  constructor(
    private readonly file: MapFile,
    /** The chosen column's value of each feature, NaN for none (tile-layers.ts colourValues). */
    values?: Float64Array,
  ) {
    this.clustered = clusters(file);
    this.index(values);
  }

  /** Tiles again, with a column's values under `_c`, or with none. */
  index(values?: Float64Array): void {
    const { points, others } = this.file;
    const colours = new Map(this.file.colours);
    const propertiesOf = (i: number) => {
      const value = values?.[i];
      const own = colours.get(i);
      return value === undefined || Number.isNaN(value) ? { ...own } : { ...own, [COLOUR_KEY]: value };
    };
    const pointFeatures: GeoJSON.Feature[] = [];
    const shapeFeatures: GeoJSON.Feature[] = [];
    for (let i = 0; i < points.length / 2; i++) {
      const x = points[i * 2] as number;
      if (Number.isNaN(x)) continue;
      const coordinates = [x, points[i * 2 + 1] as number];
      pointFeatures.push({
        type: 'Feature',
        id: i,
        geometry: { type: 'Point', coordinates },
        properties: propertiesOf(i),
      });
    }
    for (const [i, geometry] of others)
      for (const member of members(geometry)) {
        const feature: GeoJSON.Feature = {
          type: 'Feature',
          id: i,
          geometry: member,
          properties: propertiesOf(i),
        };
        (isPointFeature(feature) ? pointFeatures : shapeFeatures).push(feature);
      }
    this.points = new GeoJSONVT(
      { type: 'FeatureCollection', features: pointFeatures },
      {
        ...OPTIONS,
        ...(this.clustered
          ? {
              cluster: true,
              clusterOptions: {
                maxZoom: CLUSTERING.maxZoom,
                minPoints: 2,
                extent: EXTENT,
                radius: units(CLUSTERING.pixels),
              },
            }
          : {}),
      },
    );
    this.shapes = new GeoJSONVT({ type: 'FeatureCollection', features: shapeFeatures }, OPTIONS);
  }

  /** One tile as Mapbox Vector Tile bytes, empty where the file has nothing. */
  tile(z: number, x: number, y: number): Uint8Array {
    const layers: Record<string, GeoJSONVTTile> = {};
    const points = this.points.getTile(z, x, y);
    const shapes = this.shapes.getTile(z, x, y);
    if (points) layers[SOURCE_LAYERS.points] = points;
    if (shapes) layers[SOURCE_LAYERS.shapes] = shapes;
    return fromGeojsonVt(layers, { version: 2, extent: EXTENT });
  }

  /** The zoom at which a cluster opens into more than one, as MapLibre's GeoJSON source answers it. */
  expansionZoom(clusterId: number): number | null {
    return this.points.getClusterExpansionZoom(clusterId);
  }
}
