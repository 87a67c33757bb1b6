/**
 * The reader's files in a mounted map: the legend's "Your data", the text list's entries and the
 * drop target, with the reading and drawing code (./your-data.ts) imported only when a file comes
 * or after the first idle, to show the files kept from an earlier visit. Keeps mount.ts to a call.
 */
import type * as maplibregl from 'maplibre-gl';
import type { YourLayer } from '../formats/your-data.ts';
import type { Messages } from '../i18n/index.ts';
import type { PictureFile } from '../picture/your-legend.ts';
import { clickableLayers } from '../style/tags.ts';
import { acceptDrops, createYourDataPanel, markShown } from '../ui/your-data.ts';
import type { YourDataSession } from './your-data.ts';

export interface YourDataMount {
  /** Whether a reader's layer is shown: links cannot carry it. */
  shown(): boolean;
  /** The reader's files shown, for a picture to draw, key and credit. */
  pictureFiles(): PictureFile[];
  /** The reader's layers shown, for the zip of everything. */
  shownLayers(): YourLayer[];
  /** The shown files coloured by a column, each with its key's lines, for a picture's legend. */
  shownKeys(): ReturnType<YourDataSession['shownKeys']>;
  /** The timeline's day, for the reader's dated rows. */
  setDate(day: string): void;
  /** Whether a click at this point opens a reader's feature rather than the report's. */
  takesClick(point: maplibregl.Point): boolean;
  destroy(): void;
}

/**
 * Where the reader's layers go: over the areas' tints, which are opaque (src/theme.ts, areaColour)
 * and would hide them, and under every line and label of the report and the basemap.
 */
function aboveAreas(layers: readonly maplibregl.LayerSpecification[]): string | undefined {
  const lastFill = layers.findLastIndex((l) => l.type === 'fill');
  return layers[lastFill + 1]?.id;
}

export function mountYourData(options: {
  map: maplibregl.Map;
  container: HTMLElement;
  legend: HTMLElement;
  textList: HTMLElement;
  styleLayers: readonly maplibregl.LayerSpecification[];
  /** The timeline's day at the start. */
  date: string;
  t: Messages;
}): YourDataMount {
  const { map, container, t } = options;
  let session: Promise<YourDataSession> | undefined;
  let current: YourDataSession | undefined;
  let date = options.date;
  const withSession = (act: (s: YourDataSession) => unknown): void => {
    session ??= import('./your-data.ts').then(({ YourDataSession }) => {
      current = new YourDataSession(
        map,
        panel,
        {
          beforeId: aboveAreas(options.styleLayers),
          reportClickable: clickableLayers(options.styleLayers),
          date,
        },
        t,
        () => markShown(current?.shown() ?? false),
      );
      return current;
    });
    session.then(act).catch((error: unknown) => panel.announce([t.page.partFailed(String(error))]));
  };
  const panel = createYourDataPanel({
    onFiles: (files) => withSession((s) => s.addFiles(files)),
    onToggle: (id, visible) => withSession((s) => s.toggle(id, visible)),
    onRemove: (id) => withSession((s) => s.remove(id)),
    onDownload: (id, format) => withSession((s) => s.download(id, format)),
    onColourBy: (id, column) => withSession((s) => s.colourBy(id, column)),
    t,
  });
  options.legend.append(panel.element);
  options.textList.append(panel.listElement);
  const stopDrops = acceptDrops(container, (files) => withSession((s) => s.addFiles(files)), t);
  map.once('idle', () => withSession((s) => s.restore()));
  return {
    shown: () => current?.shown() ?? false,
    pictureFiles: () => current?.pictureFiles() ?? [],
    shownLayers: () => current?.shownLayers() ?? [],
    shownKeys: () => current?.shownKeys() ?? [],
    setDate(day) {
      date = day;
      current?.setDate(day);
    },
    takesClick: (point) => current?.takesClick(point) ?? false,
    destroy() {
      stopDrops();
      current?.destroy();
      panel.element.remove();
      panel.listElement.remove();
    },
  };
}
