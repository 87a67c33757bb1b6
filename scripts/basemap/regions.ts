/** What the basemap draws from each source: the countries around the region and Guatemala's departments. */
import type { BBox } from 'geojson';
import type { Topology } from 'topojson-specification';
import {
  type Area,
  at,
  bboxesIntersect,
  byId,
  cleanShape,
  finishShape,
  polygonsOf,
  ringBBox,
  type Shape,
} from './shapes.ts';
import { type Areas, areasOf, simplifyShared, simplifyTopology } from './simplify.ts';

/** Colombia to the southern United States with room to pan; east edge takes in the Lesser Antilles. */
export const REGION: BBox = [-125, -10, -50, 50];

/** An area as the basemap draws it, with the shape it was simplified from, to compare against. */
export interface Simplified extends Area {
  source: Shape;
}

/**
 * ISO 3166-1 numeric (world-atlas feature ids) to alpha-3, for the countries inside REGION. Every Natural
 * Earth feature in REGION has a numeric id; the script stops on one that is missing from this table.
 */
export const ISO_NUMERIC_TO_ALPHA3: Readonly<Record<string, string>> = {
  '028': 'ATG',
  '044': 'BHS',
  '052': 'BRB',
  '060': 'BMU',
  '068': 'BOL',
  '076': 'BRA',
  '084': 'BLZ',
  '092': 'VGB',
  '124': 'CAN',
  '136': 'CYM',
  '170': 'COL',
  '188': 'CRI',
  '192': 'CUB',
  '212': 'DMA',
  '214': 'DOM',
  '218': 'ECU',
  '222': 'SLV',
  '250': 'FRA',
  '308': 'GRD',
  '320': 'GTM',
  '328': 'GUY',
  '332': 'HTI',
  '340': 'HND',
  '388': 'JAM',
  '484': 'MEX',
  '500': 'MSR',
  '528': 'NLD',
  '531': 'CUW',
  '533': 'ABW',
  '534': 'SXM',
  '558': 'NIC',
  '591': 'PAN',
  '604': 'PER',
  '630': 'PRI',
  '652': 'BLM',
  '659': 'KNA',
  '660': 'AIA',
  '662': 'LCA',
  '663': 'MAF',
  '666': 'SPM',
  '670': 'VCT',
  '740': 'SUR',
  '780': 'TTO',
  '796': 'TCA',
  '840': 'USA',
  '850': 'VIR',
  '862': 'VEN',
};

/**
 * Keeps the parts of a country that reach the region: whole-country bboxes would bring Alaska, Hawaii or
 * European France along. A part wider than 180° wraps around the antimeridian (Russia's mainland in
 * world-atlas), so its bbox says nothing and it lies on the far side of the world anyway.
 */
function inRegion(rings: Shape[number]): boolean {
  const bbox = ringBBox(at(rings, 0));
  return at(bbox, 2) - at(bbox, 0) < 180 && bboxesIntersect(bbox, REGION);
}

/**
 * The countries with a part in REGION, from world-atlas's topology simplified as a whole. Which parts
 * to keep is decided on the source, so the simplified shape keeps the same parts.
 */
export function readCountries(topology: Topology, tolerance: number): Simplified[] {
  const source = areasOf<{ name: string }>(topology, 'countries');
  const simplified = areasOf<{ name: string }>(simplifyTopology(topology, tolerance), 'countries');
  const countries: Simplified[] = [];
  source.forEach((country, i) => {
    const polygons = polygonsOf(country.geometry);
    const keep = polygons.map(inRegion);
    if (!keep.includes(true)) return;
    const numeric = country.id === undefined ? undefined : String(country.id);
    const iso = numeric === undefined ? undefined : ISO_NUMERIC_TO_ALPHA3[numeric];
    if (iso === undefined) throw new Error(`no alpha-3 code for ${country.properties.name} (${numeric})`);
    const simplifiedPolygons = polygonsOf(at(simplified, i).geometry);
    if (simplifiedPolygons.length !== polygons.length) throw new Error(`${iso}: simplifying lost a part`);
    countries.push({
      id: iso,
      properties: { name: country.properties.name, iso_a3: iso },
      shape: finishShape(simplifiedPolygons.filter((_, j) => keep[j])),
      source: cleanShape(polygons.filter((_, j) => keep[j])),
    });
  });
  return countries.sort(byId);
}

export type Admin1Properties = {
  adm0_a3: string;
  name: string;
  iso_3166_2: string;
};

/** Guatemala's 22 departments from Natural Earth's admin 1 GeoJSON, simplified together. */
export function readDepartments(admin1: Areas<Admin1Properties>, tolerance: number): Simplified[] {
  const features = admin1.features
    .filter((f) => f.properties.adm0_a3 === 'GTM')
    .map((f) => ({
      type: 'Feature' as const,
      id: f.properties.iso_3166_2,
      properties: { name: f.properties.name, iso_3166_2: f.properties.iso_3166_2 },
      geometry: f.geometry,
    }))
    .sort(byId);
  const codes = new Set(features.map((d) => d.id));
  if (features.length !== 22 || codes.size !== 22 || [...codes].some((c) => !/^GT-[A-Z]{2}$/.test(c))) {
    throw new Error(`expected 22 Guatemalan departments, got ${[...codes].join(' ')}`);
  }
  const simplified = simplifyShared({ type: 'FeatureCollection', features }, tolerance).features;
  return features.map((f, i) => ({
    id: f.id,
    properties: f.properties,
    shape: finishShape(polygonsOf(at(simplified, i).geometry)),
    source: cleanShape(polygonsOf(f.geometry)),
  }));
}
