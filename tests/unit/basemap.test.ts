import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { area, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { mesh, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { ISO_NUMERIC_TO_ALPHA3, REGION } from '../../scripts/basemap/regions.ts';
import { round } from '../../scripts/basemap/shapes.ts';
import { simplifyShared, simplifyTopology } from '../../scripts/basemap/simplify.ts';

type Area = Feature<Polygon | MultiPolygon>;
type Areas = FeatureCollection<Polygon | MultiPolygon>;
const read = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;
const require = createRequire(import.meta.url);

const key = (p: Position): string => `${p[0]},${p[1]}`;
const rings = (f: Area): Position[][] =>
  f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
const vertices = (f: Area): Position[] => rings(f).flat();
const byId = (areas: Areas, id: string): Area => {
  const found = areas.features.find((f) => f.id === id);
  if (!found) throw new Error(`no feature ${id}`);
  return found;
};

/** The vertices of `area` that are points of `border`, as sorted keys. */
function verticesOn(area: Area, border: ReadonlySet<string>): string[] {
  return [...new Set(vertices(area).map(key))].filter((k) => border.has(k)).sort();
}

const overlapKm2 = (a: Area, b: Area): number => {
  const both = intersect(featureCollection([a, b]));
  return both ? area(both) / 1e6 : 0;
};

describe('simplifying on shared arcs (scripts/basemap/simplify.ts)', () => {
  // Two areas whose border zigzags by less than the tolerance and bulges once by more; the south one
  // has an island smaller than the tolerance.
  const fixture = read<Areas>(new URL('../fixtures/shared-border/in.geojson', import.meta.url));
  const TOLERANCE = 0.01;
  const border = new Set(
    vertices(byId(fixture, 'north'))
      .filter(([, y = 0]) => y < 2.5)
      .map(key),
  );

  it('keeps identical vertices on both sides of a border, where simplifying each would not', () => {
    const out = simplifyShared(fixture, TOLERANCE);
    const south = verticesOn(byId(out, 'south'), border);
    const north = verticesOn(byId(out, 'north'), border);
    expect(south).toEqual(north);
    expect(north).toEqual(expect.arrayContaining(['1,2', '2,2.3', '3,2']));
    expect(north.length).toBeLessThan(border.size);
    expect(overlapKm2(byId(out, 'south'), byId(out, 'north'))).toBe(0);
  });

  it('keeps an island smaller than the tolerance as a ring of at least three corners', () => {
    const island = rings(byId(simplifyShared(fixture, TOLERANCE), 'south'))[1] ?? [];
    expect(new Set(island.map(key)).size).toBeGreaterThanOrEqual(3);
    expect(island[0]).toEqual(island.at(-1));
  });

  it('leaves its input as it was', () => {
    const before = structuredClone(fixture);
    simplifyShared(fixture, TOLERANCE);
    expect(fixture).toEqual(before);

    // A quantized topology, as world-atlas ships, goes through the delta-decoding path.
    const world = read<Topology>(new URL(`file://${require.resolve('world-atlas/countries-110m.json')}`));
    const worldBefore = structuredClone(world);
    simplifyTopology(world, 0.1);
    expect(world).toEqual(worldBefore);
  });
});

describe('the committed basemap (geodata/basemap/, npm run geodata:basemap)', () => {
  const basemap = (file: string) => read<Areas>(new URL(`../../geodata/basemap/${file}`, import.meta.url));
  const countries = basemap('countries.geojson');
  const departments = basemap('guatemala-departments.geojson');
  const worldAtlas = read<Topology<{ countries: GeometryCollection }>>(
    new URL(`file://${require.resolve('world-atlas/countries-50m.json')}`),
  );
  const sources = worldAtlas.objects.countries.geometries;
  const drawn = new Set(countries.features.map((f) => f.id));
  /** A world-atlas id as the basemap's id, for the countries the basemap draws. */
  const alpha3 = (numeric: string | number | undefined): string | undefined => {
    const id = ISO_NUMERIC_TO_ALPHA3[String(numeric)];
    return id !== undefined && drawn.has(id) ? id : undefined;
  };
  const [west, south, east, north] = REGION;
  const inRegion = ([x = 0, y = 0]: Position) => x >= west && x <= east && y >= south && y <= north;

  /**
   * The source's border between two countries inside the region (a country's parts outside it may be
   * dropped), as the basemap rounds its coordinates.
   */
  function sourceBorder(a: string, b: string): Set<string> {
    const lines = mesh(worldAtlas, worldAtlas.objects.countries, (x, y) => {
      const pair = [alpha3(x.id), alpha3(y.id)];
      return x !== y && pair.includes(a) && pair.includes(b);
    });
    return new Set(
      lines.coordinates
        .flat()
        .filter(inRegion)
        .map((p) => key(p.map(round))),
    );
  }

  it.each(['MEX', 'BLZ', 'HND', 'SLV'])(
    'give Guatemala and %s the same vertices along their border, and no overlap',
    (neighbour) => {
      const border = sourceBorder('GTM', neighbour);
      const guatemala = verticesOn(byId(countries, 'GTM'), border);
      expect(guatemala).toEqual(verticesOn(byId(countries, neighbour), border));
      expect(guatemala.length).toBeGreaterThan(2);
      expect(guatemala.length).toBeLessThan(border.size);
      expect(overlapKm2(byId(countries, 'GTM'), byId(countries, neighbour))).toBe(0);
    },
  );

  it('give every two neighbouring countries the same vertices along their border', () => {
    const pairs = neighbors(sources).flatMap((others, i) =>
      others
        .filter((j) => j > i)
        .map((j) => [alpha3(sources[i]?.id), alpha3(sources[j]?.id)].sort())
        .filter((pair): pair is [string, string] => pair.every((id) => id !== undefined)),
    );
    // Bolivia and Peru, say, meet only south of the region.
    const borders = pairs
      .map(([a, b]) => ({ pair: `${a}-${b}`, a, b, border: sourceBorder(a, b) }))
      .filter(({ border }) => border.size > 0);
    const differing = borders.filter(({ a, b, border }) => {
      const ofA = verticesOn(byId(countries, a), border);
      return (
        ofA.length === 0 || JSON.stringify(ofA) !== JSON.stringify(verticesOn(byId(countries, b), border))
      );
    });
    expect(differing.map(({ pair }) => pair)).toEqual([]);
    expect(borders.map(({ pair }) => pair)).toEqual(
      expect.arrayContaining(['BLZ-GTM', 'GTM-MEX', 'GTM-HND', 'GTM-SLV', 'CRI-PAN', 'MEX-USA', 'CAN-USA']),
    );
  });

  it('tile Guatemala with its departments: no overlap and no gap between them', () => {
    const whole = union(departments);
    expect(whole?.geometry.type).toBe('Polygon');
    expect(whole && rings(whole).length).toBe(1);
    const sum = departments.features.reduce((km2, f) => km2 + area(f) / 1e6, 0);
    expect(sum).toBeCloseTo(area(whole as Area) / 1e6, 3);
  });
});
