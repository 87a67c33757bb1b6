/**
 * The reader's own files in the legend: "Add your data…" (a file input taking several files), one
 * entry a file (checkbox, swatch, name, count, Remove), where they are kept, and a status line that
 * screen readers announce; plus the drop target over the map. DOM only: reading the files and drawing
 * them are loaded on demand (src/map/your-data.ts).
 */

// Type only: the writers load with the rest of the reader's-files code, on demand.
import type { YourFormat } from '../formats/your-data.ts';
import type { Messages } from '../i18n/index.ts';
import { el } from './dom.ts';
import { featureCount } from './your-data-words.ts';
import './your-data.css';

const FORMAT_NAMES: Record<YourFormat, string> = { geojson: 'GeoJSON', kml: 'KML', csv: 'CSV' };
const FORMATS = Object.keys(FORMAT_NAMES) as YourFormat[];

export interface YourDataEntry {
  id: string;
  name: string;
  count: number;
  colour: string;
  visible: boolean;
  /** What was skipped or warned, for the text list. */
  notes: string[];
  /** The columns it can be coloured by (those with a value), in file order. */
  columns: string[];
  /** The column it is coloured by, and its legend's lines; absent for one colour. */
  colourBy?: { column: string; key: readonly YourDataKeyLine[] };
}

/** One line of a coloured file's legend: a value or a range, its colour, how many features. */
export interface YourDataKeyLine {
  label: string;
  colour: string;
  count: number;
}

export interface YourDataPanelOptions {
  onFiles: (files: File[]) => void;
  onToggle: (id: string, visible: boolean) => void;
  onRemove: (id: string) => void;
  onDownload: (id: string, format: YourFormat) => void;
  /** A column chosen to colour a file by, or undefined for its own colour again. */
  onColourBy: (id: string, column: string | undefined) => void;
  t: Messages;
}

export interface YourDataPanel {
  /** For the legend, under the report's layers. */
  element: HTMLElement;
  /** For the text list: one entry a file, never one a feature. */
  listElement: HTMLElement;
  add(entry: YourDataEntry): void;
  /** Shows a file's colouring: its legend's lines under it, or its one colour again. */
  setColourBy(id: string, colourBy: YourDataEntry['colourBy'], colour: string): void;
  remove(id: string): void;
  /** Says one or more lines in the status line (role=status), replacing what it said. */
  announce(lines: readonly string[]): void;
  /** A large file's progress in the status line, with a Cancel button that calls `cancel`. */
  progress(line: string, fraction: number, cancel: () => void): void;
}

