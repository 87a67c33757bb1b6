import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { addDateRanges } from '../pipeline/date-range.ts';
import { attachBoundaries, attachFlowEndpoints, normalise, toSchematicArcs } from '../pipeline/steps.ts';
import { ALTA_VERAPAZ, MILITARISED_POLICING, type ReportData, TRANSIT_FLOWS } from './registry.ts';

export interface ReportSources {
  /** The authored layers: evidence and attributes, geometry null (see geodata/sources/). */
  authored: ReportData;
  /** Natural Earth countries with `iso_a3`, and Guatemala's departments with `iso_3166_2`. */
  countries: FeatureCollection<Polygon | MultiPolygon>;
  departments: FeatureCollection<Polygon | MultiPolygon>;
}

export function buildReportLayers({ authored, countries, departments }: ReportSources): ReportData {
  return {
    [TRANSIT_FLOWS]: normalise(
      toSchematicArcs(attachFlowEndpoints(authored[TRANSIT_FLOWS], countries, departments)),
      TRANSIT_FLOWS,
    ),
    [ALTA_VERAPAZ]: normalise(
      addDateRanges(attachBoundaries(authored[ALTA_VERAPAZ], departments, 'iso_3166_2')),
      ALTA_VERAPAZ,
    ),
    [MILITARISED_POLICING]: normalise(
      addDateRanges(attachBoundaries(authored[MILITARISED_POLICING], countries, 'iso_a3')),
      MILITARISED_POLICING,
    ),
  };
}
