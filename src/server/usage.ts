/**
 * How many uploads each token has been used for, so that one signature cannot attach more files
 * than the limit it binds. In memory, per process: entries leave once their token has expired.
 */

interface Entry {
  count: number;
  /** Milliseconds; after this the token no longer verifies, so its count is not needed. */
  expiresAt: number;
}

const SWEEP_INTERVAL_MS = 60_000;

export class UsageCounter {
  #entries = new Map<string, Entry>();
  #nextSweep = 0;

  /**
   * Takes one slot for token `id` before its upload is read, so that concurrent uploads cannot
   * overtake the count. False when all `max` slots are taken.
   */
  reserve(id: string, max: number, expiresAt: number, now = Date.now()): boolean {
    this.#sweep(now);
    const entry = this.#entries.get(id) ?? { count: 0, expiresAt };
    if (entry.count >= max) return false;
    entry.count += 1;
    this.#entries.set(id, entry);
    return true;
  }

  /** Gives a slot back: the upload failed, and the file may be tried again. */
  release(id: string): void {
    const entry = this.#entries.get(id);
    if (entry) entry.count = Math.max(0, entry.count - 1);
  }

  get size(): number {
    return this.#entries.size;
  }

  #sweep(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + SWEEP_INTERVAL_MS;
    for (const [id, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(id);
    }
  }
}
