import { signal } from '@angular/core';
import { Observable, Subscription } from 'rxjs';
import { ShownProblem, toShownProblem } from './problem';

export interface RemoteResourceOptions {
  /** Forget the last value when a request fails, instead of keeping it next to the problem. */
  clearOnError?: boolean;
}

/**
 * Something a screen fetches from the API, with the state of fetching it: the last value received,
 * whether a request is running, and what went wrong with the last one. Each `load` cancels the request
 * before it, so a late answer can never overwrite a newer one.
 */
export class RemoteResource<T> {
  private readonly current = signal<T | null>(null);
  private readonly busy = signal(false);
  private readonly failure = signal<ShownProblem | null>(null);
  private request: Subscription | null = null;

  readonly value = this.current.asReadonly();
  readonly loading = this.busy.asReadonly();
  readonly problem = this.failure.asReadonly();

  constructor(private readonly options: RemoteResourceOptions = {}) {}

  load(source: Observable<T>): void {
    this.request?.unsubscribe();
    this.busy.set(true);
    this.failure.set(null);
    this.request = source.subscribe({
      next: (value) => {
        this.current.set(value);
        this.busy.set(false);
      },
      error: (error: unknown) => {
        if (this.options.clearOnError) this.current.set(null);
        this.failure.set(toShownProblem(error));
        this.busy.set(false);
      },
      complete: () => this.busy.set(false),
    });
  }

  /** Changes the value held, e.g. to show one edited item without fetching the whole page again. */
  update(change: (value: T | null) => T | null): void {
    this.current.update(change);
  }
}

export function remoteResource<T>(options?: RemoteResourceOptions): RemoteResource<T> {
  return new RemoteResource<T>(options);
}
