/**
 * A GeoJSON's `crs` member (GeoJSON 2008; RFC 7946 dropped it, QGIS and GDAL still write it) to a
 * conversion to longitude and latitude, through proj4, which the Shapefile reader already brings.
 * proj4 knows Web Mercator by name; a UTM zone on WGS 84 is spelled out from its EPSG code.
 */
import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';

const WGS84 = /^(?:urn:ogc:def:crs:)?(?:EPSG:{1,2}4326|OGC:1\.3:CRS84|OGC::CRS84)$/i;
const EPSG = /EPSG:{1,2}(\d+)$/i;
const WEB_MERCATOR = new Set([3857, 900913, 102100, 102113, 3785]);

export type Converter = (position: Position) => Position;

/** The name a `crs` member gives, if any: `{ "type": "name", "properties": { "name": … } }`. */
export function crsName(value: unknown): string | undefined {
  const crs = (value as { crs?: { properties?: { name?: unknown } } } | null)?.crs;
  const name = crs?.properties?.name;
  return typeof name === 'string' ? name : undefined;
}

/** undefined for longitude and latitude already; null for a system the map cannot convert. */
export function converterFor(name: string): Converter | null | undefined {
  if (WGS84.test(name)) return undefined;
  const code = Number(EPSG.exec(name)?.[1]);
  let definition: string | undefined;
  if (WEB_MERCATOR.has(code)) definition = 'EPSG:3857';
  else if (code > 32600 && code <= 32660)
    definition = `+proj=utm +zone=${code - 32600} +datum=WGS84 +units=m`;
  else if (code > 32700 && code <= 32760)
    definition = `+proj=utm +zone=${code - 32700} +south +datum=WGS84 +units=m`;
  if (!definition) return null;
  const { forward } = proj4(definition, 'EPSG:4326');
  return (position) => [...forward([position[0] as number, position[1] as number]), ...position.slice(2)];
}

export function convert(geometry: Geometry, to: Converter): Geometry {
  const walk = (value: unknown): unknown =>
    typeof (value as unknown[])[0] === 'number' ? to(value as Position) : (value as unknown[]).map(walk);
  if (geometry.type === 'GeometryCollection')
    return { ...geometry, geometries: geometry.geometries.map((g) => convert(g, to)) };
  return { ...geometry, coordinates: walk(geometry.coordinates) } as Geometry;
}
