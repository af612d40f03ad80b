/**
 * Which tab owns the saved run. Every tab of the page would otherwise write the same IndexedDB record,
 * each over the other's run, and a reload would resume whichever wrote last. One tab at a time holds a
 * Web Lock (`navigator.locks`, named `empg-playground-saved-run`) and only that tab saves. Another tab
 * trains without saving until it takes the saved run over (`steal`: the owner is told it lost it). A
 * waiting tab does not take the lock by itself when it comes free, so the owner keeps its saved run
 * across its own reload. Without the Web Locks API every tab owns it, as before.
 */

const LOCK = 'empg-playground-saved-run';

/** This tab's claim on the saved run (see the file comment). */
export class RunOwnership {
  private held = false;
  /** The browser refused locks here (an opaque origin, say): every tab saves, as without the API. */
  private refused = false;

  /** `lost` is called when another tab takes the saved run over: this tab must stop saving. */
  constructor(private readonly lost: () => void, private readonly locks: LockManager | undefined = globalThis.navigator?.locks) {}

  /** Whether this tab owns the saved run now. */
  get owner(): boolean {
    return this.held || !this.locks || this.refused;
  }

  /**
   * Takes the lock if no other tab holds it; resolves whether this tab owns the saved run. A lock held
   * when the page starts may be this tab's own, from the document a reload is replacing, whose release
   * can arrive a moment later: the claim waits up to `graceMs` for it before giving up.
   */
  async claim(graceMs = 2_000): Promise<boolean> {
    if (this.owner || await this.request({ ifAvailable: true })) return true;
    return this.request({ signal: AbortSignal.timeout(graceMs) });
  }

  /** Takes the lock, from the tab holding it if there is one (that tab is told through its `lost`). */
  async takeOver(): Promise<void> {
    if (!this.owner) await this.request({ steal: true });
  }

  /**
   * Asks for the lock and, once granted, holds it for the page's life (the callback's promise never
   * settles). Resolves whether this tab owns the saved run; a lock stolen later calls `lost`.
   */
  private request(options: LockOptions): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      let granted = false;
      this.locks!.request(LOCK, options, (lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        granted = true;
        this.held = true;
        resolve(true);
        return new Promise<void>(() => undefined);
      }).catch(() => {
        if (granted) {
          // Stolen by another tab (an AbortError): the only way a lock held for the page's life ends.
          this.held = false;
          this.lost();
        } else if (options.signal?.aborted) {
          resolve(false);
        } else {
          this.refused = true;
          resolve(true);
        }
      });
    });
  }
}
