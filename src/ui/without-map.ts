import type { ReportData } from '../layers/registry.ts';
import { REPORT_LAYERS } from '../layers/registry.ts';
import { createExportMenu } from './export-menu.ts';
import { showMessage } from './messages.ts';
import { createTextList } from './text-list.ts';

/** The whole app without a map: what a browser with no WebGL 2 gets. */
export function mountWithoutMap(data: ReportData, mapElement: HTMLElement, panel: HTMLElement): void {
  mapElement.hidden = true;
  // The panel then has the whole page (page.css).
  document.body.classList.add('no-map');
  showMessage(
    'The interactive map needs WebGL 2, which this browser does not provide. ' +
      'Everything it shows is listed below as text, and the downloads work.',
  );
  panel.append(createExportMenu({ layers: REPORT_LAYERS, data }));
  panel.append(createTextList({ layers: REPORT_LAYERS, data }).element);
  panel.querySelector('details.export')?.setAttribute('open', '');
}
