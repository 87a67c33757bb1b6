import type { BBox } from 'geojson';
import type { ExportOptions } from '../data/export.ts';
import { GEOPACKAGE_NAME, ZIP_NAME } from '../data/names.ts';
import { dayInWords } from '../data/time.ts';
import type { LayerFormat } from '../formats/package.ts';
import type { ReportData, ReportLayer, ReportLayerId } from '../layers/registry.ts';
import { el } from './dom.ts';
import { download } from './download.ts';

export interface ExportMenuOptions {
  layers: readonly ReportLayer[];
  data: ReportData;
  /** Where the build serves the GeoPackage. */
  geoPackageUrl: string;
  /** The map's current view as a lon/lat box; absent when there is no map. */
  currentView?: () => BBox;
  visibleLayers?: () => readonly ReportLayerId[];
  /** The timeline's date; absent when there is no map. */
  currentDate?: () => string;
}

/** The menu's formats, as its buttons name them; the writers load on the first download. */
const FORMATS: readonly { format: LayerFormat; label: string }[] = [
  { format: 'geojson', label: 'GeoJSON' },
  { format: 'kml', label: 'KML' },
  { format: 'csv', label: 'CSV' },
  { format: 'qml', label: 'QGIS style' },
  { format: 'sld', label: 'SLD' },
];

const writers = () => import('../formats/package.ts');

/** The GeoPackage's bytes, or a one-line reason they could not be had. */
async function fetchGeoPackage(url: string): Promise<Uint8Array | string> {
  try {
    const response = await fetch(url);
    if (!response.ok) return `The GeoPackage could not be fetched (HTTP ${response.status}).`;
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return 'The GeoPackage could not be fetched: is the network down?';
  }
}

/**
 * Downloads of the report's layers, made in the page from the data already loaded: each layer as
 * GeoJSON, KML or CSV, with its QGIS and SLD styles; the GeoPackage the build wrote with GDAL; and a
 * zip of everything. Options narrow the export to the view, the visible layers or the map's date.
 */
export function createExportMenu({
  layers,
  data,
  geoPackageUrl,
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

  const button = (file: string, text: string, label: string, detail: string) => {
    const b = el(
      'button',
      { type: 'button', class: 'export__file', 'data-file': file, 'aria-label': label },
      text,
    );
    b.append(el('span', { class: 'export__filename', 'aria-hidden': 'true' }, detail));
    return b;
  };

  const layerItems = layers.map((layer) => {
    const nameId = `export-layer-${layer.id}`;
    const formats = FORMATS.map(({ format, label }) => {
      const name = `${layer.id}.${format}`;
      const b = el(
        'button',
        {
          type: 'button',
          class: 'export__format',
          'data-file': name,
          'aria-label': `Download ${layer.name} as ${label} (${name})`,
        },
        label,
      );
      // A single layer's button downloads that layer, shown or not: the person asked for it by name.
      b.addEventListener('click', async () => {
        const chosen = { ...options(), layers: [layer.id], formats: [format] };
        const { buildPackage, mediaType } = await writers();
        const { files, message } = buildPackage(data, { ...chosen, where: where(chosen) });
        status.textContent = message ?? '';
        for (const file of files) download(file.name, new Blob([file.text], { type: mediaType(format) }));
      });
      return b;
    });
    return el(
      'li',
      { class: 'export__layer' },
      el('span', { class: 'export__layer-name', id: nameId }, layer.name),
      el('span', { class: 'export__formats', role: 'group', 'aria-labelledby': nameId }, ...formats),
    );
  });

  const gpkg = button(
    GEOPACKAGE_NAME,
    'GeoPackage: all layers, styled',
    `Download all layers as a GeoPackage styled for QGIS (${GEOPACKAGE_NAME}); always the whole map`,
    GEOPACKAGE_NAME,
  );
  gpkg.addEventListener('click', async () => {
    const [bytes, { GEOPACKAGE_MEDIA_TYPE }] = await Promise.all([fetchGeoPackage(geoPackageUrl), writers()]);
    if (typeof bytes === 'string') {
      status.textContent = bytes;
      return;
    }
    status.textContent = '';
    download(GEOPACKAGE_NAME, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: GEOPACKAGE_MEDIA_TYPE }));
  });

  const zip = button(
    ZIP_NAME,
    'Everything (.zip)',
    `Download every file in one zip (${ZIP_NAME}): each layer in every format, the GeoPackage and a README`,
    ZIP_NAME,
  );
  zip.addEventListener('click', async () => {
    const chosen = options();
    const narrowed = where(chosen);
    // The GeoPackage holds the whole map: a zip of less goes without it.
    const whole = !narrowed && (chosen.layers?.length ?? layers.length) === layers.length;
    const [{ buildPackage, zipPackage }, geoPackage] = await Promise.all([
      writers(),
      whole ? fetchGeoPackage(geoPackageUrl) : Promise.resolve(undefined),
    ]);
    const pkg = buildPackage(data, { ...chosen, where: narrowed });
    const notes = [
      pkg.message,
      typeof geoPackage === 'string' ? `${geoPackage} The zip holds the rest.` : null,
    ];
    if (!whole && pkg.files.length > 0) notes.push('The GeoPackage, which holds the whole map, is left out.');
    status.textContent = notes.filter(Boolean).join(' ');
    if (pkg.files.length === 0) return;
    const bytes = zipPackage(pkg, {
      geoPackage: geoPackage instanceof Uint8Array ? geoPackage : undefined,
      where: narrowed,
    });
    download(ZIP_NAME, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  });

  return el(
    'details',
    { class: 'export' },
    el('summary', {}, 'Download data'),
    el('ul', { class: 'export__list' }, ...layerItems, el('li', {}, gpkg), el('li', {}, zip)),
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
      'WGS 84. GeoJSON and GeoPackage for QGIS, ArcGIS or GDAL; KML for Google Earth; CSV (geometry as WKT) for spreadsheets. The QGIS style and SLD colour a layer as on this map. Quotes and sources included; README.txt in the zip.',
    ),
  );
}
