import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { PeriodGroup, periodOptionText } from '../metrics/period-options';

/** A fiscal year or quarter to show a scorecard for. */
@Component({
  selector: 'ls-scorecard-period-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field class="period">
      <mat-label>Period</mat-label>
      <mat-select
        [value]="value()"
        (valueChange)="changed.emit($event)"
        [disabled]="!groups().length"
        [panelWidth]="null"
      >
        @for (group of groups(); track group.fiscalYear) {
          <mat-optgroup [label]="group.fiscalYear">
            @for (option of group.options; track option.label) {
              <mat-option [value]="option.label">
                <span [style.padding-left.px]="option.depth * 14">{{ text(option) }}</span>
              </mat-option>
            }
          </mat-optgroup>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .period {
      width: 340px;
      max-width: 100%;
    }
  `,
})
export class ScorecardPeriodPickerComponent {
  readonly groups = input.required<PeriodGroup[]>();
  readonly value = input.required<string | null>();
  readonly changed = output<string>();

  protected readonly text = periodOptionText;
}
