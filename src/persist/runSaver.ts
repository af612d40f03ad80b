/**
 * Writes the saved run off the training path: `save` returns at once; one write runs at a time, and
 * a run that arrives while one is under way replaces any still waiting (only the newest matters). A
 * failing write (a full quota, storage refused) is reported once, in plain words, and training goes on
 * in memory; every success is reported too (the page shows the iteration saved last).
 */
import { describeStorageError, type RunDatabase } from './runDatabase';
import { savedIteration, type SavedRun } from './savedRun';

/** What a write came to. */
export type SaveReport =
  | { ok: true; iteration: number }
  | { ok: false; message: string };

/** Coalescing writer of the saved run (see the file comment). */
export class RunSaver {
  private database: Promise<RunDatabase> | null = null;
  private pending: SavedRun | null = null;
  private writing: Promise<void> | null = null;
  private failing = false;
  /** Off until the page has settled what happens to an earlier saved run (resume or discard). */
  enabled = false;

  constructor(private readonly open: () => Promise<RunDatabase>, private readonly report: (report: SaveReport) => void) {}

  private db(): Promise<RunDatabase> {
    // A failed open is retried at the next write (the user may have freed storage meanwhile).
    this.database ??= this.open().catch((error: unknown) => {
      this.database = null;
      throw error;
    });
    return this.database;
  }

  /** Queues a write of `run` (when saving is on); returns at once. */
  save(run: SavedRun): void {
    if (!this.enabled) return;
    this.pending = run;
    this.writing ??= this.drain();
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const run = this.pending;
      this.pending = null;
      try {
        await (await this.db()).write(run);
        this.report({ ok: true, iteration: savedIteration(run) });
        this.failing = false;
      } catch (error) {
        if (!this.failing) {
          this.report({ ok: false, message: `The run is no longer saved (${describeStorageError(error)}); training goes on, but a reload would lose it.` });
        }
        this.failing = true;
      }
    }
    this.writing = null;
  }

  /** The stored record as it is, or undefined. */
  async read(): Promise<unknown> {
    return (await this.db()).read();
  }

  /** Removes the stored record (after any write under way). */
  async clear(): Promise<void> {
    this.pending = null;
    await this.writing;
    await (await this.db()).clear();
  }

  /** Resolves when no write is under way or waiting. */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }
}
