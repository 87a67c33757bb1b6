import type { GeoJsonProperties } from 'geojson';
import { en, type Messages } from '../i18n/index.ts';
import type { ReportLayer } from '../layers/registry.ts';
import { formatDate } from './dates.ts';
import { excerptTexts, nonEmpty } from './excerpts.ts';
import { featureInterval, inLanguage, precisionWords, stateText } from './time.ts';

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

function dateLine(
  properties: Record<string, unknown>,
  prefix: string,
  label: string,
  t: Messages,
): DateLine | null {
  const iso = nonEmpty(properties[prefix]);
  if (!iso) return null;
  const precision = nonEmpty(properties[`${prefix}_precision`]) ?? 'day';
  return {
    label,
    text: `${formatDate(iso, precision, t)} (${precisionWords(precision, t)})`,
    source: nonEmpty(properties[`${prefix}_source`]) ?? t.popup.notRecorded,
  };
}

/** What the popup of a feature of `layer` says: the dates its registry entry names, every excerpt. */
export function popupModel(
  properties: GeoJsonProperties,
  layer: Pick<ReportLayer, 'id' | 'popupDates'>,
  date?: string,
  t: Messages = en,
): PopupModel {
  const p = properties ?? {};
  const dates = layer.popupDates
    .map(({ key, label }) => dateLine(p, key, t.dateLabels[label], t))
    .filter((d): d is DateLine => d !== null);
  return {
    title: inLanguage(p, 'name', t) ?? t.popup.unnamed,
    layerName: t.layers[layer.id].name,
    dates,
    reportDate: nonEmpty(p.date_in_report),
    quotes: excerptTexts(p),
    attributedTo: nonEmpty(p.attributed_to),
    source: nonEmpty(p.source) ?? t.popup.notRecorded,
    schematicNote: p.schematic === true ? (inLanguage(p, 'note', t) ?? t.popup.schematic) : null,
    status: date ? stateText(featureInterval(p), date, t) : null,
  };
}
