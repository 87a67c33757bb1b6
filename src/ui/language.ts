import { LANGUAGES, type Language, type Messages } from '../i18n/index.ts';
import { el } from './dom.ts';

/** The page's own words outside the map: `<html lang>`, the title, the heading, the landmarks. */
export function applyPageText(t: Messages): void {
  document.documentElement.lang = t.lang;
  document.title = t.page.title;
  document.querySelector('meta[name="description"]')?.setAttribute('content', t.page.description);
  const heading = document.querySelector('.page-header h1');
  if (heading) heading.textContent = t.page.heading;
  document.getElementById('map')?.setAttribute('aria-label', t.page.map);
  document.getElementById('panel')?.setAttribute('aria-label', t.page.panel);
}

export interface LanguageSwitch {
  element: HTMLElement;
  /** Shows `language` as the chosen one, and the control's name in it. */
  setCurrent(language: Language): void;
}

/**
 * The language, chosen from a list: one stop for the keyboard before the map, each language named in
 * its own words ("English", "Español") and marked so for screen readers.
 */
export function createLanguageSwitch(
  current: Language,
  onChoose: (language: Language) => void,
): LanguageSwitch {
  const select = el('select', { id: 'language', class: 'language__select', name: 'language' });
  for (const language of Object.keys(LANGUAGES) as Language[])
    select.append(el('option', { value: language, lang: language }, LANGUAGES[language].name));
  const label = el('label', { for: 'language', class: 'language__label' });
  select.addEventListener('change', () => onChoose(select.value as Language));
  const setCurrent = (language: Language) => {
    select.value = language;
    label.textContent = LANGUAGES[language].page.language;
  };
  setCurrent(current);
  return { element: el('div', { class: 'language' }, label, select), setCurrent };
}
