import type { PopupModel } from '../data/popup.ts';
import { citeButton } from './cite.ts';
import { el } from './dom.ts';

/**
 * The popup body for one feature. Built from DOM nodes and text only (never HTML from data). The text
 * list names the feature and its layer itself, so it asks for the body without its `heading`; with
 * `cite`, the feature's id, its Cite button follows the name.
 */
export function popupContent(
  model: PopupModel,
  { heading = true, cite }: { heading?: boolean; cite?: string } = {},
): HTMLElement {
  const body = el('article', { class: 'feature-popup', 'aria-label': model.title });
  if (heading)
    body.append(el('p', { class: 'feature-popup__layer' }, model.layerName), el('h2', {}, model.title));
  // By the name, so it shows even where a long popup runs past the map's edge.
  if (cite !== undefined)
    body.append(el('p', { class: 'feature-popup__cite' }, citeButton({ ...model, id: cite })));
  if (model.status) body.append(el('p', { class: 'feature-popup__status' }, model.status));
  if (model.schematicNote) body.append(el('p', { class: 'feature-popup__schematic' }, model.schematicNote));
  if (model.dates.length > 0 || model.reportDate) {
    const dates = el('dl', { class: 'feature-popup__dates' });
    if (model.reportDate) dates.append(el('dt', {}, 'In the report'), el('dd', {}, `“${model.reportDate}”`));
    for (const date of model.dates) {
      dates.append(
        el('dt', {}, date.label),
        el('dd', {}, date.text, el('br'), el('small', {}, `Source: ${date.source}`)),
      );
    }
    body.append(dates);
  }
  for (const quote of model.quotes) body.append(el('blockquote', {}, el('p', {}, quote)));
  const credit = model.attributedTo ? `${model.attributedTo}. ` : '';
  body.append(el('p', { class: 'feature-popup__source' }, `${credit}Source: ${model.source}.`));
  return body;
}
