import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_BOLD, FONT_REGULAR, theme } from '../theme.ts';
import { inLayer, MAP_SOURCE } from './source.ts';

/** Department borders and labels appear once Guatemala fills enough of the screen to read them. */
const DEPARTMENT_MINZOOM = 6;

/**
 * The land and its borders. `areas` (the report's layers' fills) go between the land and the borders,
 * so that every border stays drawn over a tinted country. There is no background layer: the sea is
 * the page's colour, seen through the canvas wherever nothing is drawn (src/map/view.ts).
 */
export function basemapLayers(areas: LayerSpecification[] = []): LayerSpecification[] {
  return [
    {
      id: 'countries-fill',
      type: 'fill',
      source: MAP_SOURCE,
      filter: inLayer('countries'),
      // countries-line draws every border and coast; MapLibre's anti-aliasing edge would be a second pass.
      paint: { 'fill-color': theme.land, 'fill-antialias': false },
    },
    ...areas,
    {
      id: 'departments-line',
      type: 'line',
      source: MAP_SOURCE,
      filter: inLayer('guatemala-departments'),
      minzoom: DEPARTMENT_MINZOOM,
      paint: { 'line-color': theme.departmentBorder, 'line-width': 0.8, 'line-dasharray': [3, 2] },
    },
    {
      id: 'countries-line',
      type: 'line',
      source: MAP_SOURCE,
      filter: inLayer('countries'),
      // MapLibre's default miter join: at a pixel or two wide it looks the same as a round one, which
      // would triple the vertices of the layer that has the most (docs/PERFORMANCE.md).
      paint: {
        'line-color': theme.countryBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.6],
      },
    },
  ];
}

/** Capitals once the corridor is wider than a phone's default view, where they would crowd its edges. */
const CAPITAL_MINZOOM = 3;
/** Cobán from the zoom where Alta Verapaz carries its own label: below it a callout points there. */
const DEPARTMENT_CAPITAL_MINZOOM = 5;

/**
 * A place's marker is a bullet in the label's own text, where the label starts: MapLibre then shows or
 * hides the two together, and the text shader the labels compile anyway draws it, with no icon.
 */
export const PLACE_MARKER = '\u2022';

function placeLabels(
  id: string,
  kind: string,
  size: number | ExpressionSpecification,
  minzoom?: number,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: MAP_SOURCE,
    ...(minzoom === undefined ? {} : { minzoom }),
    filter: inLayer('places', ['==', ['get', 'kind'], kind]),
    layout: {
      'text-field': ['format', PLACE_MARKER, { 'font-scale': 1.3 }, ' ', {}, ['get', 'name'], {}],
      'text-font': [FONT_REGULAR],
      'text-size': size,
      // The bullet's centre on the place: the text starts half a bullet to its left, and a bullet
      // sits a little below the middle of its line.
      'text-anchor': 'left',
      'text-offset': [-0.3, -0.25],
      'text-max-width': 20,
    },
    paint: { 'text-color': theme.countryLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.4 },
  };
}

function countryLabels(id: string, filter: ExpressionSpecification, movable = false): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: MAP_SOURCE,
    filter: inLayer('labels', ['all', ['==', ['get', 'kind'], 'country'], filter]),
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [FONT_BOLD],
      'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 7, 15],
      'text-transform': 'uppercase',
      'text-letter-spacing': 0.06,
      'text-max-width': 8,
      // A name that would overlap a neighbour's moves beside its label point rather than vanish.
      ...(movable
        ? { 'text-variable-anchor-offset': ['center', [0, 0], 'left', [0.9, 0], 'right', [-0.9, 0]] }
        : {}),
    },
    paint: { 'text-color': theme.countryLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.6 },
  };
}

/**
 * The basemap's label layers, by what they name; the style sets their order (src/style/index.ts).
 * `reportCountries` are the ISO 3166-1 alpha-3 codes of the countries the report names.
 */
export function basemapLabels(reportCountries: readonly string[] = []) {
  const named: ExpressionSpecification = ['in', ['get', 'iso_a3'], ['literal', [...reportCountries]]];
  return {
    departments: {
      id: 'department-labels',
      type: 'symbol',
      source: MAP_SOURCE,
      minzoom: DEPARTMENT_MINZOOM + 0.5,
      filter: inLayer('labels', ['==', ['get', 'kind'], 'department']),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT_REGULAR],
        'text-size': 12,
        'text-max-width': 7,
      },
      paint: {
        'text-color': theme.departmentLabel,
        'text-halo-color': theme.labelHalo,
        'text-halo-width': 1.4,
      },
    },
    otherCountries: countryLabels('other-country-labels', ['!', named]),
    capitals: placeLabels(
      'capital-labels',
      'capital',
      ['interpolate', ['linear'], ['zoom'], 3, 11, 7, 13],
      CAPITAL_MINZOOM,
    ),
    departmentCapitals: placeLabels(
      'department-capital-labels',
      'department capital',
      11,
      DEPARTMENT_CAPITAL_MINZOOM,
    ),
    // Below zoom 1.75 (a phone on its side) the map is too small for both a country's name and the
    // date the report gives it: the date, the report's news, stays.
    reportCountries: { ...countryLabels('country-labels', named, true), minzoom: 1.75 },
  } satisfies Record<string, LayerSpecification>;
}
