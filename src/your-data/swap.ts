/**
 * Latitude and longitude crossed, where every value stays in range so nothing is beyond the world:
 * a file of the Americas between 60°W and 90°W (Colombia to Honduras, the Caribbean, the US east
 * coast) read with its columns crossed lands entirely south of 60°S, in Antarctica and the Southern
 * Ocean, where nobody lives and a file brought to a map of trafficking routes is far likelier crossed
 * than true. The swap is only ever offered, as a question: legitimate Antarctic data is asked once.
 *
 * Not offered for the open ocean (an Atlantic seizure off Cape Verde swaps onto Namibia: maritime
 * data is real data here) nor for Europe or Africa, whose swaps land on land and sea alike.
 */
import type { Geometry, Position } from 'geojson';

/** [latitude, longitude] read as GeoJSON's [longitude, latitude], or back. */
export const swapPosition = (p: Position): Position => [p[1] as number, p[0] as number, ...p.slice(2)];

/** The Antarctic Treaty's limit: everything south of it is Antarctica and the Southern Ocean. */
export const SOUTH_OF = -60;

/**
 * Whether every position of every geometry lies south of 60°S as read and north of it swapped
 * (which also keeps it within ±90, and puts it between 60°W and 90°W, the report's side of the
 * world). Empty input is not.
 */
export function crossedIntoAntarctica(geometries: Iterable<Geometry>): boolean {
  let any = false;
  const fits = ([lon = 0, lat = 0]: Position): boolean => lat < SOUTH_OF && lon > SOUTH_OF && lon <= 90;
  const walk = (value: unknown): boolean => {
    if (typeof (value as unknown[])[0] === 'number') {
      any = true;
      return fits(value as Position);
    }
    return (value as unknown[]).every(walk);
  };
  const each = (g: Geometry): boolean =>
    g.type === 'GeometryCollection' ? g.geometries.every(each) : walk(g.coordinates);
  for (const geometry of geometries) if (!each(geometry)) return false;
  return any;
}
