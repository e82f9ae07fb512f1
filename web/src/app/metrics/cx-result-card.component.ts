import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { CxResult } from '@lodestar/contracts';
import { IconComponent } from '../shared/icon.component';
import { cxCardText } from './cx-format';

/** One CX result: the value as read, its 95 % margin, the sample size, and a warning on small samples. */
@Component({
  selector: 'ls-cx-result-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent],
  template: `
    @let card = text();
    <section class="card" [attr.aria-labelledby]="id() + '-title'" [attr.data-metric]="result().metric">
      <header>
        <h3 [id]="id() + '-title'">{{ card.title }}</h3>
        <span class="subtitle">{{ card.subtitle }}</span>
      </header>
      @if (result().n > 0) {
        <p class="figure">
          <span class="value" data-testid="cx-value">{{ card.value }}</span>
          @if (card.margin) {
            <span class="margin" title="95 % margin of error"
              >{{ card.margin }}<span class="ls-visually-hidden"> (95 % margin of error)</span></span
            >
          }
        </p>
        <p class="sample">{{ card.sample }}</p>
        <p class="detail">{{ card.detail }}</p>
        @if (result().insufficientSample) {
          <p class="badge" role="note">
            <ls-icon name="warning" />
            <span><strong>Insufficient sample</strong> · {{ card.insufficient }}</span>
          </p>
        }
      } @else {
        <p class="figure"><span class="value none">—</span></p>
        <p class="sample">{{ card.sample }}</p>
        <p class="detail">No {{ card.title }} answers in this period.</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .card {
      height: 100%;
      box-sizing: border-box;
      padding: 14px 16px 16px;
      border: 1px solid var(--ls-border);
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
    header {
      display: flex;
      align-items: baseline;
      gap: 8px;
      flex-wrap: wrap;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      font-weight: 600;
    }
    .subtitle {
      color: var(--ls-muted);
      font-size: 0.8rem;
    }
    p {
      margin: 0;
    }
    .figure {
      display: flex;
      align-items: baseline;
      gap: 10px;
      margin-top: 6px;
      white-space: nowrap;
    }
    .value {
      font-size: 2.25rem;
      line-height: 1.15;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface);
    }
    .value.none {
      color: var(--ls-muted);
    }
    .margin {
      font-size: 1rem;
      color: var(--ls-muted);
      font-variant-numeric: tabular-nums;
    }
    .sample {
      margin-top: 2px;
      font-variant-numeric: tabular-nums;
    }
    .detail {
      margin-top: 6px;
      font-size: 0.85rem;
      color: var(--ls-muted);
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      margin-top: 10px;
      padding: 4px 10px;
      border-radius: 999px;
      background: var(--ls-warn-container);
      color: var(--ls-warn);
      font-size: 0.85rem;
      --ls-icon-size: 16px;
    }
  `,
})
export class CxResultCardComponent {
  readonly result = input.required<CxResult>();
  protected readonly text = computed(() => cxCardText(this.result()));
  protected readonly id = computed(() => `cx-card-${this.result().metric}`);
}
