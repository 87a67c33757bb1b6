import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * The style's one GeoJSON source. It holds the basemap and every mission feature, each tagged with a
 * `layer` property naming the file it came from; style layers pick theirs with `inLayer`. One source
 * rather than one per file: MapLibre redraws its tile clipping masks every time consecutive style
 * layers change source (several full-screen stencil passes a frame on a software-rendered GPU), and
 * runs a worker job per tile per source (measured in bench/, see docs/BENCHMARKS.md).
 */
export const MAP_SOURCE = 'map';

/** The property that names the file a feature of the map source came from. */
export const LAYER_TAG = 'layer';

/** The features of file `id` in the map source; `also` narrows them further. */
export function inLayer(id: string, also?: ExpressionSpecification): ExpressionSpecification {
  const tagged: ExpressionSpecification = ['==', ['get', LAYER_TAG], id];
  return also ? ['all', tagged, also] : tagged;
}

export const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
export const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