export function createYourDataPanel({
  onFiles,
  onToggle,
  onRemove,
  onDownload,
  onColourBy,
  t,
}: YourDataPanelOptions): YourDataPanel {
  const input = el('input', { type: 'file', multiple: '', class: 'your-data__input', id: 'your-data-input' });
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    // Cleared, so that choosing the same file again (after a Remove) fires change again.
    input.value = '';
    if (files.length > 0) onFiles(files);
  });
  // A real button for keyboards and screen readers; the input itself stays out of the tab order.
  input.tabIndex = -1;
  const button = el('button', { type: 'button', class: 'your-data__add' }, t.yourData.add);
  button.addEventListener('click', () => input.click());
  const list = el('ul', { class: 'legend__list your-data__list' });
  const status = el('p', { class: 'your-data__status', role: 'status' });
  const element = el(
    'section',
    { class: 'your-data', 'aria-labelledby': 'your-data-title' },
    el('h3', { class: 'your-data__title', id: 'your-data-title' }, t.yourData.title),
    list,
    button,
    input,
    el('p', { class: 'your-data__hint' }, t.yourData.formats),
    status,
    // Where the files are kept, always in view; how to clear them, a tap away: the legend stays short.
    el(
      'details',
      { class: 'your-data__kept' },
      el('summary', {}, t.yourData.keptShort),
      el('p', {}, t.yourData.kept),
    ),
  );
  const textItems = el('ul', { class: 'text-list__list' });
  const listElement = el(
    'section',
    { class: 'your-data-text', 'aria-labelledby': 'your-data-text-title' },
    el('h3', { id: 'your-data-text-title' }, t.yourData.title),
    el('p', {}, t.yourData.textListIntro),
    textItems,
  );
  listElement.hidden = true;
  const entries = new Map<string, { legend: HTMLElement; text: HTMLElement }>();
  const number = new Intl.NumberFormat(t.locale);

  /** The swatch in the file's colour, or a wheel of its column's colours; the lines under it. */
  const showColours = (legend: HTMLElement, colourBy: YourDataEntry['colourBy'], colour: string): void => {
    const swatch = legend.querySelector<HTMLElement>('.your-data__swatch');
    const key = legend.querySelector<HTMLElement>('.your-data__key');
    if (!swatch || !key) return;
    const colours = colourBy?.key.map((line) => line.colour) ?? [];
    swatch.style.background =
      colours.length > 0
        ? `conic-gradient(${colours.map((c, i) => `${c} ${(i * 360) / colours.length}deg ${((i + 1) * 360) / colours.length}deg`).join(', ')})`
        : colour;
    key.hidden = !colourBy;
    if (colourBy) key.setAttribute('aria-label', t.yourData.colourBy.key(colourBy.column));
    else key.removeAttribute('aria-label');
    // Text only: a value holding markup shows as its characters.
    key.replaceChildren(
      ...(colourBy?.key ?? []).map((line) => {
        const dot = el('span', { class: 'your-data__key-swatch', 'aria-hidden': 'true' });
        dot.style.backgroundColor = line.colour;
        return el(
          'li',
          {},
          dot,
          el('span', { class: 'your-data__key-label' }, line.label),
          el('span', { class: 'your-data__key-count' }, number.format(line.count)),
        );
      }),
    );
  };

  /** "Colour by: no column / a column…", a native select: keyboards and screen readers know it. */
  function colourControl(entry: YourDataEntry): HTMLElement[] {
    if (entry.columns.length === 0) return [];
    const words = t.yourData.colourBy;
    const select = el('select', {
      class: 'your-data__colour-by',
      id: `your-data-colour-${entry.id}`,
      'aria-label': words.labelFor(entry.name),
    });
    select.append(
      el('option', { value: '' }, words.none),
      ...entry.columns.map((column) => {
        // The column's name as the option's value and text, set as text: never parsed as markup.
        const option = el('option', {}, column);
        option.value = column;
        return option;
      }),
    );
    select.value = entry.colourBy?.column ?? '';
    select.addEventListener('change', () =>
      onColourBy(entry.id, select.value === '' ? undefined : select.value),
    );
    return [
      el(
        'div',
        { class: 'your-data__colour' },
        el('label', { for: select.id, 'aria-hidden': 'true' }, words.label),
        select,
      ),
    ];
  }

  return {
    element,
    listElement,
    add(entry) {
      const checkbox = el('input', { type: 'checkbox', name: 'your-data', value: entry.id });
      checkbox.checked = entry.visible;
      checkbox.addEventListener('change', () => onToggle(entry.id, checkbox.checked));
      const swatch = el('span', { class: 'legend__swatch your-data__swatch', 'aria-hidden': 'true' });
      const count = featureCount(entry.count, t);
      const remove = el(
        'button',
        { type: 'button', class: 'your-data__remove', 'aria-label': t.yourData.removeLabel(entry.name) },
        t.yourData.remove,
      );
      remove.addEventListener('click', () => onRemove(entry.id));
      const legend = el(
        'li',
        { class: 'your-data__entry', 'data-your-data': entry.id },
        el(
          'label',
          { class: 'legend__item' },
          checkbox,
          swatch,
          el(
            'span',
            { class: 'legend__text' },
            el('span', { class: 'legend__name your-data__name' }, entry.name),
            el('span', { class: 'legend__description' }, count),
          ),
        ),
        remove,
        ...colourControl(entry),
        el('ul', { class: 'your-data__key' }),
      );
      showColours(legend, entry.colourBy, entry.colour);
      const text = el(
        'li',
        { class: 'text-list__item', 'data-your-data': entry.id },
        el('h4', { class: 'text-list__name' }, entry.name),
        el('p', {}, count),
        ...entry.notes.map((note) => el('p', { class: 'your-data__note' }, note)),
        el(
          'p',
          { class: 'your-data__downloads' },
          t.yourData.downloadAs,
          ...FORMATS.flatMap((format) => {
            const button = el(
              'button',
              {
                type: 'button',
                class: 'your-data__download',
                'aria-label': t.yourData.downloadLabel(entry.name, FORMAT_NAMES[format]),
              },
              FORMAT_NAMES[format],
            );
            button.addEventListener('click', () => onDownload(entry.id, format));
            return [' ', button];
          }),
        ),
      );
      this.remove(entry.id);
      entries.set(entry.id, { legend, text });
      list.append(legend);
      textItems.append(text);
      listElement.hidden = false;
    },
    setColourBy(id, colourBy, colour) {
      const found = entries.get(id);
      if (found) showColours(found.legend, colourBy, colour);
    },
    remove(id) {
      const found = entries.get(id);
      if (!found) return;
      // Focus was on its Remove button: it goes to Add rather than to the page's start.
      if (found.legend.contains(document.activeElement)) button.focus();
      found.legend.remove();
      found.text.remove();
      entries.delete(id);
      listElement.hidden = entries.size === 0;
    },
    progress(line, fraction, cancel) {
      // Updated in place while it runs, so that focus on Cancel survives each step.
      let bar = status.querySelector('progress');
      let text = status.querySelector('.your-data__line');
      if (!bar || !text) {
        bar = el('progress', { max: '1' });
        text = el('span', { class: 'your-data__line' });
        const stop = el('button', { type: 'button', class: 'your-data__cancel' }, t.yourData.cancel);
        stop.addEventListener('click', () => cancel());
        status.replaceChildren(text, ' ', bar, ' ', stop);
      }
      bar.value = fraction;
      text.textContent = line;
    },
    announce(lines) {
      // A folded legend (phones) hides its status line from eyes and screen readers alike: unfold it.
      const legend = element.closest('details');
      if (legend) legend.open = true;
      // A line each, each a sentence, so that a screen reader pauses between them.
      status.replaceChildren(
        ...lines.flatMap((line, i) => [
          ...(i > 0 ? [' '] : []),
          el('span', { class: 'your-data__line' }, /[.…]$/.test(line) ? line : `${line}.`),
        ]),
      );
    },
  };
}

