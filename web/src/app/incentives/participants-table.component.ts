import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { PlanParticipant, PlanParticipantInput } from '@lodestar/contracts';
import { Decimal } from 'decimal.js';
import { filter } from 'rxjs';
import type { UnitOption } from '../investments/investment-format';
import { parseDecimalInput } from '../metrics/measurement-format';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { formatDate, MONEY_CURRENCY } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { formatMoneyWhole } from './plan-format';

/** The row being edited: an existing participant's index, or a new one. */
type Editing = { index: number } | { index: 'new' };

interface RowForm {
  email: string;
  orgUnit: string;
  bonus: string;
  start: string;
  end: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function participantInput(participant: PlanParticipant): PlanParticipantInput {
  return {
    user: participant.user.email,
    orgUnit: participant.orgUnit.key,
    annualTargetBonus: participant.annualTargetBonus,
    startDate: participant.startDate,
    endDate: participant.endDate,
  };
}

/** Why a typed row cannot be saved, one sentence per field; empty when it can. */
export function rowProblems(form: RowForm, others: readonly PlanParticipantInput[]): string[] {
  const problems: string[] = [];
  const email = form.email.trim().toLowerCase();
  if (!EMAIL.test(email)) problems.push('Type the person’s e-mail address, such as vp.sales@example.com.');
  if (!form.orgUnit) problems.push('Choose the unit whose results count for this person.');
  const bonus = parseDecimalInput(form.bonus);
  if (bonus === null || new Decimal(bonus).isNegative()) {
    problems.push('Type the annual target bonus as an amount such as 40000.');
  }
  if (!ISO_DATE.test(form.start)) problems.push('Choose the date the person joins the plan.');
  if (form.end && !ISO_DATE.test(form.end)) problems.push('Choose a valid end date, or leave it empty.');
  if (ISO_DATE.test(form.start) && ISO_DATE.test(form.end) && form.end < form.start) {
    problems.push('The end date must not be before the start date.');
  }
  const overlapping = others.some(
    (other) =>
      other.user.toLowerCase() === email &&
      ISO_DATE.test(form.start) &&
      (other.endDate === null || other.endDate === undefined || other.endDate >= form.start) &&
      (!form.end || form.end >= other.startDate),
  );
  if (overlapping)
    problems.push(`${form.email.trim()} already takes part in these dates; end one participation first.`);
  return problems;
}

/**
 * The participants of a version: person, unit whose results count, annual target bonus, start and
 * end dates. HR adds, edits and removes rows on a draft; each change is sent as the whole list.
 */
@Component({
  selector: 'ls-participants-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, MatButtonModule, IconComponent],
  template: `
    <div class="scroll">
      <table class="ls-data-table grid" data-testid="participants-table">
        <caption class="ls-visually-hidden">
          Participants of the version with their unit, annual target bonus and dates
        </caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Results of</th>
            <th scope="col" class="ls-num">Annual target bonus</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
            @if (!readOnly()) {
              <th scope="col"><span class="ls-visually-hidden">Actions</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (participant of participants(); track participant.id; let i = $index) {
            @if (isEditing(i)) {
              <ng-container *ngTemplateOutlet="formRow" />
            } @else {
              <tr>
                <th scope="row">
                  <span class="name">{{ participant.user.name }}</span>
                  <span class="ls-muted email">{{ participant.user.email }}</span>
                </th>
                <td>{{ participant.orgUnit.name }}</td>
                <td class="ls-num">{{ money(participant.annualTargetBonus) }}</td>
                <td>{{ date(participant.startDate) }}</td>
                <td>{{ participant.endDate ? date(participant.endDate) : 'Still in the plan' }}</td>
                @if (!readOnly()) {
                  <td class="actions">
                    <button
                      mat-icon-button
                      type="button"
                      [disabled]="busy() || editing() !== null"
                      [attr.aria-label]="'Edit ' + participant.user.name"
                      (click)="edit(i)"
                    >
                      <ls-icon name="edit" />
                    </button>
                    <button
                      mat-icon-button
                      type="button"
                      [disabled]="busy() || editing() !== null"
                      [attr.aria-label]="'Remove ' + participant.user.name"
                      (click)="remove(i)"
                    >
                      <ls-icon name="delete" />
                    </button>
                  </td>
                }
              </tr>
            }
          } @empty {
            @if (editing()?.index !== 'new') {
              <tr>
                <td colspan="6" class="ls-muted">
                  No participants yet{{
                    readOnly() ? '.' : ': add them one by one or import a CSV file below.'
                  }}
                </td>
              </tr>
            }
          }
          @if (editing()?.index === 'new') {
            <ng-container *ngTemplateOutlet="formRow" />
          }
        </tbody>
        @if (participants().length) {
          <tfoot>
            <tr>
              <th scope="row" colspan="2">
                {{ participants().length }} {{ participants().length === 1 ? 'participant' : 'participants' }}
              </th>
              <td class="ls-num" data-testid="participants-total">{{ totalBonus() }}</td>
              <td colspan="3"></td>
            </tr>
          </tfoot>
        }
      </table>
    </div>

    <ng-template #formRow>
      <tr class="form" data-testid="participant-form">
        <th scope="row">
          <input
            type="email"
            autocomplete="off"
            aria-label="E-mail address of the participant"
            [value]="form().email"
            (input)="set('email', $any($event.target).value)"
          />
        </th>
        <td>
          <select aria-label="Unit whose results count" (change)="set('orgUnit', $any($event.target).value)">
            <option value="" [selected]="!form().orgUnit">Choose a unit</option>
            @for (unit of units(); track unit.key) {
              <option [value]="unit.key" [selected]="unit.key === form().orgUnit">
                {{ indent(unit.depth) }}{{ unit.name }}
              </option>
            }
          </select>
        </td>
        <td class="ls-num">
          <input
            type="text"
            class="number"
            inputmode="decimal"
            autocomplete="off"
            [attr.aria-label]="'Annual target bonus in ' + currency()"
            [value]="form().bonus"
            (input)="set('bonus', $any($event.target).value)"
          />
        </td>
        <td>
          <input
            type="date"
            aria-label="In the plan from"
            [value]="form().start"
            (input)="set('start', $any($event.target).value)"
          />
        </td>
        <td>
          <input
            type="date"
            aria-label="In the plan until, empty while still in it"
            [value]="form().end"
            (input)="set('end', $any($event.target).value)"
          />
        </td>
        <td class="actions">
          <button mat-flat-button type="button" [disabled]="busy()" (click)="saveRow()">
            {{ busy() ? 'Saving…' : 'Save' }}
          </button>
          <button mat-button type="button" [disabled]="busy()" (click)="cancel()">Cancel</button>
        </td>
      </tr>
      @if (tried() && problems().length) {
        <tr>
          <td colspan="6">
            <ul class="problems" role="alert" data-testid="participant-problems">
              @for (problem of problems(); track problem) {
                <li>{{ problem }}</li>
              }
            </ul>
          </td>
        </tr>
      }
    </ng-template>

    @if (!readOnly()) {
      <div class="ls-actions add">
        <button mat-stroked-button type="button" [disabled]="busy() || editing() !== null" (click)="addRow()">
          <ls-icon name="add" />Add a participant
        </button>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .scroll {
      overflow-x: auto;
    }
    .grid {
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    .grid th,
    .grid td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--ls-border);
      text-align: left;
      font-weight: 400;
      white-space: nowrap;
    }
    .grid thead th {
      font-size: 0.78rem;
      font-weight: 600;
      color: var(--mat-sys-on-surface-variant);
    }
    .grid .ls-num {
      text-align: right;
    }
    tfoot th,
    tfoot td {
      font-weight: 600 !important;
      border-bottom: none !important;
    }
    .name {
      display: block;
      font-weight: 500;
    }
    .email {
      font-size: 0.78rem;
    }
    .actions {
      white-space: nowrap;
    }
    input,
    select {
      padding: 4px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      font: inherit;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    input[type='email'] {
      width: 210px;
    }
    .number {
      width: 100px;
      text-align: right;
    }
    .problems {
      margin: 0;
      padding: 8px 10px 8px 28px;
      border-radius: 8px;
      background: var(--ls-bad-container);
      color: var(--ls-bad);
      white-space: normal;
    }
    .add {
      margin-top: 10px;
    }
  `,
})
export class ParticipantsTableComponent {
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  readonly participants = input.required<PlanParticipant[]>();
  readonly units = input.required<UnitOption[]>();
  readonly readOnly = input(false);
  /** A change is on its way to the server: rows cannot be changed meanwhile. */
  readonly busy = input(false);
  readonly currency = input(MONEY_CURRENCY);
  /** The whole new list; the form stays open until the list given back changes. */
  readonly participantsChange = output<PlanParticipantInput[]>();

