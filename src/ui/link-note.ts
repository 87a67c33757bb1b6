/**
 * The note that a link cannot carry the reader's files, for the dialogs that make links (share,
 * embed, cite); shown only while one of their layers is (the `data-your-data-shown` attribute that
 * ./your-data.ts's markShown sets). Apart from ./your-data.ts, so the dialogs do not bring that in.
 */
import type { Messages } from '../i18n/index.ts';
import { el } from './dom.ts';
import './link-note.css';

export const linkNote = (t: Messages): HTMLElement =>
  el('p', { class: 'your-data-link-note' }, t.yourData.link);
