/**
 * The script index.html runs first, long before MapLibre arrives on a slow connection: vite.config.ts
 * bundles it into the page's head, with every language's words.
 */
import { type FirstViewWords, firstViewLanguage, showFirstView } from './show.ts';

declare const __FIRST_VIEW_WORDS__: Record<string, FirstViewWords>;

const spoken = Object.keys(__FIRST_VIEW_WORDS__);
const language = firstViewLanguage(location, navigator.languages ?? [], spoken, 'en');
const words = language === null ? undefined : __FIRST_VIEW_WORDS__[language];
if (words) showFirstView(words);
