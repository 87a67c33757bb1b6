import type { GeoJsonProperties } from 'geojson';
import type { ReportLayer } from '../layers/registry.ts';
import { formatDate } from './dates.ts';
import { excerptKeys } from './excerpts.ts';
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

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

function dateLine(properties: Record<string, unknown>, prefix: string, label: string): DateLine | null {
  const iso = str(properties[prefix]);
  if (!iso) return null;
  const precision = str(properties[`${prefix}_precision`]) ?? 'day';
  return {
    label,
    text: `${formatDate(iso, precision)} (${precisionWords(precision)})`,
    source: str(properties[`${prefix}_source`]) ?? 'source not recorded',
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
    title: str(p.name) ?? 'Unnamed feature',
    layerName: layer.name,
    dates,
    reportDate: str(p.date_in_report),
    quotes: excerptKeys(p)
      .map((k) => str(p[k]))
      .filter((q): q is string => q !== null),
    attributedTo: str(p.attributed_to),
    source: str(p.source) ?? 'source not recorded',
    schematicNote: p.schematic === true ? (str(p.note) ?? 'Schematic route: not an actual path.') : null,
    status: date ? stateText(featureInterval(p), date) : null,
  };
}
