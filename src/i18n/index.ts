import type { ReportLayerId } from '../layers/registry.ts';
import { en, type Messages } from './en.ts';
import { es } from './es.ts';
import { firstSpoken } from './preferred.ts';

export { en, type Messages } from './en.ts';
export { es } from './es.ts';

/**
 * The interface's languages. A third is one file like es.ts and a line here: the compiler then
 * checks it has every key.
 */
export const LANGUAGES = { en, es } as const satisfies Record<string, Messages>;
export type Language = keyof typeof LANGUAGES;
export const DEFAULT_LANGUAGE: Language = 'en';

export const isLanguage = (value: string): value is Language => Object.hasOwn(LANGUAGES, value);

export const messages = (language: Language): Messages => LANGUAGES[language];

/** The first of the reader's preferred languages that the map speaks; English when none is. */
export const preferredLanguage = (preferences: readonly string[]): Language =>
  firstSpoken(preferences, Object.keys(LANGUAGES) as Language[], DEFAULT_LANGUAGE);

/** Every report layer has its words in the catalogue: a layer added to the registry fails here. */
const layerWords: Record<ReportLayerId, { name: string; description: string }> = en.layers;
void layerWords;

/** "1 feature", "3 elementos": the noun by the language's own plural rules. */
export function count(t: Messages, n: number, noun: keyof Messages['nouns']): string {
  const forms = t.nouns[noun];
  return `${n} ${new Intl.PluralRules(t.locale).select(n) === 'one' ? forms.one : forms.other}`;
}