  protected readonly editing = signal<Editing | null>(null);
  protected readonly form = signal<RowForm>({ email: '', orgUnit: '', bonus: '', start: '', end: '' });
  protected readonly tried = signal(false);

  private readonly others = computed(() => {
    const editing = this.editing();
    return this.participants()
      .filter((_, i) => !editing || editing.index !== i)
      .map(participantInput);
  });
  protected readonly problems = computed(() => rowProblems(this.form(), this.others()));

  protected readonly totalBonus = computed(() => {
    const total = this.participants().reduce(
      (sum, participant) => sum.plus(new Decimal(participant.annualTargetBonus)),
      new Decimal(0),
    );
    return formatMoneyWhole(total.toFixed(2), this.currency());
  });

  constructor() {
    // A list given back (saved) closes the form.
    effect(() => {
      this.participants();
      untracked(() => {
        this.editing.set(null);
        this.tried.set(false);
      });
    });
  }

  protected money(value: string): string {
    return formatMoneyWhole(value, this.currency());
  }

  protected date(day: string): string {
    return formatDate(day);
  }

  protected indent(depth: number): string {
    return '\u00a0\u00a0'.repeat(depth);
  }

  protected isEditing(index: number): boolean {
    return this.editing()?.index === index;
  }

  protected set(field: keyof RowForm, value: string): void {
    this.form.update((form) => ({ ...form, [field]: value }));
  }

