import { OverlayModule, type ConnectedPosition } from '@angular/cdk/overlay';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { IconComponent } from '../shared/icon.component';
import { TargetEditorComponent } from './target-editor.component';
import {
  BandDraft,
  cellHint,
  DIRECTION_INFO,
  PeriodColumn,
  TargetCellRef,
  TargetCellView,
  TargetGroupView,
  TargetRowView,
} from './target-format';

const EDITOR_POSITIONS: ConnectedPosition[] = [
  { originX: 'start', originY: 'bottom', overlayX: 'start', overlayY: 'top', offsetY: 4 },
  { originX: 'end', originY: 'bottom', overlayX: 'end', overlayY: 'top', offsetY: 4 },
  { originX: 'start', originY: 'top', overlayX: 'start', overlayY: 'bottom', offsetY: -4 },
  { originX: 'end', originY: 'top', overlayX: 'end', overlayY: 'bottom', offsetY: -4 },
];

/**
 * A fiscal year's targets: a group of rows per unit, a row per metric, the year and its four
 * quarters across, each cell threshold · target · stretch. A quarter (or a sum metric's year)
 * without its own target shows the band that applies to it, muted, with where it comes from.
 * Cells are focusable; arrow keys, Home and End move; Enter, F2 or a click opens the inline
 * editor, Delete asks to remove a target set for that period.
 */
@Component({
  selector: 'ls-target-grid',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [OverlayModule, IconComponent, TargetEditorComponent],
  template: `
    <div class="scroll">
      <table class="grid" role="grid" [attr.aria-label]="label()" data-testid="target-grid">
        <thead>
          <tr>
            <th scope="col" class="metric">Unit and metric</th>
            @for (column of columns(); track column.label) {
              <th scope="col" class="period" [class.year]="column.kind === 'year'" [title]="column.span">
                {{ column.short }}
                <span class="span">{{ column.span }}</span>
              </th>
            }
          </tr>
        </thead>
        @for (group of groups(); track group.orgUnit) {
          <tbody>
            <tr class="unit-row">
              <th scope="rowgroup" [attr.colspan]="columns().length + 1" data-testid="unit-group">
                {{ group.unitName }}
              </th>
            </tr>
            @for (row of group.rows; track row.key) {
              <tr [attr.data-row]="row.orgUnit + '/' + row.metric.key">
                <th scope="row" class="metric">
                  <span class="name" [title]="row.metric.name">{{ row.metric.name }}</span>
                  <span class="direction" data-testid="direction">
                    <ls-icon [name]="direction(row).icon" />{{ direction(row).label }}
                  </span>
                </th>
                @for (cell of row.cells; track cell.period; let c = $index) {
                  <td
                    role="gridcell"
                    class="cell"
                    [class.year]="cell.kind === 'year'"
                    [class.inherited]="cell.inherited"
                    [class.none]="!cell.band"
                    [class.editable]="editable()"
                    [class.editing]="isEditing(row, cell)"
                    [attr.tabindex]="isActive(rowIndex(row), c) ? 0 : -1"
                    [attr.data-unit]="row.orgUnit"
                    [attr.data-metric]="row.metric.key"
                    [attr.data-period]="cell.period"
                    [attr.data-own]="cell.own ? '' : null"
                    [attr.data-r]="rowIndex(row)"
                    [attr.data-c]="c"
                    [title]="cell.title"
                    (focus)="active.set({ r: rowIndex(row), c })"
                    (click)="open(rowIndex(row), c)"
                    (keydown)="keydown($event, rowIndex(row), c)"
                  >
                    @if (cell.band) {
                      <span class="band" data-testid="band">{{ cell.text }}</span>
                    } @else {
                      <span class="band" data-testid="band" aria-hidden="true">{{ cell.text }}</span>
                      <span class="ls-visually-hidden">no target</span>
                    }
                    @if (cell.basis) {
                      <span class="basis" data-testid="basis">{{ cell.basis }}</span>
                    }
                    @if (editable()) {
                      <span class="ls-visually-hidden">. {{ hint(cell) }}</span>
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        }
      </table>
    </div>

    @if (editorOrigin(); as origin) {
      @if (editingCell(); as edit) {
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
          <ls-target-editor
            [metric]="edit.row.metric"
            [unitName]="edit.row.unitName"
            [cell]="edit.cell"
            [saving]="saving()"
            [saveProblem]="saveProblem()"
            (saveBand)="saveBand.emit($event)"
            (remove)="removeTarget.emit(edit.ref)"
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
      max-height: calc(100vh - 120px);
    }
    .grid {
      border-collapse: separate;
      border-spacing: 0;
      width: 100%;
      min-width: 860px;
      /* equal quarters whatever their numbers; a long band (money) wraps at its dots */
      table-layout: fixed;
      font-size: 0.8rem;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 3px 8px;
      border-bottom: 1px solid var(--ls-border);
      white-space: nowrap;
      text-align: left;
    }
    thead th {
      position: sticky;
      top: 0;
      z-index: 2;
      height: 40px;
      background: var(--mat-sys-surface-container);
      font-size: 0.78rem;
      font-weight: 600;
      color: var(--mat-sys-on-surface-variant);
    }
    thead .span {
      display: block;
      font-size: 0.7rem;
      font-weight: 400;
    }
    th.metric {
      width: 224px;
      font-weight: 400;
    }
    tbody th.metric {
      padding-left: 18px;
    }
    .name {
      display: block;
      max-width: 224px;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .direction {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      font-size: 0.72rem;
      color: var(--ls-muted);
      --ls-icon-size: 14px;
    }
    .unit-row th {
      padding-top: 8px;
      padding-bottom: 4px;
      background: var(--mat-sys-surface-container-low);
      font-weight: 600;
      font-size: 0.82rem;
      color: var(--mat-sys-on-surface);
    }
    td.cell {
      position: relative;
      height: 34px;
      outline: none;
    }
    td.cell.year,
    th.year {
      border-right: 1px solid var(--ls-border);
    }
    td.cell.year {
      font-weight: 600;
    }
    td.cell.editable {
      cursor: cell;
    }
    td.cell.editable:hover {
      background: var(--mat-sys-surface-container-high);
    }
    .band {
      display: block;
      white-space: normal;
    }
    td.inherited .band,
    td.none .band {
      color: var(--ls-muted);
      font-weight: 400;
    }
    td.none .band {
      color: var(--mat-sys-outline);
    }
    .basis {
      display: block;
      font-size: 0.7rem;
      line-height: 1.1;
      color: var(--ls-muted);
      font-style: italic;
    }
    td.cell:focus-visible,
    td.cell.editing {
      box-shadow: inset 0 0 0 2px var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
  `,
})
export class TargetGridComponent {
  readonly groups = input.required<TargetGroupView[]>();
  readonly columns = input.required<PeriodColumn[]>();
  /** False for readers: cells can be focused and read, not edited. */
  readonly editable = input(true);
  readonly editing = input<TargetCellRef | null>(null);
  readonly saving = input(false);
  readonly saveProblem = input<string | null>(null);

