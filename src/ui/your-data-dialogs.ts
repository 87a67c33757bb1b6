/**
 * The readers' questions, one small dialog each: which columns hold the coordinates, whether to swap
 * latitude and longitude, and which order a file's dates are written in. Each resolves with the answer, or undefined when closed unanswered.
 */
import type { Messages } from '../i18n/index.ts';
import type { DateOrder, Question } from '../your-data/types.ts';
import { el } from './dom.ts';

type Coordinates = { latitude: string; longitude: string };

function ask<T>(
  title: string,
  body: HTMLElement[],
  answer: () => T,
  t: Messages,
  confirm = t.yourData.read,
): Promise<T | undefined> {
  const heading = el('h2', { id: 'your-data-dialog-title' }, title);
  const close = el('button', { type: 'button' }, t.yourData.close);
  const read = el('button', { type: 'button', class: 'your-data-dialog__read' }, confirm);
  const dialog = el(
    'dialog',
    { class: 'your-data-dialog', 'aria-labelledby': 'your-data-dialog-title' },
    heading,
    ...body,
    el('div', { class: 'your-data-dialog__buttons' }, close, read),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    let result: T | undefined;
    read.addEventListener('click', () => {
      result = answer();
      dialog.close();
    });
    close.addEventListener('click', () => dialog.close());
    // Escape closes it too, unanswered.
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
    dialog.showModal();
  });
}

function select(id: string, label: string, columns: readonly string[], chosen: number) {
  const box = el('select', { id });
  for (const column of columns) box.append(el('option', { value: column }, column));
  box.selectedIndex = Math.min(chosen, columns.length - 1);
  return { box, nodes: [el('label', { for: id }, label), box] };
}

export function askCoordinates(file: string, columns: readonly string[], t: Messages) {
  const w = t.yourData.coordinates;
  const lat = select('your-data-latitude', w.latitude, columns, 0);
  const lon = select('your-data-longitude', w.longitude, columns, 1);
  return ask<Coordinates>(
    w.title(file),
    [el('p', {}, w.intro), ...lat.nodes, ...lon.nodes],
    () => ({ latitude: lat.box.value, longitude: lon.box.value }),
    t,
  );
}

export function askDateOrder(file: string, question: Extract<Question, { kind: 'date-order' }>, t: Messages) {
  const w = t.yourData.dateOrder;
  const choice = (value: DateOrder, text: string) => {
    const radio = el('input', { type: 'radio', name: 'your-data-date-order', value });
    radio.checked = value === (question.evident ?? 'day-first');
    return el('label', { class: 'your-data-dialog__choice' }, radio, text);
  };
  const choices = [choice('day-first', w.dayFirst), choice('month-first', w.monthFirst)];
  return ask<DateOrder>(
    w.title(file),
    [el('p', {}, w.intro(question.column, question.examples.join(', '))), ...choices],
    () => (choices[1]?.querySelector('input')?.checked ? 'month-first' : 'day-first') satisfies DateOrder,
    t,
  );
}

/** Latitude and longitude look swapped (types.ts, Question): the reader decides. */
export function askSwap(file: string, question: Extract<Question, { kind: 'swap' }>, t: Messages) {
  const w = t.yourData.swap;
  return ask<Coordinates>(
    w.title(file),
    // The question names the columns swapped, as the answer takes them; the file read them the other way.
    [
      el(
        'p',
        {},
        (question.why === 'south-of-60' ? w.southOf60 : w.intro)(
          question.longitude,
          question.latitude,
          question.rows,
        ),
      ),
    ],
    () => ({ latitude: question.latitude, longitude: question.longitude }),
    t,
    w.yes,
  );
}

/** A GeoJSON's positions look [latitude, longitude]: the reader decides. */
export function askSwapPositions(
  file: string,
  question: Extract<Question, { kind: 'swap-positions' }>,
  t: Messages,
) {
  const w = t.yourData.swap;
  return ask<true>(
    w.title(file),
    [el('p', {}, w.positions(question.why, question.count, question.unit))],
    () => true,
    t,
    w.yes,
  );
}
