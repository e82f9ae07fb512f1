import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { CxInvestmentStatus } from '@lodestar/contracts';
import { IconComponent } from '../shared/icon.component';
import { STATUS_INFO } from './investment-format';

/** A CX investment's status as a word and an icon on its colour, never colour alone. */
@Component({
  selector: 'ls-investment-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent],
  template: `
    <span class="ls-status-chip" [attr.data-status]="info().tone" data-testid="investment-status">
      <ls-icon [name]="info().icon" />
      <span>{{ info().label }}</span>
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
  `,
})
export class InvestmentStatusChipComponent {
  readonly status = input.required<CxInvestmentStatus>();

  protected readonly info = computed(() => STATUS_INFO[this.status()]);
}