  readonly editCell = output<TargetCellRef>();
  readonly saveBand = output<BandDraft>();
  readonly removeTarget = output<TargetCellRef>();
  readonly cancelEdit = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly positions = EDITOR_POSITIONS;
  /** The cell that takes Tab focus (roving tabindex). */
  protected readonly active = signal({ r: 0, c: 0 });
  protected readonly editorOrigin = signal<HTMLElement | null>(null);

  protected readonly rows = computed(() => this.groups().flatMap((group) => group.rows));
  private readonly indexOfRow = computed(() => new Map(this.rows().map((row, index) => [row.key, index])));
  protected readonly label = computed(() => {
    const year = this.columns()[0]?.label ?? '';
    const keys = this.editable() ? ' Arrow keys move; Enter edits a cell.' : ' Arrow keys move.';
    return `Targets for ${year} and its quarters: threshold, target and stretch per unit and metric.${keys}`;
  });
  /** The row and cell being edited, when they are on screen. */
  protected readonly editingCell = computed(() => {
    const ref = this.editing();
    if (!ref) return null;
    const row = this.rows().find(
      (candidate) => candidate.orgUnit === ref.orgUnit && candidate.metric.key === ref.metric,
    );
    const cell = row?.cells.find((candidate) => candidate.period === ref.period);
    return row && cell ? { row, cell, ref } : null;
  });

  constructor() {
    // The editor hangs below the cell it edits (placed once the cell is drawn); when it closes,
    // the focus goes back to that cell.
    let wasEditing = false;
    afterRenderEffect(() => {
      const editing = this.editingCell();
      if (editing) {
        const r = this.indexOfRow().get(editing.row.key) ?? 0;
        const c = editing.row.cells.indexOf(editing.cell);
        const element = this.cellElement(r, c);
        if (this.editorOrigin() !== element) {
          this.active.set({ r, c });
          this.editorOrigin.set(element);
        }
      } else {
        if (this.editorOrigin()) this.editorOrigin.set(null);
        if (wasEditing) {
          const { r, c } = this.active();
          this.cellElement(r, c)?.focus();
        }
      }
      wasEditing = editing !== null;
    });
  }

  protected direction(row: TargetRowView) {
    return DIRECTION_INFO[row.metric.direction];
  }

  protected rowIndex(row: TargetRowView): number {
    return this.indexOfRow().get(row.key) ?? 0;
  }

  protected hint(cell: TargetCellView): string {
    return cellHint(cell);
  }

  protected isActive(r: number, c: number): boolean {
    const active = this.active();
    return active.r === r && active.c === c;
  }

  protected isEditing(row: TargetRowView, cell: TargetCellView): boolean {
    const ref = this.editing();
    return (
      !!ref && ref.orgUnit === row.orgUnit && ref.metric === row.metric.key && ref.period === cell.period
    );
  }

  protected open(r: number, c: number): void {
    this.active.set({ r, c });
    const ref = this.refAt(r, c);
    if (ref && this.editable()) this.editCell.emit(ref);
  }

  protected keydown(event: KeyboardEvent, r: number, c: number): void {
    const lastRow = this.rows().length - 1;
    const lastColumn = this.columns().length - 1;
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
        return this.open(r, c);
      case 'Delete': {
        const ref = this.refAt(r, c);
        const own = this.rows()[r]?.cells[c]?.own;
        if (ref && own && this.editable()) {
          event.preventDefault();
          this.removeTarget.emit(ref);
        }
      }
    }
  }

  private move(event: KeyboardEvent, r: number, c: number): void {
    event.preventDefault();
    const row = Math.max(0, Math.min(this.rows().length - 1, r));
    const column = Math.max(0, Math.min(this.columns().length - 1, c));
    this.active.set({ r: row, c: column });
    this.cellElement(row, column)?.focus();
  }

  private cellElement(r: number, c: number): HTMLElement | null {
    return this.host.querySelector<HTMLElement>(`td[data-r="${r}"][data-c="${c}"]`);
  }

  private refAt(r: number, c: number): TargetCellRef | null {
    const row = this.rows()[r];
    const cell = row?.cells[c];
    return row && cell ? { orgUnit: row.orgUnit, metric: row.metric.key, period: cell.period } : null;
  }
}
