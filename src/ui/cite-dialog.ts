import type { Messages } from '../i18n/index.ts';
import './cite.css';
import { accessed, type Citation, type CitedFeature, citeFeature, citeMap } from '../data/cite.ts';
import { copyField } from './copy.ts';
import { el } from './dom.ts';
import { fullMapUrl } from './embed.ts';
import { linkNote } from './link-note.ts';

const FORMS: { key: keyof Citation; rows: number }[] = [
  { key: 'text', rows: 6 },
  { key: 'bibtex', rows: 9 },
  { key: 'csl', rows: 9 },
];

/**
 * The citation of a feature (or of the map) in three forms, each with a Copy button, in a modal
 * dialog. Escape or Close shuts it and gives focus back to `opener`.
 */
export function openCiteDialog(
  feature: CitedFeature | null,
  opener: HTMLElement,
  t: Messages,
): HTMLDialogElement {
  const { origin, pathname, search } = window.location;
  // The full page, never the embed: a citation should open the map with its text and menus.
  const context = { pageUrl: fullMapUrl({ origin, pathname, search, hash: '' }), today: new Date(), t };
  const citation = feature ? citeFeature(feature, context) : citeMap(context);
  const status = el('p', { class: 'cite__status', role: 'status' });
  // The title and Close stay in view; what is between them scrolls on a small screen.
  const body = el(
    'div',
    { class: 'cite__body' },
    el(
      'p',
      { id: 'cite-intro', class: 'cite__intro' },
      t.cite.accessed(accessed(context.today, t).words),
      feature ? t.cite.featureLink : t.cite.mapLink,
    ),
    linkNote(t),
    // Shown, as the link's note, only while a reader's file is on the map (src/ui/your-data.css).
    el('p', { class: 'your-data-link-note cite__your-data' }, t.cite.yourData),
  );
  const dialog = el(
    'dialog',
    { class: 'cite', 'aria-labelledby': 'cite-title', 'aria-describedby': 'cite-intro' },
    el('h2', { id: 'cite-title' }, feature ? t.cite.title(feature.title) : t.cite.citeMap),
    body,
  );
  for (const form of FORMS) {
    const id = `cite-${form.key}`;
    const field = el('textarea', {
      id,
      class: `cite__field cite__field--${form.key}`,
      readonly: '',
      rows: String(form.rows),
    });
    field.value = citation[form.key];
    const copy = el(
      'button',
      { type: 'button', class: 'cite__copy', 'aria-label': t.cite.copyNamed(t.cite.forms[form.key]) },
      t.cite.copy,
    );
    copy.addEventListener('click', () => copyField(field, status, t, t.cite.copied(t.cite.what[form.key])));
    body.append(
      el(
        'div',
        { class: 'cite__form' },
        el('div', { class: 'cite__head' }, el('label', { for: id }, t.cite.forms[form.key]), copy),
        field,
      ),
    );
  }
  const close = el('button', { type: 'button', class: 'cite__close' }, t.cite.close);
  close.addEventListener('click', () => dialog.close());
  body.append(status);
  dialog.append(close);
  // Escape closes the dialog only: the map's popup under it, which holds the opener, stays open.
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') event.stopPropagation();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    // A date changed by the story playing redraws the popup, and its button, under the dialog.
    const target = opener.isConnected
      ? opener
      : document.querySelector<HTMLElement>(`.cite-button[data-cite="${CSS.escape(feature?.id ?? '')}"]`);
    target?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
