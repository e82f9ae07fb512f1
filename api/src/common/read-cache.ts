import { Injectable } from '@nestjs/common';

/** What a cached read depends on; a write to one of them drops every entry that used it. */
export type CacheTopic = 'org' | 'calendar' | 'voc' | 'measurements' | 'targets' | 'scorecards' | 'sessions';

interface Entry {
  value: Promise<unknown>;
  generation: string;
  expires: number;
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

  get<T>(key: string, topics: CacheTopic[], ttlMs: number, load: () => Promise<T>): Promise<T> {
    const generation = topics.map((topic) => this.generations.get(topic) ?? 0).join('.');
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.generation === generation && hit.expires > now) return hit.value as Promise<T>;
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
}
