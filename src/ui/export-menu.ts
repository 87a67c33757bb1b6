import type { BBox } from 'geojson';
import type { ExportOptions } from '../data/export.ts';
import { GEOPACKAGE_NAME, ZIP_NAME } from '../data/names.ts';
import { narrowedWords } from '../data/narrowed.ts';
import type { LayerFormat } from '../formats/package.ts';
import type { YourLayer } from '../formats/your-data.ts';
import type { Messages } from '../i18n/index.ts';
import type { ReportData, ReportLayer, ReportLayerId } from '../layers/registry.ts';
import { el, menuSummary } from './dom.ts';
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
  /** The reader's own layers shown, for the zip; none without a map. */
  yourData?: () => readonly YourLayer[];
  t: Messages;
}

/** The menu's formats, in its order; the writers load on the first download. */
const FORMATS: readonly LayerFormat[] = ['geojson', 'kml', 'csv', 'qml', 'sld'];

const writers = () => import('../formats/package.ts');

/** A download's click: what fails (the writers' code not loading, say) is one line in `status`. */
const guarded = (status: HTMLElement, t: Messages, run: () => Promise<void>) => (): void => {
  run().catch((error: unknown) => {
    status.textContent = t.page.partFailed(String(error));
  });
};

/** The GeoPackage's bytes, or a one-line reason they could not be had. */
async function fetchGeoPackage(url: string, t: Messages): Promise<Uint8Array | string> {
  try {
    const response = await fetch(url);
    if (!response.ok) return t.exportMenu.geoPackageHttp(response.status);
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return t.exportMenu.geoPackageOffline;
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
  yourData = () => [],
  t,
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
  const where = (chosen: ExportOptions) => narrowedWords(chosen, t);
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
    const layerName = t.layers[layer.id].name;
    const formats = FORMATS.map((format) => {
      const label = t.exportMenu.format[format];
      const name = `${layer.id}.${format}`;
      const b = el(
        'button',
        {
          type: 'button',
          class: 'export__format',
          'data-file': name,
          'aria-label': t.exportMenu.layerFile(layerName, label, name),
        },
        label,
      );
      // A single layer's button downloads that layer, shown or not: the person asked for it by name.
      b.addEventListener(
        'click',
        guarded(status, t, async () => {
          const chosen = { ...options(), layers: [layer.id], formats: [format] };
          const { buildPackage, mediaType } = await writers();
          const { files, message } = buildPackage(data, { ...chosen, where: where(chosen), t });
          status.textContent = message ?? '';
          for (const file of files) download(file.name, new Blob([file.text], { type: mediaType(format) }));
        }),
      );
      return b;
    });
    return el(
      'li',
      { class: 'export__layer' },
      el('span', { class: 'export__layer-name', id: nameId }, layerName),
      el('span', { class: 'export__formats', role: 'group', 'aria-labelledby': nameId }, ...formats),
    );
  });

  const gpkg = button(
    GEOPACKAGE_NAME,
    t.exportMenu.geoPackage,
    t.exportMenu.geoPackageLabel(GEOPACKAGE_NAME),
    GEOPACKAGE_NAME,
  );
  gpkg.addEventListener(
    'click',
    guarded(status, t, async () => {
      const [bytes, { GEOPACKAGE_MEDIA_TYPE }] = await Promise.all([
        fetchGeoPackage(geoPackageUrl, t),
        writers(),
      ]);
      if (typeof bytes === 'string') {
        status.textContent = bytes;
        return;
      }
      status.textContent = '';
      download(
        GEOPACKAGE_NAME,
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: GEOPACKAGE_MEDIA_TYPE }),
      );
    }),
  );

  const zip = button(ZIP_NAME, t.exportMenu.zip, t.exportMenu.zipLabel(ZIP_NAME), ZIP_NAME);
  zip.addEventListener(
    'click',
    guarded(status, t, async () => {
      const chosen = options();
      const narrowed = where(chosen);
      // The GeoPackage holds the whole map: a zip of less goes without it.
      const whole = !narrowed && (chosen.layers?.length ?? layers.length) === layers.length;
      const [{ buildPackage, zipPackage }, geoPackage] = await Promise.all([
        writers(),
        whole ? fetchGeoPackage(geoPackageUrl, t) : Promise.resolve(undefined),
      ]);
      const pkg = buildPackage(data, { ...chosen, where: narrowed, t });
      const notes = [
        pkg.message,
        typeof geoPackage === 'string' ? `${geoPackage} ${t.exportMenu.zipHoldsRest}` : null,
      ];
      if (!whole && pkg.files.length > 0) notes.push(t.exportMenu.geoPackageLeftOut);
      status.textContent = notes.filter(Boolean).join(' ');
      if (pkg.files.length === 0) return;
      const bytes = zipPackage(pkg, {
        geoPackage: geoPackage instanceof Uint8Array ? geoPackage : undefined,
        narrowed: chosen,
        yourData: yourData(),
      });
      download(ZIP_NAME, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
    }),
  );

  return el(
    'details',
    { class: 'export' },
    menuSummary(t.exportMenu.title, t.exportMenu.short),
    el(
      'div',
      { class: 'menu__body' },
      el('ul', { class: 'export__list' }, ...layerItems, el('li', {}, gpkg), el('li', {}, zip)),
      el('label', { class: 'export__option' }, inView, t.exportMenu.inView),
      el('label', { class: 'export__option' }, onlyVisible, t.exportMenu.onlyVisible),
      el('label', { class: 'export__option' }, asOfDate, t.exportMenu.asOfDate),
      status,
      el('p', { class: 'export__note' }, t.exportMenu.note),
    ),
  );
}
