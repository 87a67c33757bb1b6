/**
 * The reader's files, loaded on demand (the first file added, or after the first idle to show the
 * files kept from an earlier visit): read them in the readers' worker, ask their questions, draw
 * them, keep them in IndexedDB, and say what happened in the legend's status line.
 */
import type * as maplibregl from 'maplibre-gl';
import { DEFAULT_BOUNDS } from '../data/default-view.ts';
import { browserStore, fileOf, type StoredFile, YourDataStore } from '../files/your-data-store.ts';
import { type YourFormat, type YourLayer, yourLayerFile } from '../formats/your-data.ts';
import type { Messages } from '../i18n/index.ts';
import type { PictureFile } from '../picture/your-legend.ts';
import { download } from '../ui/download.ts';
import type { YourDataPanel } from '../ui/your-data.ts';
import { askCoordinates, askDateOrder, askSwap, askSwapPositions } from '../ui/your-data-dialogs.ts';
import { paletteColour, problemLine, readLines, skippedLine } from '../ui/your-data-words.ts';
import {
  type ColourScheme,
  colourColumns,
  type LegendEntry,
  legendEntries,
  schemeFor,
} from '../your-data/colour-by.ts';
import { type OpenOptions, openFiles } from '../your-data/open.ts';
import { yourTiles } from '../your-data/tiles.ts';
import type { ReadOptions, ReadResult, YourData } from '../your-data/types.ts';
import { YourDataLayers } from './your-data-layers.ts';

/** Files already read this visit, by id: a change of language draws them again without reading. */
const parsed = new Map<string, YourData>();

/**
 * Every read hands its files to the tile worker, which makes the map's tiles of them. The last of
 * a file's features arrive in a task of their own: the drawing starts in the next one.
 */
async function readFiles(files: readonly File[], options: OpenOptions = {}): Promise<ReadResult[]> {
  const results = await openFiles(files, { ...options, tiles: yourTiles });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return results;
}

/** A read the map will not draw (refused, or read again with the reader's answers): its tiles go. */
const discard = (result: ReadResult | undefined): void => {
  if (result?.ok && result.tiles) yourTiles.drop(result.tiles);
};

