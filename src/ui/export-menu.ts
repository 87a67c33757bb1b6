import type { BBox } from 'geojson';
import {
  buildExport,
  downloadable,
  type ExportFile,
  type ExportOptions,
  GEOJSON_MEDIA_TYPE,
  ZIP_NAME,
  zipExport,
} from '../data/export.ts';
import { dayInWords } from '../data/time.ts';
import type { ReportData, ReportLayer, ReportLayerId } from '../layers/registry.ts';
import { el } from './dom.ts';
import { download } from './download.ts';

export interface ExportMenuOptions {
  layers: readonly ReportLayer[];
  data: ReportData;
  /** The map's current view as a lon/lat box; absent when there is no map. */
  currentView?: () => BBox;
  visibleLayers?: () => readonly ReportLayerId[];
  /** The timeline's date; absent when there is no map. */
  currentDate?: () => string;
}

/**
 * Downloads of the report's layers as GeoJSON, made in the page from the data already loaded: one file
 * per layer and a zip of all three. Options narrow the export to the view or to the visible layers.
 */
export function createExportMenu({
  layers,
  data,
  currentView,
  visibleLayers,
  currentDate,
}: ExportMenuOptions): HTMLElement {
  const inView = el('input', { type: 'checkbox', name: 'export-in-view' });
  const onlyVisible = el('input', { type: 'checkbox', name: 'export-visible' });
  const asOfDate = el('input', { type: 'checkbox', name: 'export-as-of-date' });
  if (!currentView) inView.disabled = true;
  if (!visibleLayers) onlyVisible.disabled = true;
  if (!currentDate) asOfDate.disabled = true;

  const options = (): ExportOptions => ({
    within: inView.checked && currentView ? currentView() : undefined,
    layers: onlyVisible.checked && visibleLayers ? visibleLayers() : undefined,
    at: asOfDate.checked && currentDate ? currentDate() : undefined,
  });
  /** How the chosen options narrow a download, for its message: "in this view on 1 June 2008". */
  const where = ({ within, at }: ExportOptions): string | undefined =>
    [within ? 'in this view' : '', at ? `on ${dayInWords(at)}` : ''].filter(Boolean).join(' ') || undefined;
  // Says what a download left out, or why there was none; read out by screen readers as it changes.
  const status = el('p', { class: 'export__status', role: 'status' });
  const geojsonBlob = (file: ExportFile) => new Blob([file.text], { type: GEOJSON_MEDIA_TYPE });

  const buttons = layers.map((layer) => {
    const name = `${layer.id}.geojson`;
    const button = el(
      'button',
      { type: 'button', class: 'export__file', 'data-file': name },
      `${layer.name}`,
    );
    button.setAttribute('aria-label', `Download ${layer.name} as ${name}`);
    button.append(el('span', { class: 'export__filename', 'aria-hidden': 'true' }, name));
    // A single layer's button downloads that layer, shown or not: the person asked for it by name.
    button.addEventListener('click', () => {
      const chosen = { ...options(), layers: [layer.id] };
      const { files, message } = downloadable(buildExport(data, chosen), { where: where(chosen) });
      status.textContent = message ?? '';
      for (const file of files) download(file.name, geojsonBlob(file));
    });
    return el('li', {}, button);
  });
  const zip = el(
    'button',
    { type: 'button', class: 'export__file', 'data-file': ZIP_NAME },
    'All layers (.zip)',
  );
  zip.setAttribute('aria-label', `Download all layers as ${ZIP_NAME}, one GeoJSON file per layer`);
  zip.append(el('span', { class: 'export__filename', 'aria-hidden': 'true' }, ZIP_NAME));
  zip.addEventListener('click', () => {
    const chosen = options();
    const { files, message } = downloadable(buildExport(data, chosen), { where: where(chosen) });
    status.textContent = message ?? '';
    if (files.length === 0) return;
    download(ZIP_NAME, new Blob([zipExport(files) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  });

  return el(
    'details',
    { class: 'export' },
    el('summary', {}, 'Download GeoJSON'),
    el('ul', { class: 'export__list' }, ...buttons, el('li', {}, zip)),
    el(
      'label',
      { class: 'export__option' },
      inView,
      ' Only features in the current view (whole features that touch it, not clipped)',
    ),
    el('label', { class: 'export__option' }, onlyVisible, ' Zip: only the layers shown on the map'),
    el(
      'label',
      { class: 'export__option' },
      asOfDate,
      " As of the map's date: only what is in force or uncertain then, and the undated routes",
    ),
    status,
    el(
      'p',
      { class: 'export__note' },
      'RFC 7946 GeoJSON (WGS 84) for QGIS, ArcGIS or GDAL, quotes and sources included.',
    ),
  );
}
