/** The three shpjs 6 functions the Shapefile reader uses (shpjs ships no types; @types/shpjs is for v3). */
declare module 'shpjs' {
  import type { FeatureCollection, Geometry } from 'geojson';
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): (Geometry | null)[];
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
  export function combine(
    parts: [(Geometry | null)[], Record<string, unknown>[] | undefined],
  ): FeatureCollection<Geometry | null>;
}