/** Marks the page while a reader's layer is shown, for the dialogs' note (./link-note.ts). */
export const markShown = (shown: boolean): void => {
  document.documentElement.toggleAttribute('data-your-data-shown', shown);
};

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Drag-and-drop anywhere on the map, with a target shown while files are dragged over it. Returns
 * the function that stops listening and removes the target.
 */
export function acceptDrops(
  container: HTMLElement,
  onFiles: (files: File[]) => void,
  t: Messages,
): () => void {
  const target = el('div', { class: 'your-data-drop', 'aria-hidden': 'true' }, el('p', {}, t.yourData.drop));
  target.hidden = true;
  container.append(target);
  const listening = new AbortController();
  const options = { signal: listening.signal };
  // dragenter and dragleave fire for every child crossed; dragover keeps coming while inside.
  let depth = 0;
  container.addEventListener(
    'dragenter',
    (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      target.hidden = false;
    },
    options,
  );
  container.addEventListener(
    'dragover',
    (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    },
    options,
  );
  container.addEventListener(
    'dragleave',
    () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) target.hidden = true;
    },
    options,
  );
  container.addEventListener(
    'drop',
    (event) => {
      depth = 0;
      target.hidden = true;
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      onFiles(files);
    },
    options,
  );
  return () => {
    listening.abort();
    target.remove();
  };
}
