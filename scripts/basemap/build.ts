/** The basemap's three files from its two sources, checked: pure apart from the console lines it logs. */
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { spanishCountryName } from './names.ts';
import { type Admin1Properties, readCountries, readDepartments, type Simplified } from './regions.ts';
import {
  type Area,
  areaKm2,
  byId,
  checkShape,
  contains,
  kinkCount,
  labelPoint,
  toGeometry,
} from './shapes.ts';
import type { Areas } from './simplify.ts';

/**
 * Degrees. A pixel at zoom 8 is about 0.0027°, so department borders stay within about a pixel of the
 * source; countries are context and give more, to keep the page's first load within its byte budget.
 */
export const COUNTRY_TOLERANCE = 0.015;
export const DEPARTMENT_TOLERANCE = 0.003;
export const COUNTRY_LABEL_PRECISION = 0.01;
export const DEPARTMENT_LABEL_PRECISION = 0.001;

const MUST_BE_VALID = ['MEX', 'GTM', 'HND', 'COL', 'USA'];
const ALTA_VERAPAZ = { id: 'GT-AV', minKm2: 8000, maxKm2: 11000, coban: [-90.37, 15.47] };

export interface Basemap {
  countries: Area[];
  departments: Area[];
  /** File name to contents. */
  files: Record<string, string>;
}

function checked(areas: Simplified[]): Area[] {
  return areas.map(({ source, ...area }) => {
    checkShape(area.id, area.shape);
    if (kinkCount(area.shape) > kinkCount(source))
      throw new Error(`${area.id}: simplifying added self-intersections`);
    return area;
  });
}

function checkValidity(countries: Area[], departments: Area[]): void {
  const mustBeValid = [...departments, ...countries.filter((c) => MUST_BE_VALID.includes(c.id))];
  const invalid = mustBeValid.filter((a) => kinkCount(a.shape) > 0).map((a) => a.id);
  if (invalid.length > 0) throw new Error(`self-intersections in ${invalid.join(' ')}`);
  const others = countries.filter((c) => !MUST_BE_VALID.includes(c.id) && kinkCount(c.shape) > 0);
  // checked() has already stopped on any self-intersection that simplifying added.
  if (others.length > 0)
    console.log(`self-intersections kept from the source: ${others.map((c) => c.id).join(' ')}`);

  const av = departments.find((d) => d.id === ALTA_VERAPAZ.id);
  if (av === undefined) throw new Error('Alta Verapaz missing');
  const km2 = areaKm2(av.shape);
  if (km2 < ALTA_VERAPAZ.minKm2 || km2 > ALTA_VERAPAZ.maxKm2) throw new Error(`GT-AV area ${km2} km²`);
  if (!contains(av.shape, ALTA_VERAPAZ.coban)) throw new Error('Cobán outside GT-AV');
  console.log(`GT-AV area ${km2.toFixed(1)} km², contains Cobán`);
}

function featureLine(
  id: string,
  properties: Record<string, string>,
  geometry: Polygon | MultiPolygon | Point,
): string {
  return JSON.stringify({ type: 'Feature', id, properties, geometry });
}

/** One feature per line keeps diffs readable and the output byte-stable. */
function featureCollection(name: string, lines: string[]): string {
  return `{"type":"FeatureCollection","name":${JSON.stringify(name)},"features":[\n${lines.join(',\n')}\n]}\n`;
}

/** The area's properties with `name_es` right after `name`, as in the report layers. */
function withSpanish(
  properties: Record<string, string>,
  spanish: (name: string) => string,
): Record<string, string> {
  const { name } = properties;
  if (name === undefined) throw new Error('an area without a name');
  return { name, name_es: spanish(name), ...properties };
}

function labelLines(countries: Area[], departments: Area[]): string[] {
  const labels = [
    ...countries.map((c) => ({
      id: c.id,
      properties: { kind: 'country', ...withSpanish(c.properties, () => spanishCountryName(c.id)) },
      point: labelPoint(c.shape, COUNTRY_LABEL_PRECISION),
    })),
    // Natural Earth names Guatemala's departments in Spanish already, with their accents.
    ...departments.map((d) => ({
      id: d.id,
      properties: { kind: 'department', ...withSpanish(d.properties, (name) => name) },
      point: labelPoint(d.shape, DEPARTMENT_LABEL_PRECISION),
    })),
  ].sort(byId);
  return labels.map((l) => featureLine(l.id, l.properties, { type: 'Point', coordinates: l.point }));
}

/** Builds and checks the basemap from world-atlas's 50m topology and Natural Earth's admin 1 GeoJSON. */
export function buildBasemap(worldAtlas: Topology, admin1: Areas<Admin1Properties>): Basemap {
  const countries = checked(readCountries(worldAtlas, COUNTRY_TOLERANCE));
  const departments = checked(readDepartments(admin1, DEPARTMENT_TOLERANCE));
  checkValidity(countries, departments);
  const areaLines = (areas: Area[]) => areas.map((a) => featureLine(a.id, a.properties, toGeometry(a.shape)));
  return {
    countries,
    departments,
    files: {
      'countries.geojson': featureCollection('countries', areaLines(countries)),
      'guatemala-departments.geojson': featureCollection('guatemala-departments', areaLines(departments)),
      'labels.geojson': featureCollection('labels', labelLines(countries, departments)),
    },
  };
}
