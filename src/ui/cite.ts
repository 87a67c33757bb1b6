import type { CitedFeature } from '../data/cite.ts';
import type { Messages } from '../i18n/index.ts';
import { el } from './dom.ts';
import { showMessage } from './messages.ts';

/**
 * A "Cite" button for one feature, or for the whole map without one. The dialog and the citation
 * code load on the first press: few readers cite, and the first load's script is kept small.
 */
export function citeButton(feature: CitedFeature | null, t: Messages): HTMLButtonElement {
  const label = feature ? t.cite.cite : t.cite.citeMap;
  // Several "Cite" buttons share a list, so each names what it cites.
  const name = feature ? t.cite.citeNamed(label, feature.title) : label;
  const button = el(
    'button',
    { type: 'button', class: 'cite-button', 'aria-label': name, 'data-cite': feature?.id ?? '' },
    label,
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      (await import('./cite-dialog.ts')).openCiteDialog(feature, button, t);
    } catch (error) {
      showMessage(t.page.partFailed(String(error)));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
