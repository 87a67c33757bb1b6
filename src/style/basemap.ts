import type { LayerSpecification } from 'maplibre-gl';
import { FONT_BOLD, FONT_REGULAR, theme } from './theme.ts';

export const COUNTRIES_SOURCE = 'countries';
export const DEPARTMENTS_SOURCE = 'guatemala-departments';
export const LABELS_SOURCE = 'labels';

/** Department borders and labels appear once Guatemala fills enough of the screen to read them. */
const DEPARTMENT_MINZOOM = 6;

export function basemapLayers(): LayerSpecification[] {
  return [
    { id: 'ocean', type: 'background', paint: { 'background-color': theme.ocean } },
    {
      id: 'countries-fill',
      type: 'fill',
      source: COUNTRIES_SOURCE,
      // countries-line draws every border and coast; MapLibre's anti-aliasing edge would be a second pass.
      paint: { 'fill-color': theme.land, 'fill-antialias': false },
    },
    {
      id: 'departments-line',
      type: 'line',
      source: DEPARTMENTS_SOURCE,
      minzoom: DEPARTMENT_MINZOOM,
      paint: { 'line-color': theme.departmentBorder, 'line-width': 0.8, 'line-dasharray': [3, 2] },
    },
    {
      id: 'countries-line',
      type: 'line',
      source: COUNTRIES_SOURCE,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': theme.countryBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.6],
      },
    },
  ];
}

/**
 * Labels go above the mission layers so that no fill or route hides a place name. `between` (the
 * mission annotations) goes between the department and the country labels.
 */
export function basemapLabelLayers(between: LayerSpecification[] = []): LayerSpecification[] {
  return [
    {
      id: 'department-labels',
      type: 'symbol',
      source: LABELS_SOURCE,
      minzoom: DEPARTMENT_MINZOOM + 0.5,
      filter: ['==', ['get', 'kind'], 'department'],
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
    ...between,
    {
      id: 'country-labels',
      type: 'symbol',
      source: LABELS_SOURCE,
      filter: ['==', ['get', 'kind'], 'country'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT_BOLD],
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 7, 15],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.06,
        'text-max-width': 8,
      },
      paint: { 'text-color': theme.countryLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.6 },
    },
  ];
}
