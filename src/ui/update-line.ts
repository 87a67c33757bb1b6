import type { Messages } from '../i18n/index.ts';
import { el } from './dom.ts';

export interface UpdateLine {
  element: HTMLElement;
  remove(): void;
}

/**
 * The one line that tells a returning reader a new version is ready, with a button to reload into it
 * and one to keep reading this one (which keeps working: src/files/offline.ts).
 */
export function createUpdateLine(onReload: () => void, t: Messages): UpdateLine {
  const reload = el('button', { type: 'button', class: 'update-line__reload' }, t.update.reload);
  const later = el('button', { type: 'button', class: 'update-line__later' }, t.update.later);
  const element = el(
    'div',
    { class: 'update-line', role: 'status' },
    el('span', {}, t.update.ready),
    reload,
    later,
  );
  const remove = () => element.remove();
  reload.addEventListener('click', () => {
    reload.disabled = true;
    onReload();
  });
  later.addEventListener('click', remove);
  return { element, remove };
}
