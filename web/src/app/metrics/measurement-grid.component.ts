import { OverlayModule, type ConnectedPosition } from '@angular/cdk/overlay';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import type { MeasurementGrid, MeasurementGridCell } from '@lodestar/contracts';
import { formatMonthLabel } from '../shared/format';
import { MeasurementDraft, MeasurementEditorComponent } from './measurement-editor.component';
import {
  AGGREGATION_LABELS,
  cellTitle,
  formatMeasurement,
  hasValue,
  MeasuredMetric,
  monthValue,
} from './measurement-format';

/** A month of a unit: where a grid cell sits. */
export interface CellRef {
  orgUnit: string;
  period: string;
}

/** A cell to edit, with the character typed on it when typing started the edit. */
export interface EditRequest extends CellRef {
  initial: string | null;
}

interface CellView {
  text: string;
  title: string;
  restated: boolean;
  version: number;
  empty: boolean;
}

interface RowView {
  orgUnit: string;
  name: string;
  depth: number;
  total: string;
  cells: CellView[];
}

/** Characters that start typing a value into a focused cell, as in a spreadsheet. */
const TYPING = /^[0-9.,-]$/;

const EDITOR_POSITIONS: ConnectedPosition[] = [
  { originX: 'start', originY: 'bottom', overlayX: 'start', overlayY: 'top', offsetY: 4 },
  { originX: 'end', originY: 'bottom', overlayX: 'end', overlayY: 'top', offsetY: 4 },
  { originX: 'start', originY: 'top', overlayX: 'start', overlayY: 'bottom', offsetY: -4 },
  { originX: 'end', originY: 'top', overlayX: 'end', overlayY: 'bottom', offsetY: -4 },
];

/**
 * A metric's year as a spreadsheet: units in tree order down the side, months across, and the year's
 * total by the metric's own aggregation (from the API). Cells are focusable; arrow keys, Home and End
 * move between them; Enter, F2, a click or typing a number opens the inline editor.
 */
