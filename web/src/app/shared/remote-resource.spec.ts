import { HttpErrorResponse } from '@angular/common/http';
import { Subject } from 'rxjs';
import { remoteResource } from './remote-resource';

describe('remoteResource', () => {
  it('is loading while a request runs and then holds its value', () => {
    const resource = remoteResource<string[]>();
    const response = new Subject<string[]>();
    expect(resource.value()).toBeNull();
    expect(resource.loading()).toBe(false);

    resource.load(response);
    expect(resource.loading()).toBe(true);
    expect(resource.problem()).toBeNull();

    response.next(['a', 'b']);
    expect(resource.value()).toEqual(['a', 'b']);
    expect(resource.loading()).toBe(false);
  });

  it('keeps the detail of a problem+json error and stops loading', () => {
    const resource = remoteResource<string>();
    const response = new Subject<string>();
    resource.load(response);

    response.error(
      new HttpErrorResponse({
        status: 403,
        error: { title: 'Forbidden', status: 403, detail: 'Only HR can see pay data.' },
      }),
    );
    expect(resource.problem()).toEqual({ detail: 'Only HR can see pay data.', errors: [], status: 403 });
    expect(resource.loading()).toBe(false);
  });

  it('keeps the last value on error, and clears the problem when loading again', () => {
    const keeping = remoteResource<number>();
    const first = new Subject<number>();
    keeping.load(first);
    first.next(1);
    const failing = new Subject<number>();
    keeping.load(failing);
    failing.error(new HttpErrorResponse({ status: 500 }));
    expect(keeping.value()).toBe(1);
    expect(keeping.problem()?.status).toBe(500);

    keeping.load(new Subject<number>());
    expect(keeping.problem()).toBeNull();
  });

  it('forgets the last value on error when told to', () => {
    const clearing = remoteResource<number>({ clearOnError: true });
    const ok = new Subject<number>();
    clearing.load(ok);
    ok.next(1);
    const bad = new Subject<number>();
    clearing.load(bad);
    bad.error(new HttpErrorResponse({ status: 500 }));
    expect(clearing.value()).toBeNull();
  });

  it('cancels an earlier request, so its late answer cannot overwrite a newer one', () => {
    const resource = remoteResource<string>();
    const older = new Subject<string>();
    const newer = new Subject<string>();
    resource.load(older);
    resource.load(newer);
    expect(older.observed).toBe(false);

    newer.next('page 2');
    older.next('page 1');
    older.error(new HttpErrorResponse({ status: 500 }));
    expect(resource.value()).toBe('page 2');
    expect(resource.problem()).toBeNull();
    expect(resource.loading()).toBe(false);
  });

  it('lets a caller change the value held', () => {
    const resource = remoteResource<number[]>();
    const response = new Subject<number[]>();
    resource.load(response);
    response.next([1, 2]);
    resource.update((items) => items?.map((item) => item * 10) ?? null);
    expect(resource.value()).toEqual([10, 20]);
  });
});
