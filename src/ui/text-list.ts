import { popupModel } from '../data/popup.ts';
import { featureInterval, type Interval, stateText } from '../data/time.ts';
import type { Messages } from '../i18n/index.ts';
import type { ReportData, ReportLayer, ReportLayerId } from '../layers/registry.ts';
import { citeButton } from './cite.ts';
import { el } from './dom.ts';
import { popupContent } from './popup-content.ts';

export interface TextListOptions {
  layers: readonly ReportLayer[];
  data: Partial<ReportData>;
  /** Show a feature on the map. Absent when there is no map (no WebGL): the list is then the whole story. */
  onChoose?: (featureId: string, opener: HTMLElement) => void;
  t: Messages;
}

export interface TextList {
  element: HTMLElement;
  setLayerVisible(id: ReportLayerId, visible: boolean): void;
  /** Says of each feature where it stands on `day`, the map's date. */
  setDate(day: string): void;
}

/**
 * Every feature of every report layer as text, grouped by layer: the map's equivalent for keyboards,
 * screen readers and browsers without WebGL. Each entry can show its feature on the map and unfold the
 * same words the popup shows.
 */
export function createTextList({ layers, data, onChoose, t }: TextListOptions): TextList {
  const root = el(
    'section',
    { class: 'text-list', 'aria-labelledby': 'text-list-title' },
    el('h2', { id: 'text-list-title' }, t.textList.title),
  );
  const hiddenNotes = new Map<ReportLayerId, HTMLElement>();
  const statuses: { line: HTMLElement; interval: Interval | undefined }[] = [];
  for (const layer of layers) {
    const note = el('span', { class: 'text-list__hidden' }, t.textList.hidden);
    note.hidden = true;
    hiddenNotes.set(layer.id, note);
    const list = el('ul', { class: 'text-list__list' });
    for (const feature of data[layer.id]?.features ?? []) {
      const id = String(feature.id);
      const model = popupModel(feature.properties, layer, undefined, t);
      const item = el('li', { class: 'text-list__item' });
      let name: HTMLElement;
      if (onChoose) {
        const button = el(
          'button',
          { type: 'button', class: 'text-list__show', 'data-feature': id },
          model.title,
        );
        button.addEventListener('click', () => onChoose(id, button));
        name = button;
      } else {
        name = el('h4', { class: 'text-list__name' }, model.title);
      }
      item.append(el('div', { class: 'text-list__head' }, name, citeButton({ ...model, id }, t)));
      const line = el('p', { class: 'text-list__status' });
      statuses.push({ line, interval: featureInterval(feature.properties) });
      item.append(line);
      const details = el('details', { class: 'text-list__details' }, el('summary', {}, t.textList.details));
      details.append(popupContent(model, t, { heading: false }));
      details.open = !onChoose;
      item.append(details);
      list.append(item);
    }
    root.append(el('h3', {}, t.layers[layer.id].name, note), list);
  }
  return {
    element: root,
    setLayerVisible(id, visible) {
      const note = hiddenNotes.get(id);
      if (note) note.hidden = visible;
    },
    setDate(day) {
      for (const { line, interval } of statuses) line.textContent = stateText(interval, day, t);
    },
  };
}