@Component({
  selector: 'ls-measurement-grid',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [OverlayModule, MeasurementEditorComponent],
  template: `
    <div class="scroll">
      <table class="grid" role="grid" [attr.aria-label]="label()" data-testid="measurement-grid">
        <thead>
          <tr>
            <th scope="col" class="unit">Unit</th>
            @for (month of grid().months; track month) {
              <th scope="col" class="num" [title]="monthName(month)">{{ month }}</th>
            }
            <th scope="col" class="num total" [title]="totalTitle()">
              {{ grid().period }}
              <span class="how">{{ aggregation() }}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.orgUnit; let r = $index) {
            <tr [class.company]="row.depth === 0" [class.function]="row.depth === 1">
              <th scope="row" class="unit" [style.padding-left.px]="8 + row.depth * 14" [title]="row.name">
                <span class="name">{{ row.name }}</span>
              </th>
              @for (cell of row.cells; track $index; let c = $index) {
                <td
                  role="gridcell"
                  class="cell num"
                  [class.empty]="cell.empty"
                  [class.active]="isActive(r, c)"
                  [class.editing]="isEditing(r, c)"
                  [attr.tabindex]="isActive(r, c) ? 0 : -1"
                  [attr.aria-selected]="isSelected(r, c)"
                  [attr.data-unit]="row.orgUnit"
                  [attr.data-month]="grid().months[c]"
                  [attr.data-r]="r"
                  [attr.data-c]="c"
                  [attr.data-version]="cell.version || null"
                  [title]="cell.title"
                  (focus)="focused(r, c)"
                  (click)="open(r, c, null)"
                  (keydown)="keydown($event, r, c)"
                >
                  <span>{{ cell.text }}</span>
                  @if (cell.restated) {
                    <span class="ls-visually-hidden">, restated (version {{ cell.version }})</span
                    ><span class="restated" aria-hidden="true" data-testid="restated"></span>
                  }
                </td>
              }
              <td class="num total" [title]="row.name + ' · ' + grid().period + ' · ' + aggregation()">
                {{ row.total }}
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>

    @if (editorOrigin(); as origin) {
      @if (editing(); as edit) {
        <ng-template
          cdkConnectedOverlay
          [cdkConnectedOverlayOrigin]="origin"
          [cdkConnectedOverlayOpen]="true"
          [cdkConnectedOverlayPositions]="positions"
          [cdkConnectedOverlayHasBackdrop]="true"
          [cdkConnectedOverlayDisableClose]="true"
          cdkConnectedOverlayBackdropClass="cdk-overlay-transparent-backdrop"
          (backdropClick)="cancelEdit.emit()"
        >
          <ls-measurement-editor
            [metric]="metric()"
            [unitName]="unitNameOf(edit.orgUnit)"
            [month]="edit.period"
            [cell]="cellAt(edit)"
            [initial]="edit.initial"
            [saving]="saving()"
            [problem]="saveProblem()"
            (saveDraft)="saveDraft.emit($event)"
            (cancelEdit)="cancelEdit.emit()"
          />
        </ng-template>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .scroll {
      overflow: auto;
      max-height: calc(100vh - 140px);
    }
    .grid {
      border-collapse: separate;
      border-spacing: 0;
      width: 100%;
      font-size: 0.8rem;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      height: 30px;
      padding: 0 4px;
      border-bottom: 1px solid var(--ls-border);
      white-space: nowrap;
    }
    thead th {
      position: sticky;
      top: 0;
      z-index: 2;
      height: 38px;
      background: var(--mat-sys-surface-container);
      font-size: 0.75rem;
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
      text-align: right;
    }
    thead th.unit {
      text-align: left;
      z-index: 3;
    }
    th.unit {
      position: sticky;
      left: 0;
      z-index: 1;
      text-align: left;
      font-weight: 400;
      background: var(--mat-sys-surface);
      border-right: 1px solid var(--ls-border);
    }
    th.unit .name {
      display: block;
      max-width: 140px;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    tr.company th.unit,
    tr.function th.unit {
      font-weight: 600;
    }
    tr.company td,
    tr.company th {
      background: var(--mat-sys-surface-container-low);
    }
    .num {
      text-align: right;
      min-width: 48px;
    }
    .how {
      display: block;
      font-size: 0.7rem;
      font-weight: 400;
      line-height: 1.1;
    }
    td.total,
    th.total {
      padding: 0 8px;
      border-left: 1px solid var(--ls-border);
      font-weight: 600;
      background: var(--mat-sys-surface-container-low);
    }
    td.cell {
      position: relative;
      cursor: cell;
      outline: none;
    }
    td.cell:hover {
      background: var(--mat-sys-surface-container-high);
    }
    td.cell.empty {
      color: var(--mat-sys-outline);
    }
    td.cell[aria-selected='true'] {
      box-shadow: inset 0 0 0 2px var(--mat-sys-outline);
    }
    td.cell:focus-visible,
    td.cell.editing {
      box-shadow: inset 0 0 0 2px var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .restated {
      position: absolute;
      top: 0;
      right: 0;
      width: 0;
      height: 0;
      border-top: 7px solid var(--ls-warn);
      border-left: 7px solid transparent;
    }
  `,
})
export class MeasurementGridComponent {
  readonly grid = input.required<MeasurementGrid>();
  readonly metric = input.required<MeasuredMetric>();
  readonly selected = input<CellRef | null>(null);
  readonly editing = input<EditRequest | null>(null);
  readonly saving = input(false);
  readonly saveProblem = input<string | null>(null);

  readonly selectCell = output<CellRef>();
  readonly editCell = output<EditRequest>();
  readonly saveDraft = output<MeasurementDraft>();
  readonly cancelEdit = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly positions = EDITOR_POSITIONS;
  /** The cell that takes Tab focus (roving tabindex): the selected one, else the first. */
  private readonly active = signal({ r: 0, c: 0 });
  protected readonly editorOrigin = signal<HTMLElement | null>(null);

  protected readonly aggregation = computed(() => AGGREGATION_LABELS[this.metric().aggregation]);
  protected readonly label = computed(
    () =>
      `${this.metric().name} per unit and month, ${this.grid().period}. Arrow keys move; Enter edits a month.`,
  );
  protected readonly totalTitle = computed(
    () =>
      `${this.grid().period} by the metric's own aggregation (${this.aggregation()}), from each unit's own months`,
  );
  protected readonly rows = computed<RowView[]>(() => {
    const grid = this.grid();
    const metric = this.metric();
    return grid.rows.map((row) => ({
      orgUnit: row.orgUnit,
      name: row.name,
      depth: row.depth,
      total: row.total === null ? '' : formatMeasurement(row.total, metric),
      cells: grid.months.map((month, index) => {
        const cell = row.cells[index] ?? null;
        const filled = hasValue(cell);
        return {
          text: filled && cell ? formatMeasurement(monthValue(cell, metric), metric) : '–',
          title: cellTitle(cell, metric, row.name, month),
          restated: !!cell && filled && cell.version > 1,
          version: cell?.version ?? 0,
          empty: !filled,
        };
      }),
    }));
  });
  private readonly positionOf = computed(() => {
    const grid = this.grid();
    return {
      rows: new Map(grid.rows.map((row, index) => [row.orgUnit, index])),
      months: new Map(grid.months.map((month, index) => [month, index])),
    };
  });

