import { afterNextRender, DestroyRef, ElementRef, inject, Signal, signal } from '@angular/core';

/**
 * The width of the component's host element in pixels, kept up to date while it lives; 0 until the
 * first render. Charts are sized with it, since ngx-charts only measures itself on window resizes.
 * Call it in an injection context (a field initialiser or the constructor).
 */
export function hostWidth(fallback = 640): Signal<number> {
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  const destroyRef = inject(DestroyRef);
  const width = signal(0);
  afterNextRender(() => {
    width.set(Math.floor(host.clientWidth) || fallback);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (next > 0 && next !== width()) width.set(next);
    });
    observer.observe(host);
    destroyRef.onDestroy(() => observer.disconnect());
  });
  return width.asReadonly();
}
