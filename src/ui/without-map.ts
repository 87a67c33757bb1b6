import type { ReportData } from '../layers/registry.ts';
import { REPORT_LAYERS } from '../layers/registry.ts';
import { citeButton } from './cite.ts';
import { el } from './dom.ts';
import { createExportMenu } from './export-menu.ts';
import { showMessage } from './messages.ts';
import { createTextList } from './text-list.ts';

/** Where the picture of the default view is, relative to the page (public/, `npm run picture`). */
export const DEFAULT_PICTURE = 'default-view.svg';

/** The map as a picture: the default view at the report's date, with its legend and credits. */
function defaultPicture(): HTMLElement {
  const image = el('img', {
    class: 'without-map__picture',
    src: DEFAULT_PICTURE,
    width: '930',
    height: '722',
    alt:
      'Map of the report at its date, 15 January 2012: the schematic cocaine route from Colombia through ' +
      'Guatemala and Mexico to the United States, the Zetas moving from Mexico into Guatemala, Mexico, ' +
      'Guatemala and Honduras tinted for their militarised policing, and Alta Verapaz outlined, its army ' +
      'special powers dated 19 December 2010 to 18 February 2011. Credits: BBC News, Natural Earth, GeoNames.',
  });
  return el(
    'figure',
    { class: 'without-map__figure' },
    image,
    el('figcaption', {}, 'The map as a picture (the interactive map needs WebGL 2).'),
  );
}

/** The whole app without a map: what a browser with no WebGL 2 gets. */
export function mountWithoutMap(
  data: ReportData,
  mapElement: HTMLElement,
  panel: HTMLElement,
  geoPackageUrl: string,
): void {
  mapElement.hidden = true;
  // The panel then has the whole page (page.css).
  document.body.classList.add('no-map');
  showMessage(
    'The interactive map needs WebGL 2, which this browser does not provide. ' +
      'Below are the map as a picture and everything it shows as text, and the downloads work.',
  );
  panel.append(defaultPicture(), el('p', { class: 'without-map__cite' }, citeButton(null, 'Cite this map')));
  panel.append(createExportMenu({ layers: REPORT_LAYERS, data, geoPackageUrl }));
  panel.append(createTextList({ layers: REPORT_LAYERS, data }).element);
  panel.querySelector('details.export')?.setAttribute('open', '');
}
