import type { GeoJsonProperties } from 'geojson';
import type { ReportLayer } from '../layers/registry.ts';
import { formatDate } from './dates.ts';
import { excerptTexts, nonEmpty } from './excerpts.ts';
import { featureInterval, precisionWords, stateText } from './time.ts';

export interface DateLine {
  label: string;
  /** e.g. "December 2006 (to the month)". */
  text: string;
  source: string;
}

/** What a popup (and the text list) says about one feature: plain strings, no markup. */
export interface PopupModel {
  title: string;
  layerName: string;
  dates: DateLine[];
  /** The phrase the report itself uses for the date, e.g. "In December". */
  reportDate: string | null;
  quotes: string[];
  attributedTo: string | null;
  source: string;
  schematicNote: string | null;
  /** Where the feature stands on the map's date ("Not yet in force on 1 June 2010"), when one is given. */
  status: string | null;
}

function dateLine(properties: Record<string, unknown>, prefix: string, label: string): DateLine | null {
  const iso = nonEmpty(properties[prefix]);
  if (!iso) return null;
  const precision = nonEmpty(properties[`${prefix}_precision`]) ?? 'day';
  return {
    label,
    text: `${formatDate(iso, precision)} (${precisionWords(precision)})`,
    source: nonEmpty(properties[`${prefix}_source`]) ?? 'source not recorded',
  };
}

/** What the popup of a feature of `layer` says: the dates its registry entry names, every excerpt. */
export function popupModel(
  properties: GeoJsonProperties,
  layer: Pick<ReportLayer, 'name' | 'popupDates'>,
  date?: string,
): PopupModel {
  const p = properties ?? {};
  const dates = layer.popupDates
    .map(({ key, label }) => dateLine(p, key, label))
    .filter((d): d is DateLine => d !== null);
  return {
    title: nonEmpty(p.name) ?? 'Unnamed feature',
    layerName: layer.name,
    dates,
    reportDate: nonEmpty(p.date_in_report),
    quotes: excerptTexts(p),
    attributedTo: nonEmpty(p.attributed_to),
    source: nonEmpty(p.source) ?? 'source not recorded',
    schematicNote: p.schematic === true ? (nonEmpty(p.note) ?? 'Schematic route: not an actual path.') : null,
    status: date ? stateText(featureInterval(p), date) : null,
  };
}
