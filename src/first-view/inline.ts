/**
 * The script index.html runs first, after its charset and viewport, long before MapLibre arrives on a
 * slow connection: vite.config.ts bundles it into the page's head, with every language's words.
 */
import { type FirstViewWords, firstViewLanguage, showFirstView } from './show.ts';

declare const __FIRST_VIEW_WORDS__: Record<string, FirstViewWords>;

// Once, so that the words are in the script once.
const all = __FIRST_VIEW_WORDS__;
const language = firstViewLanguage(location, navigator.languages ?? [], Object.keys(all), 'en');
const words = language === null ? undefined : all[language];
if (words) showFirstView(words);
