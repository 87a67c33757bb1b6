import type { Messages } from '../i18n/index.ts';
import type { ReportLayer, ReportLayerId } from '../layers/registry.ts';
import { areaColour } from '../theme.ts';
import { el } from './dom.ts';

export interface LegendOptions {
  layers: readonly ReportLayer[];
  isVisible: (id: ReportLayerId) => boolean;
  onToggle: (id: ReportLayerId, visible: boolean) => void;
  /** Start expanded (wide screens) or folded to its title (phones). */
  open: boolean;
  t: Messages;
}

export interface Legend {
  element: HTMLDetailsElement;
  /** What the legend shows when open: where other sections (the reader's files) go too. */
  body: HTMLElement;
  setChecked(id: ReportLayerId, visible: boolean): void;
}

function swatch({ look }: ReportLayer): HTMLElement {
  const box = el('span', { class: 'legend__swatch', 'aria-hidden': 'true' });
  if (look.kind === 'area') {
    box.classList.add('legend__swatch--area');
    box.style.backgroundColor = areaColour(look);
    box.style.borderColor = look.outline;
    return box;
  }
  const route = el('span', { class: 'legend__line' });
  route.style.borderTopColor = look.route;
  const displacement = el('span', { class: 'legend__line legend__line--dashed' });
  displacement.style.borderTopColor = look.displacement;
  box.append(route, displacement);
  return box;
}

/** How an area is drawn on the timeline's date, and that the routes have no date. */
function timeKey(t: Messages): HTMLElement {
  const item = (modifier: string, text: string) =>
    el(
      'li',
      { class: 'legend__time-item' },
      el('span', { class: `legend__time-swatch legend__time-swatch--${modifier}`, 'aria-hidden': 'true' }),
      text,
    );
  return el(
    'div',
    { class: 'legend__time' },
    el('p', { class: 'legend__time-title' }, t.legend.timeTitle),
    el(
      'ul',
      { class: 'legend__time-list' },
      item('in-force', t.legend.inForce),
      item('uncertain', t.legend.uncertain),
      item('ended', t.legend.ended),
      item('not-yet', t.legend.notYet),
    ),
    el('p', { class: 'legend__time-note' }, t.legend.undatedNote),
  );
}

/** The layer list: a swatch, a name, one line of description and a real checkbox per report layer. */
export function createLegend({ layers, isVisible, onToggle, open, t }: LegendOptions): Legend {
  const boxes = new Map<ReportLayerId, HTMLInputElement>();
  const list = el('ul', { class: 'legend__list' });
  for (const layer of layers) {
    const checkbox = el('input', { type: 'checkbox', name: 'layer', value: layer.id });
    checkbox.checked = isVisible(layer.id);
    checkbox.addEventListener('change', () => onToggle(layer.id, checkbox.checked));
    boxes.set(layer.id, checkbox);
    const text = el(
      'span',
      { class: 'legend__text' },
      el('span', { class: 'legend__name' }, t.layers[layer.id].name),
      el('span', { class: 'legend__description' }, t.layers[layer.id].description),
    );
    list.append(el('li', {}, el('label', { class: 'legend__item' }, checkbox, swatch(layer), text)));
  }
  // The button says whether a tap shows or hides the legend: folded, it is easily taken for a title.
  const state = el('span', { class: 'legend__state' });
  const body = el('div', { class: 'menu__body' }, list, timeKey(t));
  const details = el(
    'details',
    { class: 'legend' },
    el('summary', {}, el('span', { class: 'legend__title' }, t.legend.title), ' ', state),
    body,
  );
  const showState = () => {
    state.textContent = details.open ? t.legend.hide : t.legend.show;
  };
  details.addEventListener('toggle', showState);
  details.open = open;
  showState();
  return {
    element: details,
    body,
    setChecked(id, visible) {
      const box = boxes.get(id);
      if (box) box.checked = visible;
    },
  };
}
