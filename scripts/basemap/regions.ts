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
 * ISO 3166-1 numeric (world-atlas feature ids) to alpha-3 and alpha-2, for the countries inside REGION.
 * Every Natural Earth feature in REGION has a numeric id; the script stops on one that is missing from
 * this table. Alpha-2 is what Intl.DisplayNames takes for the Spanish names (names.ts).
 */
export const ISO_3166_1: Readonly<Record<string, readonly [alpha3: string, alpha2: string]>> = {
  '028': ['ATG', 'AG'],
  '044': ['BHS', 'BS'],
  '052': ['BRB', 'BB'],
  '060': ['BMU', 'BM'],
  '068': ['BOL', 'BO'],
  '076': ['BRA', 'BR'],
  '084': ['BLZ', 'BZ'],
  '092': ['VGB', 'VG'],
  '124': ['CAN', 'CA'],
  '136': ['CYM', 'KY'],
  '170': ['COL', 'CO'],
  '188': ['CRI', 'CR'],
  '192': ['CUB', 'CU'],
  '212': ['DMA', 'DM'],
  '214': ['DOM', 'DO'],
  '218': ['ECU', 'EC'],
  '222': ['SLV', 'SV'],
  '250': ['FRA', 'FR'],
  '308': ['GRD', 'GD'],
  '320': ['GTM', 'GT'],
  '328': ['GUY', 'GY'],
  '332': ['HTI', 'HT'],
  '340': ['HND', 'HN'],
  '388': ['JAM', 'JM'],
  '484': ['MEX', 'MX'],
  '500': ['MSR', 'MS'],
  '528': ['NLD', 'NL'],
  '531': ['CUW', 'CW'],
  '533': ['ABW', 'AW'],
  '534': ['SXM', 'SX'],
  '558': ['NIC', 'NI'],
  '591': ['PAN', 'PA'],
  '604': ['PER', 'PE'],
  '630': ['PRI', 'PR'],
  '652': ['BLM', 'BL'],
  '659': ['KNA', 'KN'],
  '660': ['AIA', 'AI'],
  '662': ['LCA', 'LC'],
  '663': ['MAF', 'MF'],
  '666': ['SPM', 'PM'],
  '670': ['VCT', 'VC'],
  '740': ['SUR', 'SR'],
  '780': ['TTO', 'TT'],
  '796': ['TCA', 'TC'],
  '840': ['USA', 'US'],
  '850': ['VIR', 'VI'],
  '862': ['VEN', 'VE'],
};

export const ISO_NUMERIC_TO_ALPHA3: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ISO_3166_1).map(([numeric, [alpha3]]) => [numeric, alpha3]),
);

export const ISO_ALPHA3_TO_ALPHA2: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(ISO_3166_1).map(([alpha3, alpha2]) => [alpha3, alpha2]),
);

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
