import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { IntegerPipe } from '../shared/format.pipes';
import type { OrgSummary } from './org-tree';

@Component({
  selector: 'ls-org-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IntegerPipe],
  template: `
    <dl class="tiles">
      <div class="tile">
        <dt>Units</dt>
        <dd>{{ summary().units | lsInteger }}</dd>
      </div>
      <div class="tile">
        <dt>Functions</dt>
        <dd>{{ summary().functions | lsInteger }}</dd>
      </div>
      <div class="tile">
        <dt>People</dt>
        <dd>{{ summary().people | lsInteger }}</dd>
      </div>
    </dl>
  `,
  styles: `
    .tiles {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 200px));
      gap: 12px;
      margin: 0;
    }
    .tile {
      padding: 12px 16px;
      border: 1px solid var(--ls-border);
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      text-transform: uppercase;
      letter-spacing: 0.4px;
    }
    dd {
      margin: 4px 0 0;
      font: var(--mat-sys-headline-small);
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class OrgSummaryComponent {
  readonly summary = input.required<OrgSummary>();
}
