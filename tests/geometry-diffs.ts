import type { Geometry } from 'geojson';

/** How two geometries differ, one line a difference: type, part counts, or a coordinate moved by over 1e-6°. */
function coordinateDiffs(a: unknown, b: unknown, path: string, out: string[]): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (!(Math.abs(a - b) <= 1e-6)) out.push(`${path}: ${a} → ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: ${a.length} → ${b.length} items`);
    else for (const [i, x] of a.entries()) coordinateDiffs(x, b[i], `${path}[${i}]`, out);
  } else {
    out.push(`${path}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  }
}

export function geometryDiffs(a: Geometry | null, b: Geometry | null): string[] {
  if (a === null || b === null) return a === b ? [] : [`geometry ${a?.type ?? null} → ${b?.type ?? null}`];
  if (a.type !== b.type) return [`geometry ${a.type} → ${b.type}`];
  if (a.type === 'GeometryCollection' || b.type === 'GeometryCollection') return ['GeometryCollection'];
  const out: string[] = [];
  coordinateDiffs(a.coordinates, b.coordinates, 'coordinates', out);
  return out;
}