  protected edit(index: number): void {
    const participant = this.participants()[index];
    if (!participant) return;
    this.form.set({
      email: participant.user.email,
      orgUnit: participant.orgUnit.key,
      bonus: participant.annualTargetBonus,
      start: participant.startDate,
      end: participant.endDate ?? '',
    });
    this.tried.set(false);
    this.editing.set({ index });
  }

  protected addRow(): void {
    this.form.set({ email: '', orgUnit: '', bonus: '', start: '', end: '' });
    this.tried.set(false);
    this.editing.set({ index: 'new' });
  }

  protected cancel(): void {
    this.editing.set(null);
    this.tried.set(false);
  }

  protected saveRow(): void {
    const editing = this.editing();
    if (!editing || this.busy()) return;
    this.tried.set(true);
    if (this.problems().length) return;
    const form = this.form();
    const row: PlanParticipantInput = {
      user: form.email.trim().toLowerCase(),
      orgUnit: form.orgUnit,
      annualTargetBonus: parseDecimalInput(form.bonus) ?? form.bonus,
      startDate: form.start,
      endDate: form.end || null,
    };
    const rows = this.participants().map(participantInput);
    if (editing.index === 'new') rows.push(row);
    else rows[editing.index] = row;
    this.participantsChange.emit(rows);
  }

  protected remove(index: number): void {
    const participant = this.participants()[index];
    if (!participant) return;
    const data: ConfirmDialogData = {
      title: `Remove ${participant.user.name} from this version?`,
      message: `${participant.user.name} (${participant.orgUnit.name}) is no longer a participant of this draft. Other versions keep their participants.`,
      confirm: 'Remove',
    };
    this.dialog
      .open(ConfirmDialogComponent, { data, width: '440px' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() =>
        this.participantsChange.emit(
          this.participants()
            .filter((_, i) => i !== index)
            .map(participantInput),
        ),
      );
  }
}
