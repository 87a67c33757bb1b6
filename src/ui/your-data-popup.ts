import type { Messages } from '../i18n/index.ts';
import { el } from './dom.ts';

/** A value as one cell's text: strings as they are (a KML description's HTML stays characters). */
const cellText = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);

/**
 * A reader's feature: its file's name and every property as a table. Text only, through the DOM's
 * text nodes: a value `<script>` shows as those characters, a key `__proto__` as a row like any other.
 */
export function yourDataPopup(file: string, properties: Record<string, unknown>, t: Messages): HTMLElement {
  const rows = Object.entries(properties).map(([key, value]) =>
    el('tr', {}, el('th', { scope: 'row' }, key), el('td', {}, cellText(value))),
  );
  const table = el(
    'table',
    {},
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, t.yourData.property),
        el('th', { scope: 'col' }, t.yourData.value),
      ),
    ),
    el('tbody', {}, ...rows),
  );
  return el(
    'article',
    { class: 'your-data-popup', 'aria-label': t.yourData.popupTitle(file) },
    el('h2', {}, t.yourData.popupTitle(file)),
    el('div', { class: 'your-data-popup__scroll' }, table),
  );
}
