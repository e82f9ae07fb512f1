import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PlanVersionStatus } from '@lodestar/contracts';
import { IconComponent } from '../shared/icon.component';
import { PLAN_STATUS_INFO } from './plan-format';

/** A version's status as a word and an icon on its colour (never colour alone). */
@Component({
  selector: 'ls-plan-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent],
  template: `
    <span
      class="ls-status-chip"
      [attr.data-status]="info().chip"
      [attr.title]="info().hint"
      data-testid="plan-status"
    >
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
export class PlanStatusChipComponent {
  readonly status = input.required<PlanVersionStatus>();
  protected readonly info = computed(() => PLAN_STATUS_INFO[this.status()]);
}
