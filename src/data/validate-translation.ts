/**
 * The rule on the project's own words in Spanish: each translated property with text has its
 * `<key>_es` beside it, also text, and no `<key>_es` stands without the English it translates.
 * The report's excerpts are never translated, so they are never in the list.
 */
import { describe, type JsonObject, type Report } from './problems.ts';

const SPANISH = '_es';

const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
// null means "no value" throughout the gate; normalise writes it for keys a feature lacks.
const isEmpty = (value: unknown): boolean => value === undefined || value === null;

/** Checks `<key>_es` against `<key>` for each key of `translated` in one feature's properties. */
export function checkTranslations(
  properties: JsonObject,
  translated: readonly string[],
  report: Report,
): void {
  for (const key of translated) {
    const english = properties[key];
    const spanishKey = `${key}${SPANISH}`;
    const spanish = properties[spanishKey];
    if (isText(english) && !isText(spanish)) {
      const given = spanish === undefined ? 'absent' : describe(spanish);
      report('translation', `${spanishKey}: ${given}, needed beside ${key} ${describe(english)}`);
    } else if (isEmpty(english) && !isEmpty(spanish)) {
      report('translation', `${spanishKey}: ${describe(spanish)} without a ${key}`);
    }
  }
}
