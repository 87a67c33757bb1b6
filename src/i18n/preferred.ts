/**
 * The first of the reader's preferred languages (`navigator.languages`, e.g. "es-GT") that is in
 * `spoken`, by its primary subtag; `fallback` when none is. Apart from the catalogues, so that the
 * first view's script (src/first-view/show.ts) chooses as the page does without carrying them.
 */
export function firstSpoken<L extends string>(
  preferences: readonly string[],
  spoken: readonly L[],
  fallback: L,
): L {
  for (const tag of preferences) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    const found = spoken.find((language) => language === primary);
    if (found) return found;
  }
  return fallback;
}
