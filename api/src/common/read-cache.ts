import { Injectable } from '@nestjs/common';

/** What a cached read depends on; a write to one of them drops every entry that used it. */
export type CacheTopic =
  | 'org'
  | 'calendar'
  | 'voc'
  | 'measurements'
  | 'targets'
  | 'scorecards'
  | 'sessions'
  // plan versions, participants, pay overrides, inquiries' adjustments, closed and released quarters
  | 'incentives';

interface Entry {
  value: Promise<unknown>;
  generation: string;
  expires: number;
  refreshing?: boolean;
}

export interface ReadCacheOptions {
  /**
   * When only the time limit has passed (no write in this process changed the topics), answer
   * with the value in hand and refresh it in the background, so readers never wait for a
   * recomputation that is only a guard against other processes' writes.
   */
  serveStale?: boolean;
}

/**
 * A small in-process cache for reads that are asked far more often than their data changes
 * (the org tree, the fiscal calendar, CX results). Writers in this process call `changed()`
 * after they commit, which retires the entries at once; `ttlMs` bounds how long a change made
 * by another process (a second API instance, a script writing SQL) can go unseen.
 */
@Injectable()
export class ReadCache {
  private readonly generations = new Map<CacheTopic, number>();
  private readonly entries = new Map<string, Entry>();
  private static readonly MAX_ENTRIES = 10_000;

  changed(...topics: CacheTopic[]): void {
    for (const topic of topics) this.generations.set(topic, (this.generations.get(topic) ?? 0) + 1);
  }

  /** The current generation of these topics: it differs from an earlier one once any of them changed. */
  generation(topics: readonly CacheTopic[]): string {
    return topics.map((topic) => this.generations.get(topic) ?? 0).join('.');
  }

  get<T>(
    key: string,
    topics: CacheTopic[],
    ttlMs: number,
    load: () => Promise<T>,
    options: ReadCacheOptions = {},
  ): Promise<T> {
    const generation = this.generation(topics);
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.generation === generation) {
      if (hit.expires > now) return hit.value as Promise<T>;
      if (options.serveStale) {
        if (!hit.refreshing) this.refresh(key, hit, ttlMs, load);
        return hit.value as Promise<T>;
      }
    }
    if (this.entries.size >= ReadCache.MAX_ENTRIES) this.entries.clear();
    const value = load();
    const entry: Entry = { value, generation, expires: now + ttlMs };
    this.entries.set(key, entry);
    // a failed read is not remembered
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  private refresh<T>(key: string, stale: Entry, ttlMs: number, load: () => Promise<T>): void {
    stale.refreshing = true;
    load().then(
      (value) => {
        // a write in this process meanwhile replaced or retired the entry: leave that one alone
        if (this.entries.get(key) === stale) {
          this.entries.set(key, {
            value: Promise.resolve(value),
            generation: stale.generation,
            expires: Date.now() + ttlMs,
          });
        }
      },
      () => {
        stale.refreshing = false; // keep serving the value in hand; try again on the next read
      },
    );
  }
}
