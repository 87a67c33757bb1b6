/**
 * The reader's files, kept in this browser's IndexedDB (through idb-keyval) until Remove, so that a
 * reload, an offline visit and a change of language show them again. What is kept is the file itself
 * (its bytes as a Blob, its name) and the reader's answers to its questions, not the parsed features:
 * the bytes are usually smaller than the features they become (KMZ and zipped Shapefiles most of
 * all), IndexedDB stores a Blob as it is, and a file read again benefits from the readers' fixes.
 */
import { createStore, del, get, set, values } from 'idb-keyval';
import type { ReadOptions } from '../your-data/types.ts';

export interface StoredFile {
  /** Unique in the store; also the map's source id's suffix. */
  id: string;
  name: string;
  bytes: Blob;
  /** The answers given to the file's questions (coordinate columns, date order). */
  read?: ReadOptions;
  /** Index into the palette, kept so the file keeps its colour across visits. */
  colour: number;
  visible: boolean;
  /** The column the reader colours it by, if any: kept so a reload colours it the same. */
  colourBy?: string;
  /** When it was added (ms since 1970): the legend's order. */
  added: number;
}

/** The little of a key–value store this needs: idb-keyval's, or a Map in the unit tests. */
export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  values(): Promise<unknown[]>;
}

/** The browser's store: its own database, apart from the service worker's caches. */
export function browserStore(): KeyValue {
  const store = createStore('your-data', 'files');
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    values: () => values(store),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A stored value as a StoredFile, or undefined for anything else (an older or damaged entry). */
export function storedFile(value: unknown): StoredFile | undefined {
  if (!isObject(value)) return undefined;
  const { id, name, bytes, read, colour, visible, added, colourBy } = value;
  if (typeof id !== 'string' || typeof name !== 'string' || !(bytes instanceof Blob)) return undefined;
  if (typeof colour !== 'number' || typeof visible !== 'boolean' || typeof added !== 'number')
    return undefined;
  return {
    id,
    name,
    bytes,
    colour,
    visible,
    added,
    ...(isObject(read) ? { read: read as ReadOptions } : {}),
    ...(typeof colourBy === 'string' ? { colourBy } : {}),
  };
}

export class YourDataStore {
  constructor(private readonly store: KeyValue) {}

  /** Every kept file, oldest first; entries that do not read as one are left out. */
  async list(): Promise<StoredFile[]> {
    const all = (await this.store.values()).map(storedFile);
    return all.filter((f): f is StoredFile => f !== undefined).sort((a, b) => a.added - b.added);
  }

  put(file: StoredFile): Promise<void> {
    return this.store.set(file.id, file);
  }

  /** Changes what is kept of one file (its visibility, its colouring), if it is still kept. */
  async update(id: string, change: Partial<Pick<StoredFile, 'visible' | 'colourBy'>>): Promise<void> {
    const found = storedFile(await this.store.get(id));
    if (found) await this.store.set(id, { ...found, ...change });
  }

  remove(id: string): Promise<void> {
    return this.store.del(id);
  }
}

/** The stored bytes as a File again, for the readers. */
export const fileOf = (stored: StoredFile): File => new File([stored.bytes], stored.name);
