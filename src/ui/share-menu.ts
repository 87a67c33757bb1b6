import { citeButton } from './cite.ts';
import { copyField } from './copy.ts';
import { el } from './dom.ts';

export interface ShareMenuOptions {
  /** Each saves a picture of the view; loaded on demand, so they may take a moment. */
  savePng(): Promise<void>;
  saveSvg?: () => Promise<void>;
  /** The `<iframe>` that embeds the current view. */
  embedCode(): string;
}

/**
 * "Save and embed": pictures of the view that carry their sources, an embed code for a story, and the
 * map's citation.
 */
export function createShareMenu({ savePng, saveSvg, embedCode }: ShareMenuOptions): HTMLElement {
  const status = el('p', { class: 'share__status', role: 'status' });
  const action = (label: string, name: string, run: () => Promise<void>) => {
    const button = el('button', { type: 'button', class: 'share__action', 'aria-label': name }, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      status.textContent = 'Saving the picture…';
      try {
        await run();
        status.textContent = '';
      } catch (error) {
        status.textContent = `The picture could not be saved: ${String(error)}`;
      } finally {
        button.disabled = false;
      }
    });
    return button;
  };
  const code = el('textarea', {
    class: 'share__code',
    readonly: '',
    rows: '4',
    'aria-label': 'Embed code for this view',
  });
  const copyButton = el('button', { type: 'button', class: 'share__action' }, 'Copy embed code');
  copyButton.addEventListener('click', () => copyField(code, status));
  const embed = el(
    'details',
    { class: 'share__embed' },
    el('summary', {}, 'Embed this view'),
    code,
    copyButton,
  );
  embed.addEventListener('toggle', () => {
    if (embed.open) code.value = embedCode();
  });
  const cite = citeButton(null, 'Cite this map');
  cite.classList.add('share__action');
  return el(
    'details',
    { class: 'share' },
    el('summary', {}, 'Save image · Embed · Cite'),
    el(
      'div',
      { class: 'share__body' },
      action('Save image (PNG)', 'Save image of this view as PNG', savePng),
      ...(saveSvg
        ? [action('Save vector image (SVG)', 'Save image of this view as SVG, to edit', saveSvg)]
        : []),
      embed,
      cite,
      el(
        'p',
        { class: 'share__note' },
        'Pictures carry the title, the date, the legend, the credits and the link to this view.',
      ),
      status,
    ),
  );
}
