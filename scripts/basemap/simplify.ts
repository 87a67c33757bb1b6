/**
 * Douglas–Peucker per shared border rather than per polygon, so neighbouring polygons keep identical
 * borders: simplifying each polygon on its own leaves slivers and gaps along every border.
 */
import { lineString, polygon, simplify } from '@turf/turf';
import type { Position } from 'geojson';
import { at, type Ring, type Shape } from './shapes.ts';

function comparePositions(a: Position, b: Position): number {
  return at(a, 0) - at(b, 0) || at(a, 1) - at(b, 1);
}

const samePosition = (a: Position, b: Position): boolean => comparePositions(a, b) === 0;
const pointKey = (p: Position): string => `${at(p, 0)},${at(p, 1)}`;

function addOwner(owners: Map<string, Set<number>>, key: string, ring: number): void {
  const set = owners.get(key) ?? new Set<number>();
  set.add(ring);
  owners.set(key, set);
}

function signature(owners: Set<number> | undefined): string {
  return [...(owners ?? [])].sort((a, b) => a - b).join(' ');
}

function segmentKey(a: Position, b: Position): string {
  return comparePositions(a, b) <= 0 ? `${pointKey(a)};${pointKey(b)}` : `${pointKey(b)};${pointKey(a)}`;
}

/** Rotates and orients a ring so that the two rings of a shared closed border get the same input. */
function canonicalRing(ring: Ring): Ring {
  const open = ring.slice(0, -1);
  const start = open.reduce((best, p, i) => (comparePositions(p, at(open, best)) < 0 ? i : best), 0);
  const rotated = [...open.slice(start), ...open.slice(0, start)];
  const [first, ...rest] = rotated;
  if (first === undefined) throw new Error('empty ring');
  const oriented = comparePositions(at(rest, 0), at(rest, -1)) <= 0 ? rest : rest.reverse();
  return [first, ...oriented, first];
}

function simplifyClosedRing(ring: Ring, tolerance: number): Ring {
  // turf lowers the tolerance for a ring that would collapse, so small islands survive as triangles.
  const simplified = simplify(polygon([canonicalRing(ring)]), { tolerance, highQuality: true });
  return at(simplified.geometry.coordinates, 0);
}

function farthestIndex(chain: Ring): number {
  const first = at(chain, 0);
  const last = at(chain, -1);
  const dx = at(last, 0) - at(first, 0);
  const dy = at(last, 1) - at(first, 1);
  const distance = (p: Position): number =>
    dx === 0 && dy === 0
      ? Math.hypot(at(p, 0) - at(first, 0), at(p, 1) - at(first, 1))
      : Math.abs(dy * (at(p, 0) - at(first, 0)) - dx * (at(p, 1) - at(first, 1)));
  let best = 1;
  for (let i = 2; i < chain.length - 1; i++) if (distance(at(chain, i)) > distance(at(chain, best))) best = i;
  return best;
}

/**
 * Simplifies the stretch of border between two junctions. Both polygons on either side pass the same
 * canonical direction to the same deterministic algorithm, so they keep the same vertices; and every
 * chain keeps at least one inner vertex, so no ring can collapse to a line.
 */
function simplifyChain(chain: Ring, tolerance: number): Ring {
  const first = at(chain, 0);
  const last = at(chain, -1);
  if (chain.length <= 2) return chain;
  if (samePosition(first, last)) {
    const split = farthestIndex(chain);
    const head = simplifyChain(chain.slice(0, split + 1), tolerance);
    const tail = simplifyChain(chain.slice(split), tolerance);
    return [...head, ...tail.slice(1)];
  }
  const reversed = comparePositions(first, last) > 0;
  const canonical = reversed ? [...chain].reverse() : chain;
  let simplified = simplify(lineString(canonical), { tolerance, highQuality: true }).geometry.coordinates;
  if (simplified.length === 2)
    simplified = [at(canonical, 0), at(canonical, farthestIndex(canonical)), at(canonical, -1)];
  if (reversed) simplified.reverse();
  return [first, ...simplified.slice(1, -1), last];
}

/**
 * Simplifies shapes together. A vertex is a junction where the set of rings that own the adjacent
 * segments changes, or where another ring touches it.
 */
export function simplifyShared(shapes: Shape[], tolerance: number): Shape[] {
  const pointOwners = new Map<string, Set<number>>();
  const segmentOwners = new Map<string, Set<number>>();
  shapes
    .flatMap((shape) => shape.flat())
    .forEach((ring, id) => {
      for (let i = 0; i < ring.length - 1; i++) {
        addOwner(pointOwners, pointKey(at(ring, i)), id);
        addOwner(segmentOwners, segmentKey(at(ring, i), at(ring, i + 1)), id);
      }
    });

  const simplifyRing = (ring: Ring): Ring => {
    const open = ring.slice(0, -1);
    const n = open.length;
    const segmentSignature = (i: number): string =>
      signature(segmentOwners.get(segmentKey(at(open, i), at(open, (i + 1) % n))));
    const isJunction = (i: number): boolean =>
      segmentSignature((i - 1 + n) % n) !== segmentSignature(i) ||
      signature(pointOwners.get(pointKey(at(open, i)))) !== segmentSignature(i);
    const junctions = open.map((_, i) => i).filter(isJunction);
    if (junctions.length === 0) return simplifyClosedRing(ring, tolerance);

    const start = at(junctions, 0);
    const rotated = [...open.slice(start), ...open.slice(0, start), at(open, start)];
    const stops = [...junctions.map((j) => j - start), n];
    const result: Ring = [at(rotated, 0)];
    for (let k = 0; k < stops.length - 1; k++) {
      const chain = rotated.slice(at(stops, k), at(stops, k + 1) + 1);
      result.push(...simplifyChain(chain, tolerance).slice(1));
    }
    return result;
  };

  return shapes.map((shape) => shape.map((rings) => rings.map(simplifyRing)));
}
