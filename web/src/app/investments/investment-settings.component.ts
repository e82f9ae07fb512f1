import { ChangeDetectionStrategy, Component, effect, input, output, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatInputModule } from '@angular/material/input';
import type { CxInvestmentBudget, CxInvestmentSettings } from '@lodestar/contracts';
import { InlineErrorComponent } from '../shared/page-states.component';
import { BudgetBarComponent } from './budget-bar.component';
import { readAmount, UnitOption } from './investment-format';
import type { InvestmentCapChange } from './investments.service';

const editable = (amount: string) => amount.replace(/\.00$/, '');

/**
 * The CX lead's settings: the amount above which an approver approves too, the default cap per unit and
 * quarter, and one unit's own cap for a quarter (or back to the default).
 */
@Component({
  selector: 'ls-investment-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    BudgetBarComponent,
    InlineErrorComponent,
  ],
  template: `
    <div class="columns">
      <form class="block" (ngSubmit)="saveSettings()" aria-labelledby="approval-settings-title">
        <h3 id="approval-settings-title">Approval settings</h3>
        <div class="row">
          <mat-form-field>
            <mat-label>Second approval above (€)</mat-label>
            <input
              matInput
              name="threshold"
              inputmode="decimal"
              [ngModel]="threshold()"
              (ngModelChange)="threshold.set($event)"
            />
            <mat-hint>An approver approves too above this</mat-hint>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Default cap per unit and quarter (€)</mat-label>
            <input
              matInput
              name="defaultCap"
              inputmode="decimal"
              [ngModel]="defaultCap()"
              (ngModelChange)="defaultCap.set($event)"
            />
            <mat-hint>Approved costs and relief together</mat-hint>
          </mat-form-field>
        </div>
        @if (settingsProblem(); as problem) {
          <ls-inline-error [detail]="problem" />
        }
        <div class="ls-actions">
          <button mat-stroked-button type="submit" [disabled]="busy()">Save settings</button>
          <span class="ls-muted" role="status">{{ settingsNotice() }}</span>
        </div>
      </form>

      <form class="block" (ngSubmit)="saveCap(false)" aria-labelledby="unit-cap-title">
        <h3 id="unit-cap-title">A unit's own cap</h3>
        <div class="row">
          <mat-form-field>
            <mat-label>Unit</mat-label>
            <mat-select [ngModel]="capUnit()" (ngModelChange)="pick($event, capQuarter())" name="capUnit">
              @for (unit of units(); track unit.key) {
                <mat-option [value]="unit.key">
                  <span [style.padding-left.px]="unit.depth * 14">{{ unit.name }}</span>
                </mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Quarter</mat-label>
            <mat-select [ngModel]="capQuarter()" (ngModelChange)="pick(capUnit(), $event)" name="capQuarter">
              @for (quarter of quarters(); track quarter) {
                <mat-option [value]="quarter">{{ quarter }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Cap (€)</mat-label>
            <input
              matInput
              name="cap"
              inputmode="decimal"
              [ngModel]="cap()"
              (ngModelChange)="cap.set($event)"
            />
          </mat-form-field>
        </div>
        <ls-budget-bar [budget]="capBudget()" [label]="capUnitName() + ' · ' + capQuarter()" />
        @if (capProblem(); as problem) {
          <ls-inline-error [detail]="problem" />
        }
        <div class="ls-actions">
          <button mat-stroked-button type="submit" [disabled]="busy() || !capUnit()">Set the cap</button>
          <button mat-button type="button" [disabled]="busy() || !capUnit()" (click)="saveCap(true)">
            Use the default
          </button>
        </div>
      </form>
    </div>
  `,
  styles: `
    :host {
      display: block;
      padding: 0 16px 16px;
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(360px, 1fr));
      gap: 16px 32px;
    }
    .block {
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    h3 {
      font-size: 0.9rem;
      font-weight: 600;
      margin: 0 0 4px;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 4px 12px;
    }
  `,
})
export class InvestmentSettingsComponent {
  readonly settings = input.required<CxInvestmentSettings | null>();
  readonly units = input.required<UnitOption[]>();
  readonly quarters = input.required<string[]>();
  readonly capBudget = input<CxInvestmentBudget | null>(null);
  readonly busy = input(false);
  readonly settingsProblem = input<string | null>(null);
  readonly capProblem = input<string | null>(null);
  readonly settingsNotice = input('');
  readonly saveSettingsRequest = output<CxInvestmentSettings>();
  readonly saveCapRequest = output<InvestmentCapChange>();
  /** The unit and quarter whose budget is shown (the page fetches it). */
  readonly capTarget = output<{ orgUnit: string; quarter: string }>();

  protected readonly threshold = signal('');
  protected readonly defaultCap = signal('');
  protected readonly cap = signal('');
  protected readonly capUnit = signal('');
  protected readonly capQuarter = signal('');

  constructor() {
    effect(() => {
      const settings = this.settings();
      if (!settings) return;
      this.threshold.set(editable(settings.secondApprovalAbove));
      this.defaultCap.set(editable(settings.defaultQuarterCap));
    });
    effect(() => {
      const quarter = this.quarters()[0];
      const unit = this.units()[0]?.key;
      untracked(() => {
        if (!this.capQuarter() && quarter && unit) this.pick(this.capUnit() || unit, quarter);
      });
    });
    effect(() => {
      const budget = this.capBudget();
      if (budget) this.cap.set(editable(budget.cap));
    });
  }

  protected capUnitName(): string {
    return this.units().find((unit) => unit.key === this.capUnit())?.name ?? '';
  }

  protected pick(orgUnit: string, quarter: string): void {
    this.capUnit.set(orgUnit);
    this.capQuarter.set(quarter);
    if (orgUnit && quarter) this.capTarget.emit({ orgUnit, quarter });
  }

  protected saveSettings(): void {
    const threshold = readAmount(this.threshold(), false);
    const cap = readAmount(this.defaultCap(), false);
    if ('problem' in threshold || 'problem' in cap) {
      this.saveSettingsRequest.emit({
        secondApprovalAbove: this.threshold(),
        defaultQuarterCap: this.defaultCap(),
      });
      return;
    }
    this.saveSettingsRequest.emit({ secondApprovalAbove: threshold.amount, defaultQuarterCap: cap.amount });
  }

  protected saveCap(useDefault: boolean): void {
    if (useDefault) {
      this.saveCapRequest.emit({ orgUnit: this.capUnit(), quarter: this.capQuarter(), cap: null });
      return;
    }
    const cap = readAmount(this.cap(), false);
    this.saveCapRequest.emit({
      orgUnit: this.capUnit(),
      quarter: this.capQuarter(),
      cap: 'amount' in cap ? cap.amount : this.cap(),
    });
  }
}
