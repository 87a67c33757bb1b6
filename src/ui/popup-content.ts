import type { PopupModel } from '../data/popup.ts';
import type { Messages } from '../i18n/index.ts';
import { citeButton } from './cite.ts';
import { el } from './dom.ts';

/** Text the data gives in English (sources, attributions, the report's phrases), marked so. */
export const english = (text: string): HTMLElement => el('span', { lang: 'en' }, text);

/**
 * The popup body for one feature. Built from DOM nodes and text only (never HTML from data). The text
 * list names the feature and its layer itself, so it asks for the body without its `heading`; with
 * `cite`, the feature's id, its Cite button follows the name.
 */
export function popupContent(
  model: PopupModel,
  t: Messages,
  { heading = true, cite }: { heading?: boolean; cite?: string } = {},
): HTMLElement {
  const body = el('article', { class: 'feature-popup', 'aria-label': model.title });
  if (heading)
    body.append(el('p', { class: 'feature-popup__layer' }, model.layerName), el('h2', {}, model.title));
  // By the name, so it shows even where a long popup runs past the map's edge.
  if (cite !== undefined)
    body.append(el('p', { class: 'feature-popup__cite' }, citeButton({ ...model, id: cite }, t)));
  if (model.status) body.append(el('p', { class: 'feature-popup__status' }, model.status));
  if (model.schematicNote) body.append(el('p', { class: 'feature-popup__schematic' }, model.schematicNote));
  if (model.dates.length > 0 || model.reportDate) {
    const dates = el('dl', { class: 'feature-popup__dates' });
    if (model.reportDate)
      dates.append(el('dt', {}, t.popup.inReport), el('dd', {}, english(t.popup.quote(model.reportDate))));
    for (const date of model.dates) {
      dates.append(
        el('dt', {}, date.label),
        el('dd', {}, date.text, el('br'), el('small', {}, t.popup.source(''), english(date.source))),
      );
    }
    body.append(dates);
  }
  // The report's words, verbatim and in English whatever the page's language.
  for (const quote of model.quotes) body.append(el('blockquote', { lang: 'en' }, el('p', {}, quote)));
  const source = el('p', { class: 'feature-popup__source' });
  if (model.attributedTo) source.append(english(model.attributedTo), '. ');
  source.append(t.popup.source(''), english(model.source), '.');
  body.append(source);
  return body;
}
