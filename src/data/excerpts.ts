import type { FeatureCollection, Geometry } from 'geojson';

export interface MissingExcerpt {
  layer: string;
  id: string;
  key: string;
  text: string;
}

const EXCERPT_KEY = /^excerpt(_\d+)?$/;
/** An ellipsis marks an elision: each part must appear in the article, in order. */
const ELLIPSIS = /\s*(?:…|\.\.\.)\s*/;

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function excerptKeys(properties: Record<string, unknown> | null): string[] {
  return Object.keys(properties ?? {}).filter((k) => EXCERPT_KEY.test(k));
}

/** A property's text, or null when it is not a non-empty string. */
export const nonEmpty = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;

/** Every excerpt of a feature that has text, in property order: what popups and captions quote. */
export function excerptTexts(properties: Record<string, unknown> | null): string[] {
  return excerptKeys(properties)
    .map((k) => nonEmpty(properties?.[k]))
    .filter((q): q is string => q !== null);
}

/** True when the quote is in the article character for character, whitespace aside. */
export function isVerbatim(article: string, quote: string): boolean {
  const text = collapse(article);
  const parts = collapse(quote)
    .split(ELLIPSIS)
    .filter((part) => part.length > 0);
  if (parts.length === 0) return false;
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** Every excerpt of every feature that the article does not contain; a feature without `excerpt` counts too. */
export function findMissingExcerpts(
  article: string,
  layers: readonly (FeatureCollection<Geometry | null> & { name?: string })[],
): MissingExcerpt[] {
  const missing: MissingExcerpt[] = [];
  for (const layer of layers) {
    for (const feature of layer.features) {
      const where = { layer: layer.name ?? '(unnamed layer)', id: String(feature.id) };
      const props = feature.properties ?? {};
      if (typeof props.excerpt !== 'string') missing.push({ ...where, key: 'excerpt', text: '(none)' });
      for (const key of excerptKeys(props)) {
        const quote = props[key];
        if (quote === null) continue;
        if (typeof quote !== 'string' || !isVerbatim(article, quote)) {
          missing.push({ ...where, key, text: String(quote) });
        }
      }
    }
  }
  return missing;
}
