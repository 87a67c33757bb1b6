import type { Messages } from '../i18n/index.ts';
import { citeButton } from './cite.ts';
import { copyField } from './copy.ts';
import { el, menuSummary } from './dom.ts';
import { linkNote } from './link-note.ts';

export interface ShareMenuOptions {
  /** Each saves a picture of the view; loaded on demand, so they may take a moment. */
  savePng(): Promise<void>;
  saveSvg?: () => Promise<void>;
  /** The `<iframe>` that embeds the current view. */
  embedCode(): string;
  t: Messages;
}

/**
 * "Save and embed": pictures of the view that carry their sources, an embed code for a story, and the
 * map's citation.
 */
export function createShareMenu({ savePng, saveSvg, embedCode, t }: ShareMenuOptions): HTMLElement {
  const status = el('p', { class: 'share__status', role: 'status' });
  const action = (label: string, name: string, run: () => Promise<void>) => {
    const button = el('button', { type: 'button', class: 'share__action', 'aria-label': name }, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      status.textContent = t.share.saving;
      try {
        await run();
        status.textContent = '';
      } catch (error) {
        status.textContent = t.share.failed(String(error));
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
    'aria-label': t.share.embedCode,
  });
  const copyButton = el('button', { type: 'button', class: 'share__action' }, t.share.copyEmbed);
  copyButton.addEventListener('click', () => copyField(code, status, t));
  const embed = el('details', { class: 'share__embed' }, el('summary', {}, t.share.embed), code, copyButton);
  embed.addEventListener('toggle', () => {
    if (embed.open) code.value = embedCode();
  });
  const cite = citeButton(null, t);
  cite.classList.add('share__action');
  return el(
    'details',
    { class: 'share' },
    menuSummary(t.share.title, t.share.short),
    el(
      'div',
      { class: 'share__body menu__body' },
      action(t.share.png, t.share.pngLabel, savePng),
      ...(saveSvg ? [action(t.share.svg, t.share.svgLabel, saveSvg)] : []),
      embed,
      cite,
      el('p', { class: 'share__note' }, t.share.note),
      linkNote(t),
      status,
    ),
  );
}