const newId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export class YourDataSession {
  private readonly layers: YourDataLayers;
  private readonly store = new YourDataStore(browserStore());
  private readonly kept = new Map<string, StoredFile>();

  constructor(
    map: maplibregl.Map,
    private readonly panel: YourDataPanel,
    options: { beforeId: string | undefined; reportClickable: readonly string[]; date: string },
    private readonly t: Messages,
    private readonly onChange: () => void,
  ) {
    this.layers = new YourDataLayers(map, { ...options, t });
  }

  destroy(): void {
    this.layers.destroy();
  }

  /** Whether any of the reader's layers is shown, for the dialogs that make links. */
  shown(): boolean {
    return [...this.kept.values()].some((f) => f.visible);
  }

  shownLayers(): YourLayer[] {
    return [...this.kept.values()]
      .filter((f) => f.visible)
      .map((f) => ({ name: f.name, features: parsed.get(f.id)?.features ?? [] }));
  }

  /** The shown files as a picture draws, keys and credits them, in the order the map stacks them. */
  pictureFiles(): PictureFile[] {
    return [...this.kept.values()]
      .filter((f) => f.visible)
      .map((f) => {
        const data = parsed.get(f.id);
        const scheme = f.colourBy !== undefined && data ? schemeFor(data.features, f.colourBy) : undefined;
        return {
          name: f.name,
          colour: paletteColour(f.colour),
          features: data?.features ?? [],
          ...(data?.dates ? { dates: data.dates } : {}),
          ...(scheme ? { colourBy: scheme } : {}),
        };
      });
  }

  setDate(day: string): void {
    this.layers.setDate(day);
  }

  takesClick(point: maplibregl.Point): boolean {
    return this.layers.takesClick(point);
  }

  /** Draws the files kept from earlier visits (or from before a change of language). */
  async restore(): Promise<void> {
    const lines: string[] = [];
    for (const stored of await this.store.list().catch(() => [])) {
      let data = parsed.get(stored.id);
      if (!data) {
        const [result] = await readFiles([fileOf(stored)], stored.read ? { read: stored.read } : {});
        if (!result?.ok) {
          if (result) lines.push(problemLine(result.problem, this.t));
          continue;
        }
        data = result;
      }
      this.show(stored, data);
    }
    if (lines.length > 0) this.panel.announce(lines);
  }

  async addFiles(files: readonly File[]): Promise<void> {
    this.panel.announce([this.t.yourData.reading(files.length)]);
    const cancel = new AbortController();
    let results: ReadResult[];
    try {
      results = await readFiles(files, {
        signal: cancel.signal,
        // Only files over a few MB report progress (messages.ts): the rest are read before it matters.
        onProgress: ({ file, stage, loaded, total }) =>
          this.panel.progress(
            this.t.yourData.progress(file, stage, Math.floor((loaded / Math.max(total, 1)) * 100)),
            loaded / Math.max(total, 1),
            () => cancel.abort(),
          ),
      });
    } catch (error) {
      // Cancelled: the worker is gone and nothing of these files was drawn or kept.
      this.panel.announce([
        cancel.signal.aborted ? this.t.yourData.cancelled : this.t.yourData.failed(String(error)),
      ]);
      return;
    }
    const lines: string[] = [];
    const added: string[] = [];
    const drawn = new Set<ReadResult>();
    try {
      await this.addResults(files, results, lines, added, drawn);
    } finally {
      // Whatever stopped the loop, no read it did not draw keeps its tiles in the tile worker.
      for (const result of results) if (!drawn.has(result)) discard(result);
    }
    this.layers.fit(added, DEFAULT_BOUNDS);
    this.panel.announce(lines);
  }

  private async addResults(
    files: readonly File[],
    results: ReadResult[],
    lines: string[],
    added: string[],
    drawn: Set<ReadResult>,
  ): Promise<void> {
    for (const [i, first] of results.entries()) {
      const file = files[i] as File;
      const answered = await this.answer(file, first);
      if (!answered) {
        lines.push(this.t.yourData.notAnswered(file.name));
        continue;
      }
      const { result, read } = answered;
      if (!result.ok) {
        lines.push(problemLine(result.problem, this.t));
        continue;
      }
      const stored: StoredFile = {
        id: newId(),
        name: file.name,
        bytes: file,
        ...(read ? { read } : {}),
        colour: this.nextColour(),
        visible: true,
        added: Date.now(),
      };
      // Drawn first, not after the keeping: a private window may refuse IndexedDB, and WebKit's can
      // take seconds to write a Blob under load. A Remove's delete queues behind this put.
      this.show(stored, result);
      drawn.add(result);
      void this.store.put(stored).catch(() => {});
      lines.push(...readLines(result, this.t));
      added.push(stored.id);
    }
  }

  /**
   * Asks a result's questions, if any, and reads the file again with the answers. A swap once
   * declined is not offered again: the file is kept as read, its rows beyond the world counted.
   */
  private async answer(
    file: File,
    result: ReadResult | undefined,
    swapDeclined = false,
  ): Promise<{ result: ReadResult; read?: ReadOptions } | undefined> {
    if (!result) return undefined;
    const swap = (q: { kind: string }) => q.kind === 'swap' || q.kind === 'swap-positions';
    const questions = result.ok ? result.questions.filter((q) => !(swapDeclined && swap(q))) : [];
    if (questions.length === 0) return { result };
    const read: ReadOptions = {};
    let declined = swapDeclined;
    for (const question of questions) {
      if (question.kind === 'coordinates') {
        const answer = await askCoordinates(file.name, question.columns, this.t);
        if (!answer) return undefined;
        read.coordinates = answer;
      } else if (question.kind === 'swap') {
        const answer = await askSwap(file.name, question, this.t);
        if (answer) read.coordinates = answer;
        else declined = true;
      } else if (question.kind === 'swap-positions') {
        if (await askSwapPositions(file.name, question, this.t)) read.swapPositions = true;
        else declined = true;
      } else {
        const answer = await askDateOrder(file.name, question, this.t);
        if (!answer) return undefined;
        read.dateOrder = answer;
      }
    }
    if (Object.keys(read).length === 0) return { result };
    discard(result);
    const [again] = await readFiles([file], { read });
    // A second read may ask what the first could not (the dates, once the coordinates are known).
    if (again?.ok && again.questions.length > 0) {
      const more = await this.answer(file, again, declined);
      if (!more) discard(again);
      return more && { ...more, read: { ...read, ...more.read } };
    }
    return again && { result: again, read };
  }

  private nextColour(): number {
    const used = new Set([...this.kept.values()].map((f) => f.colour));
    let n = 0;
    while (used.has(n)) n += 1;
    return n;
  }

  private show(stored: StoredFile, data: YourData): void {
    parsed.set(stored.id, data);
    this.kept.set(stored.id, stored);
    const colour = paletteColour(stored.colour);
    // A kept column the file no longer has a value in (read again differently) is one colour again.
    const scheme = stored.colourBy === undefined ? undefined : schemeFor(data.features, stored.colourBy);
    this.layers.add({
      id: stored.id,
      name: stored.name,
      colour,
      data,
      visible: stored.visible,
      ...(scheme ? { colourBy: scheme } : {}),
    });
    this.panel.add({
      id: stored.id,
      name: stored.name,
      count: data.features.length,
      colour,
      visible: stored.visible,
      notes: [
        ...data.skipped.map((s) => skippedLine(s, this.t)),
        ...data.problems.map((p) => problemLine(p, this.t)),
      ],
      columns: colourColumns(data.features, data.columns),
      ...(scheme ? { colourBy: this.keyOf(scheme) } : {}),
    });
    this.onChange();
  }

  private keyOf(scheme: ColourScheme): { column: string; key: LegendEntry[] } {
    return { column: scheme.column, key: legendEntries(scheme, this.t) };
  }

  /** Colours a file by one of its columns, or by its own colour again, and keeps the choice. */
  colourBy(id: string, column: string | undefined): void {
    const stored = this.kept.get(id);
    const data = parsed.get(id);
    if (!stored || !data) return;
    const scheme = column === undefined ? undefined : schemeFor(data.features, column);
    void this.layers
      .setColourBy(id, scheme)
      .catch((error: unknown) => this.panel.announce([this.t.yourData.failed(String(error))]));
    if (scheme) stored.colourBy = scheme.column;
    else delete stored.colourBy;
    this.panel.setColourBy(id, scheme && this.keyOf(scheme), paletteColour(stored.colour));
    void this.store.update(id, { colourBy: stored.colourBy }).catch(() => {});
  }

  toggle(id: string, visible: boolean): void {
    const stored = this.kept.get(id);
    if (!stored) return;
    stored.visible = visible;
    this.layers.setVisible(id, visible);
    void this.store.update(id, { visible }).catch(() => {});
    this.onChange();
  }

  /** One of the reader's layers alone, as a file for another tool. */
  download(id: string, format: YourFormat): void {
    const stored = this.kept.get(id);
    const data = parsed.get(id);
    if (!stored || !data) return;
    const file = yourLayerFile({ name: stored.name, features: data.features }, format);
    download(file.name, new Blob([file.text], { type: file.type }));
  }

  remove(id: string): void {
    const stored = this.kept.get(id);
    if (!stored) return;
    this.kept.delete(id);
    discard(parsed.get(id));
    parsed.delete(id);
    this.layers.remove(id);
    this.panel.remove(id);
    void this.store.remove(id).catch(() => {});
    this.panel.announce([this.t.yourData.removed(stored.name)]);
    this.onChange();
  }
}
