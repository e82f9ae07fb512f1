import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { CxInvestmentBudget } from '@lodestar/contracts';
import { budgetShare, budgetText, formatInvestmentAmount } from './investment-format';

/** A unit's quarter budget for CX investments: approved so far against the cap, as a bar and in words. */
@Component({
  selector: 'ls-budget-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (budget(); as shown) {
      <div class="budget" data-testid="budget">
        <div class="head">
          <span class="what">{{ label() || shown.quarter + ' budget' }}</span>
          <span class="text" data-testid="budget-text">{{ text() }}</span>
        </div>
        <div
          class="bar"
          role="meter"
          aria-valuemin="0"
          [attr.aria-valuemax]="cap()"
          [attr.aria-valuenow]="approved()"
          [attr.aria-valuetext]="text()"
          [attr.aria-label]="(label() || shown.quarter + ' budget') + ', approved against the cap'"
        >
          <span class="fill" [class.full]="share() >= 100" [style.width.%]="share()"></span>
          @if (pending(); as extra) {
            <span
              class="extra"
              [class.over]="over()"
              [style.left.%]="share()"
              [style.width.%]="extraShare()"
              [attr.title]="'This one: ' + extra"
            ></span>
          }
        </div>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      min-width: 220px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 8px;
      font-size: 0.78rem;
      margin-bottom: 3px;
    }
    .what {
      font-weight: 600;
      white-space: nowrap;
    }
    .text {
      white-space: nowrap;
      color: var(--ls-muted);
      font-variant-numeric: tabular-nums;
    }
    .bar {
      position: relative;
      height: 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .fill,
    .extra {
      position: absolute;
      top: 0;
      bottom: 0;
    }
    .fill {
      left: 0;
      background: var(--mat-sys-primary);
    }
    .fill.full {
      background: var(--ls-bad);
    }
    .extra {
      background: repeating-linear-gradient(135deg, var(--mat-sys-primary) 0 3px, transparent 3px 6px);
      opacity: 0.6;
    }
    .extra.over {
      background: repeating-linear-gradient(135deg, var(--ls-bad) 0 3px, transparent 3px 6px);
      opacity: 1;
    }
  `,
})
export class BudgetBarComponent {
  readonly budget = input.required<CxInvestmentBudget | null>();
  /** The amount waiting for a decision, drawn hatched after what is approved. */
  readonly pendingAmount = input<string | null>(null);
  readonly label = input('');

  protected readonly share = computed(() => {
    const budget = this.budget();
    return budget ? budgetShare(budget) : 0;
  });
  protected readonly cap = computed(() => Number(this.budget()?.cap ?? 0));
  protected readonly approved = computed(() => Number(this.budget()?.approved ?? 0));
  protected readonly text = computed(() => {
    const budget = this.budget();
    return budget ? budgetText(budget) : '';
  });
  protected readonly pending = computed(() => {
    const amount = this.pendingAmount();
    return amount ? formatInvestmentAmount(amount) : null;
  });
  protected readonly over = computed(() => {
    const budget = this.budget();
    const amount = Number(this.pendingAmount() ?? 0);
    return !!budget && amount > Number(budget.remaining);
  });
  protected readonly extraShare = computed(() => {
    const cap = this.cap();
    const amount = Number(this.pendingAmount() ?? 0);
    if (!(cap > 0)) return 0;
    return Math.max(0, Math.min(100 - this.share(), (100 * amount) / cap));
  });
}
