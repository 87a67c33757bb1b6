/**
 * The basemap's Spanish label names, worked out when the basemap is built so the map never translates
 * at run time: countries from CLDR, through the ICU in Node's Intl, by their alpha-2 code.
 */
import { ISO_ALPHA3_TO_ALPHA2 } from './regions.ts';

const LANGUAGE = 'es';

/** The versions that decide the names, for SOURCES.md: another Node may ship other CLDR data. */
export const SPANISH_NAMES_SOURCE = {
  node: process.version,
  icu: process.versions.icu ?? 'none',
  cldr: process.versions.cldr ?? 'none',
};

// fallback 'none' gives undefined for a code CLDR has no name for, rather than the code itself.
const regions = new Intl.DisplayNames([LANGUAGE], { type: 'region', fallback: 'none' });

/** The country's name in Spanish, from its alpha-3 code; stops on a code or a Node with no Spanish. */
export function spanishCountryName(alpha3: string): string {
  // A Node built with small-icu has English only and would quietly answer in English.
  if (regions.resolvedOptions().locale !== LANGUAGE) {
    throw new Error(
      `this Node's Intl has no ${LANGUAGE} data (ICU ${SPANISH_NAMES_SOURCE.icu}): use full-icu`,
    );
  }
  const alpha2 = ISO_ALPHA3_TO_ALPHA2[alpha3];
  if (alpha2 === undefined) throw new Error(`no alpha-2 code for ${alpha3} in ISO_3166_1`);
  const name = regions.of(alpha2);
  if (name === undefined)
    throw new Error(`CLDR ${SPANISH_NAMES_SOURCE.cldr} has no Spanish name for ${alpha2}`);
  return name;
}
