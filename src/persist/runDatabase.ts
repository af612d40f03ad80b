/**
 * Where the saved run lives: one record in the browser's IndexedDB (database `empg-playground`, store
 * `runs`, key `current`), through the `idb` wrapper. Works the same in the page and in the worker;
 * storage errors become plain sentences (a full quota, a storage the browser refuses).
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { SavedRun } from './savedRun';

const DATABASE = 'empg-playground';
const STORE = 'runs';
const KEY = 'current';

/** The saved run's storage. */
export interface RunDatabase {
  /** The stored record as it is (check it with `parseSavedRun`), or undefined when there is none. */
  read(): Promise<unknown>;
  /** Replaces the stored record. */
  write(run: SavedRun): Promise<void>;
  /** Removes the stored record. */
  clear(): Promise<void>;
}

/** Opens the storage; throws with a plain sentence when the browser offers none or refuses it. */
export async function openRunDatabase(): Promise<RunDatabase> {
  if (typeof indexedDB === 'undefined') throw new Error('this browser gives the page no IndexedDB storage');
  let db: IDBPDatabase;
  try {
    db = await openDB(DATABASE, 1, { upgrade: (database) => { database.createObjectStore(STORE); } });
  } catch (error) {
    throw new Error(describeStorageError(error));
  }
  return {
    read: () => db.get(STORE, KEY),
    write: async (run) => { await db.put(STORE, run, KEY); },
    clear: () => db.delete(STORE, KEY),
  };
}

/** A storage error in plain words: what happened and what it means for the run. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as Error).name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return 'the browser\'s storage quota for this site is full (free space in the browser\'s site settings)';
  }
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'UnknownError') {
    return `the browser refuses this site IndexedDB storage (${name}: ${message}; a private window or blocked site data)`;
  }
  return message || 'IndexedDB failed';
}