  constructor() {
    // The selection from outside (a link, a save) moves the roving focus target with it.
    effect(() => {
      const selected = this.selected();
      const at = selected ? this.indexOf(selected) : null;
      if (at) untracked(() => this.active.set(at));
    });
    // The editor hangs below the cell it edits; when it closes, the focus goes back to that cell.
    let wasEditing = false;
    effect(() => {
      const editing = this.editing();
      this.rows();
      untracked(() => {
        if (editing) {
          const at = this.indexOf(editing);
          this.editorOrigin.set(at ? this.cellElement(at.r, at.c) : null);
        } else {
          this.editorOrigin.set(null);
          if (wasEditing) {
            const { r, c } = this.active();
            setTimeout(() => this.cellElement(r, c)?.focus());
          }
        }
        wasEditing = editing !== null;
      });
    });
  }

  protected monthName(month: string): string {
    return formatMonthLabel(month, 'long');
  }

  protected isActive(r: number, c: number): boolean {
    const active = this.active();
    return active.r === r && active.c === c;
  }

  protected isSelected(r: number, c: number): boolean {
    const selected = this.selected();
    if (!selected) return false;
    const at = this.indexOf(selected);
    return !!at && at.r === r && at.c === c;
  }

  protected isEditing(r: number, c: number): boolean {
    const editing = this.editing();
    if (!editing) return false;
    const at = this.indexOf(editing);
    return !!at && at.r === r && at.c === c;
  }

  protected unitNameOf(orgUnit: string): string {
    return this.grid().rows.find((row) => row.orgUnit === orgUnit)?.name ?? orgUnit;
  }

  protected cellAt(ref: CellRef): MeasurementGridCell | null {
    const at = this.indexOf(ref);
    return at ? (this.grid().rows[at.r].cells[at.c] ?? null) : null;
  }

  protected focused(r: number, c: number): void {
    this.active.set({ r, c });
    const ref = this.refAt(r, c);
    const selected = this.selected();
    if (ref && (selected?.orgUnit !== ref.orgUnit || selected.period !== ref.period))
      this.selectCell.emit(ref);
  }

  protected open(r: number, c: number, initial: string | null): void {
    const ref = this.refAt(r, c);
    if (!ref) return;
    this.active.set({ r, c });
    this.editCell.emit({ ...ref, initial });
  }

  protected keydown(event: KeyboardEvent, r: number, c: number): void {
    const lastRow = this.grid().rows.length - 1;
    const lastColumn = this.grid().months.length - 1;
    switch (event.key) {
      case 'ArrowUp':
        return this.move(event, r - 1, c);
      case 'ArrowDown':
        return this.move(event, r + 1, c);
      case 'ArrowLeft':
        return this.move(event, r, c - 1);
      case 'ArrowRight':
        return this.move(event, r, c + 1);
      case 'Home':
        return this.move(event, event.ctrlKey ? 0 : r, 0);
      case 'End':
        return this.move(event, event.ctrlKey ? lastRow : r, lastColumn);
      case 'Enter':
      case 'F2':
        event.preventDefault();
        return this.open(r, c, null);
    }
    if (TYPING.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.open(r, c, event.key === ',' ? '' : event.key);
    }
  }

  private move(event: KeyboardEvent, r: number, c: number): void {
    event.preventDefault();
    const grid = this.grid();
    const row = Math.max(0, Math.min(grid.rows.length - 1, r));
    const column = Math.max(0, Math.min(grid.months.length - 1, c));
    this.active.set({ r: row, c: column });
    this.cellElement(row, column)?.focus();
  }

  private cellElement(r: number, c: number): HTMLElement | null {
    return this.host.querySelector<HTMLElement>(`td[data-r="${r}"][data-c="${c}"]`);
  }

  private refAt(r: number, c: number): CellRef | null {
    const grid = this.grid();
    const row = grid.rows[r];
    const period = grid.months[c];
    return row && period ? { orgUnit: row.orgUnit, period } : null;
  }

  private indexOf(ref: CellRef): { r: number; c: number } | null {
    const { rows, months } = this.positionOf();
    const r = rows.get(ref.orgUnit);
    const c = months.get(ref.period);
    return r === undefined || c === undefined ? null : { r, c };
  }
}
