import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Status } from '@lodestar/contracts';
import { IconComponent } from '../shared/icon.component';
import { INSUFFICIENT_SAMPLE, STATUS_INFO } from './scorecard-format';

/** A status as a word and an icon on its colour (never colour alone), or "Insufficient sample". */
@Component({
  selector: 'ls-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent],
  template: `
    @if (shown(); as chip) {
      <span class="ls-status-chip" [attr.data-status]="chip.status" data-testid="status-chip">
        <ls-icon [name]="chip.icon" />
        <span>{{ chip.label }}</span>
      </span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
    }
  `,
})
export class StatusChipComponent {
  readonly status = input<Status | null>(null);
  readonly insufficient = input(false);

  protected readonly shown = computed(() => {
    if (this.insufficient())
      return { status: 'insufficient', icon: 'warning' as const, label: INSUFFICIENT_SAMPLE };
    const status = this.status();
    if (!status) return null;
    return { status, icon: STATUS_INFO[status].icon, label: STATUS_INFO[status].label };
  });
}
