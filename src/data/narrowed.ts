import type { BBox } from 'geojson';
import { en, type Messages } from '../i18n/index.ts';
import { dayInWords } from './time.ts';

/**
 * How options narrow an export, in words for its message and README: "in this view on 1 June 2008".
 * A module of its own: the page's first load has it without the export code.
 */
export const narrowedWords = (
  { within, at }: { within?: BBox | undefined; at?: string | undefined },
  t: Messages = en,
) =>
  [within ? t.exportMenu.inThisView : '', at ? t.exportMenu.onDay(dayInWords(at, t)) : '']
    .filter(Boolean)
    .join(' ') || undefined;
