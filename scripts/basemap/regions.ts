/** What the basemap draws from each source: the countries around the region and Guatemala's departments. */
import type { BBox, Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  type Area,
  at,
  bboxesIntersect,
  byId,
  cleanShape,
  polygonsOf,
  ringBBox,
  type Shape,
} from './shapes.ts';

/** Colombia to the southern United States with room to pan; east edge takes in the Lesser Antilles. */
export const REGION: BBox = [-125, -10, -50, 50];

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
function partsInRegion(shape: Shape): Shape {
  return shape.filter((rings) => {
    const bbox = ringBBox(at(rings, 0));
    return at(bbox, 2) - at(bbox, 0) < 180 && bboxesIntersect(bbox, REGION);
  });
}

/** The countries with a part in REGION, from world-atlas's 50m topology. */
export function readCountries(
  topology: Topology<{ countries: GeometryCollection<{ name: string }> }>,
): Area[] {
  const collection = feature(topology, topology.objects.countries);
  const countries: Area[] = [];
  for (const country of collection.features) {
    if (country.geometry.type !== 'Polygon' && country.geometry.type !== 'MultiPolygon') continue;
    const shape = partsInRegion(cleanShape(polygonsOf(country.geometry)));
    if (shape.length === 0) continue;
    const numeric = country.id === undefined ? undefined : String(country.id);
    const iso = numeric === undefined ? undefined : ISO_NUMERIC_TO_ALPHA3[numeric];
    if (iso === undefined) throw new Error(`no alpha-3 code for ${country.properties.name} (${numeric})`);
    countries.push({ id: iso, properties: { name: country.properties.name, iso_a3: iso }, shape });
  }
  return countries.sort(byId);
}

export interface Admin1Properties {
  adm0_a3: string;
  name: string;
  iso_3166_2: string;
}

/** Guatemala's 22 departments from Natural Earth's admin 1 GeoJSON. */
export function readDepartments(admin1: {
  features: Feature<Polygon | MultiPolygon, Admin1Properties>[];
}): Area[] {
  const departments = admin1.features
    .filter((f) => f.properties.adm0_a3 === 'GTM')
    .map((f) => ({
      id: f.properties.iso_3166_2,
      properties: { name: f.properties.name, iso_3166_2: f.properties.iso_3166_2 },
      shape: cleanShape(polygonsOf(f.geometry)),
    }))
    .sort(byId);
  const codes = new Set(departments.map((d) => d.id));
  if (departments.length !== 22 || codes.size !== 22 || [...codes].some((c) => !/^GT-[A-Z]{2}$/.test(c))) {
    throw new Error(`expected 22 Guatemalan departments, got ${[...codes].join(' ')}`);
  }
  return departments;
}
