import type { Messages } from '../i18n/index.ts';
import type { ReportData } from '../layers/registry.ts';
import { REPORT_LAYERS } from '../layers/registry.ts';
import { citeButton } from './cite.ts';
import { el } from './dom.ts';
import { createExportMenu } from './export-menu.ts';
import { showMessage } from './messages.ts';
import { createTextList } from './text-list.ts';

/** Where the picture of the default view is, relative to the page (public/, `npm run picture`). */
export const DEFAULT_PICTURE = 'default-view.svg';
/** Its size, so the page keeps its room before it loads: the view, with its frame above and below. */
export const DEFAULT_PICTURE_BOX = { width: 930, height: 871 } as const;

/** The map as a picture: the default view at the report's date, with its legend and credits. */
function defaultPicture(t: Messages): HTMLElement {
  const image = el('img', {
    class: 'without-map__picture',
    src: DEFAULT_PICTURE,
    width: String(DEFAULT_PICTURE_BOX.width),
    height: String(DEFAULT_PICTURE_BOX.height),
    alt: t.withoutMap.alt,
  });
  return el('figure', { class: 'without-map__figure' }, image, el('figcaption', {}, t.withoutMap.caption));
}

/** The whole app without a map: what a browser with no WebGL 2 gets. */
export function mountWithoutMap(
  data: ReportData,
  mapElement: HTMLElement,
  panel: HTMLElement,
  geoPackageUrl: string,
  t: Messages,
): void {
  mapElement.hidden = true;
  // The panel then has the whole page (page.css).
  document.body.classList.add('no-map');
  showMessage(t.withoutMap.message);
  panel.append(defaultPicture(t), el('p', { class: 'without-map__cite' }, citeButton(null, t)));
  panel.append(createExportMenu({ layers: REPORT_LAYERS, data, geoPackageUrl, t }));
  panel.append(createTextList({ layers: REPORT_LAYERS, data, t }).element);
  panel.querySelector('details.export')?.setAttribute('open', '');
}
