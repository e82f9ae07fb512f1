import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ActionPlan } from '@lodestar/contracts';
import { formatInteger } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import {
  GridCell,
  GridColumn,
  GridRow,
  INSUFFICIENT_SAMPLE,
  STATUS_INFO,
  WITHIN_MARGIN,
} from './scorecard-format';

interface Position {
  row: number;
  column: number;
}

/**
 * The scorecard grid: a row per unit (the total first), the commercial columns (each row's primary
 * metric and its margin or budget) beside the CX index and the CX metrics. Each cell shows the
 * actual, the target, the status as a word and an icon on its colour, a trend sparkline, and markers
 * for a result within its margin of error of the target and for an insufficient sample. Each cell
 * carries its full sentence for screen readers; arrow keys move between cells and the line under the
 * grid spells out the one in focus (or under the pointer). A row's name, a click on the row, or Enter
 * on one of its cells opens that unit's scorecard.
 */
@Component({
  selector: 'ls-scorecard-grid',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, IconComponent],
  template: `
    <div class="scroll">
      <table class="grid" data-testid="scorecard-grid">
        <caption class="ls-visually-hidden">
          {{
            caption()
          }}. Each cell gives the actual, the target, the status and the trend; arrow keys move between cells.
        </caption>
        <colgroup>
          <col class="unit-col" />
          @for (column of columns(); track column.id) {
            <col />
          }
        </colgroup>
        <thead>
          <tr class="groups">
            <td class="corner"></td>
            <th scope="colgroup" colspan="2" class="group commercial">Commercial</th>
            <th scope="colgroup" [attr.colspan]="columns().length - 2" class="group cx group-start">
              Customer experience
            </th>
          </tr>
          <tr>
            <th scope="col" class="unit">Unit</th>
            @for (column of columns(); track column.id) {
              <th scope="col" [class.group-start]="column.groupStart" [attr.data-column]="column.id">
                <span [attr.title]="column.fullName" aria-hidden="true">{{ column.label }}</span>
                <span class="ls-visually-hidden">{{ column.fullName }}</span>
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.key; let r = $index) {
            <tr
              [class.total]="row.total"
              [class.linked]="row.key !== currentKey()"
              [attr.data-unit]="row.key"
              (click)="openRow(row, $event)"
            >
              <th scope="row" class="unit">
                @if (row.key !== currentKey()) {
                  <a
                    [routerLink]="['/scorecards', row.key]"
                    [queryParams]="{ period: period() }"
                    class="name"
                    >{{ row.name }}</a
                  >
                } @else {
                  <span class="name">{{ row.name }}</span>
                }
                <span class="who">
                  @if (row.leader) {
                    {{ row.leader }} ·
                  }
                  {{ people(row.headcount) }}
                </span>
              </th>
              @for (cell of row.cells; track cell.columnId; let c = $index) {
                <td
                  [class.group-start]="columns()[c].groupStart"
                  [attr.data-column]="cell.columnId"
                  [attr.data-status]="cell.insufficient ? 'insufficient' : (cell.status ?? 'none')"
                  [attr.tabindex]="isActive(r, c) ? 0 : -1"
                  (focus)="onFocus(r, c)"
                  (keydown)="onKeydown($event)"
                  (mouseenter)="shown.set({ row: r, column: c })"
                  (mouseleave)="shown.set(focused())"
                >
                  <span class="ls-visually-hidden"
                    >{{ cell.summary
                    }}{{ hasPlan(row.key, cell.metric) ? ' An action plan is open on it.' : '' }}</span
                  >
                  <div class="cell" aria-hidden="true">
                    @if (cell.caption) {
                      <span class="caption">{{ cell.caption }}</span>
                    }
                    <span class="value-line">
                      @if (cell.insufficient) {
                        <span
                          class="badge"
                          data-status="insufficient"
                          data-testid="status-chip"
                          [title]="insufficientLabel"
                          ><ls-icon name="warning" /><span class="ls-visually-hidden">{{
                            insufficientLabel
                          }}</span></span
                        >
                      } @else if (cell.status && cell.statusIcon) {
                        <span
                          class="badge"
                          [attr.data-status]="cell.status"
                          data-testid="status-chip"
                          [title]="cell.statusLabel"
                          ><ls-icon [name]="cell.statusIcon" /><span class="ls-visually-hidden">{{
                            cell.statusLabel
                          }}</span></span
                        >
                      }
                      <span
                        class="value"
                        [class.muted]="cell.insufficient || cell.noAnswers"
                        data-testid="value"
                        >{{ cell.value }}</span
                      >
                      @if (cell.note) {
                        <span class="note" data-testid="index-note" [title]="cell.note">*</span>
                      }
                    </span>
                    @if (cell.margin) {
                      <span class="small moe"
                        >{{ cell.margin }}
                        @if (cell.withinMargin) {
                          <span class="within" data-testid="within-margin" [title]="withinMargin">≈</span>
                        }
                      </span>
                    }
                    @if (cell.insufficient) {
                      <span class="small wraps">{{ insufficientLabel }}</span>
                    } @else if (cell.noAnswers) {
                      <span class="small">No answers</span>
                    }
                    @if (cell.target || hasPlan(row.key, cell.metric)) {
                      <span class="small with-flag">
                        @if (cell.target) {
                          <span data-testid="target">tgt {{ cell.target }}</span>
                        }
                        @if (hasPlan(row.key, cell.metric)) {
                          <span class="plan" data-testid="plan-flag" title="An action plan is open on it"
                            ><ls-icon name="flag"
                          /></span>
                        }
                      </span>
                    }
                    @if (cell.adjusted) {
                      <span class="small" data-testid="adjusted">adj. {{ cell.adjusted }}</span>
                    }
                    @if (cell.trend; as trend) {
                      <svg
                        class="spark"
                        [attr.width]="trend.width"
                        [attr.height]="trend.height"
                        [attr.viewBox]="'0 0 ' + trend.width + ' ' + trend.height"
                        data-testid="sparkline"
                      >
                        <title>Trend: {{ trend.text }}</title>
                        @if (trend.targetY !== null) {
                          <line
                            class="spark-target"
                            x1="0"
                            [attr.x2]="trend.width"
                            [attr.y1]="trend.targetY"
                            [attr.y2]="trend.targetY"
                          />
                        }
                        <path [attr.d]="trend.path" />
                        @if (trend.last; as last) {
                          <circle [attr.cx]="last.x" [attr.cy]="last.y" r="1.8" />
                        }
                      </svg>
                    }
                  </div>
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
    <p class="details" data-testid="cell-details">
      @if (shownCell(); as cell) {
        {{ cell.summary }}
      } @else {
        <span class="ls-muted"
          >Point at a cell, or move to it with the arrow keys, to read it in full here.</span
        >
      }
    </p>
    <p class="legend">
      <span class="ls-status-chip" data-status="green"
        ><ls-icon name="ok" />{{ statusInfo.green.label }}</span
      >
      {{ statusInfo.green.meaning }}
      <span class="ls-status-chip" data-status="amber"
        ><ls-icon name="warning" />{{ statusInfo.amber.label }}</span
      >
      {{ statusInfo.amber.meaning }}
      <span class="ls-status-chip" data-status="red"><ls-icon name="error" />{{ statusInfo.red.label }}</span>
      {{ statusInfo.red.meaning }} · <span class="within">≈</span> within margin of error of target ·
      <span class="mark">*</span> CX index with components left out ·
      <span class="plan"><ls-icon name="flag" /></span>
      action plan open · tgt: target · adj.: with approved CX investments added back · the line shows eight
      periods up to this one, the dashes its target
    </p>
  `,
  styles: `
    :host {
      display: block;
    }
    .scroll {
      overflow-x: auto;
    }
    .grid {
      width: 100%;
      min-width: 940px;
      table-layout: fixed;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    .unit-col {
      width: 120px;
    }
    th,
    td {
      padding: 5px 3px 5px 5px;
      border-bottom: 1px solid var(--ls-border);
      text-align: left;
      vertical-align: top;
    }
    thead th {
      font-size: 0.7rem;
      font-weight: 600;
      line-height: 1.2;
      color: var(--ls-muted);
      vertical-align: bottom;
      background: var(--mat-sys-surface-container-low);
    }
    .groups th,
    .groups td {
      padding: 6px 6px 2px;
      border-bottom: none;
      font-size: 0.7rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      background: var(--mat-sys-surface-container-low);
    }
    .group.commercial {
      color: #2f4f7e;
    }
    .group.cx {
      color: #1b5e4a;
    }
    .group-start {
      border-left: 2px solid var(--mat-sys-outline);
    }
    tbody th.unit {
      font-weight: 400;
    }
    .name {
      display: block;
      font-weight: 600;
      font-size: 0.86rem;
      line-height: 1.25;
    }
    a.name {
      text-decoration: none;
    }
    a.name:hover,
    a.name:focus-visible {
      text-decoration: underline;
    }
    .who {
      display: block;
      margin-top: 2px;
      font-size: 0.7rem;
      color: var(--ls-muted);
      line-height: 1.2;
    }
    tr.total {
      background: var(--mat-sys-surface-container-lowest);
    }
    tr.total th,
    tr.total td {
      border-bottom: 2px solid var(--mat-sys-outline-variant);
    }
    tr.linked {
      cursor: pointer;
    }
    tbody tr:hover {
      background: var(--mat-sys-surface-container-low);
    }
    td:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: -2px;
    }
    td[data-status='green'] {
      background: var(--ls-ok-container);
    }
    td[data-status='amber'] {
      background: var(--ls-warn-container);
    }
    td[data-status='red'] {
      background: var(--ls-bad-container);
    }
    .cell {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 1px;
      min-width: 0;
    }
    .caption {
      font-size: 0.66rem;
      color: var(--ls-muted);
      line-height: 1.15;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      max-width: 100%;
    }
    .value-line {
      display: flex;
      align-items: center;
      gap: 2px;
      white-space: nowrap;
    }
    .badge {
      display: inline-flex;
      --ls-icon-size: 13px;
    }
    .badge[data-status='green'] {
      color: var(--ls-ok);
    }
    .badge[data-status='amber'] {
      color: var(--ls-warn);
    }
    .badge[data-status='red'] {
      color: var(--ls-bad);
    }
    .badge[data-status='insufficient'] {
      color: var(--ls-muted);
    }
    .value {
      font-size: 0.86rem;
      font-weight: 600;
      color: var(--mat-sys-on-surface);
      line-height: 1.25;
    }
    .value.muted {
      color: var(--ls-muted);
      font-weight: 400;
    }
    .with-flag {
      display: inline-flex;
      align-items: center;
      gap: 3px;
    }
    .plan {
      display: inline-flex;
      color: #2f5f9e;
      --ls-icon-size: 12px;
    }
    .within,
    .note,
    .mark {
      font-size: 0.8rem;
      font-weight: 700;
      color: #2f5f9e;
      cursor: help;
    }
    .small {
      font-size: 0.68rem;
      line-height: 1.25;
      color: #4a5260;
      white-space: nowrap;
    }
    .moe {
      margin-top: -1px;
    }
    .moe .within {
      font-size: 0.78rem;
      line-height: 1;
    }
    .wraps {
      white-space: normal;
    }
    .spark {
      flex: none;
      margin-top: 2px;
      overflow: visible;
    }
    .spark path {
      fill: none;
      stroke: #3d4654;
      stroke-width: 1.3;
      stroke-linejoin: round;
    }
    .spark circle {
      fill: #3d4654;
    }
    .spark-target {
      stroke: #8a93a3;
      stroke-width: 1;
      stroke-dasharray: 2 2;
    }
    .details {
      margin: 0;
      padding: 8px 12px;
      min-height: 1.3em;
      font-size: 0.78rem;
      color: var(--mat-sys-on-surface);
      border-top: 1px solid var(--ls-border);
      background: var(--mat-sys-surface-container-low);
    }
    .legend {
      margin: 0;
      padding: 4px 12px 8px;
      font-size: 0.74rem;
      color: var(--ls-muted);
      line-height: 1.9;
      background: var(--mat-sys-surface-container-low);
    }
    .legend .ls-status-chip {
      margin-left: 4px;
    }
  `,
})
export class ScorecardGridComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  readonly rows = input.required<readonly GridRow[]>();
  readonly columns = input.required<readonly GridColumn[]>();
  readonly period = input.required<string>();
  /** What the table is, for screen readers: "Company scorecard, FY2026-Q4". */
  readonly caption = input.required<string>();
  /** The unit whose page this is: its row is not a link. */
  readonly currentKey = input<string | null>(null);
  /** Open action plans: a flag on the cell of each unit and metric they answer. */
  readonly plans = input<readonly Pick<ActionPlan, 'orgUnit' | 'metric' | 'status'>[]>([]);
  private readonly planned = computed(
    () =>
      new Set(
        this.plans()
          .filter((plan) => plan.status !== 'done')
          .map((plan) => `${plan.orgUnit} ${plan.metric}`),
      ),
  );
  /** A row's unit to open. */
  readonly open = output<string>();

  protected readonly focused = signal<Position | null>(null);
  /** The cell the details line spells out: the last one focused or pointed at. */
  protected readonly shown = signal<Position | null>(null);
  protected readonly statusInfo = STATUS_INFO;
  protected readonly insufficientLabel = INSUFFICIENT_SAMPLE;
  protected readonly withinMargin = WITHIN_MARGIN;

  protected readonly shownCell = computed((): GridCell | null => {
    const at = this.shown();
    return at ? (this.rows()[at.row]?.cells[at.column] ?? null) : null;
  });

  protected hasPlan(unit: string, metric: string | null): boolean {
    return metric !== null && this.planned().has(`${unit} ${metric}`);
  }

  protected onFocus(row: number, column: number): void {
    this.focused.set({ row, column });
    this.shown.set({ row, column });
  }

  protected people(count: number): string {
    return `${formatInteger(count)} ${count === 1 ? 'person' : 'people'}`;
  }

  /** One cell of the grid is in the tab order: the last one focused, else the first. */
  protected isActive(row: number, column: number): boolean {
    const at = this.focused() ?? { row: 0, column: 0 };
    return at.row === row && at.column === column;
  }

  protected openRow(row: GridRow, event: MouseEvent): void {
    if (row.key === this.currentKey()) return;
    // The name is a link that navigates by itself.
    if ((event.target as HTMLElement | null)?.closest('a')) return;
    this.open.emit(row.key);
  }

  protected onKeydown(event: KeyboardEvent): void {
    const at = this.focused();
    const target = event.target as HTMLElement | null;
    if (!at || target?.tagName !== 'TD') return;
    const rows = this.rows().length;
    const columns = this.columns().length;
    let next: Position | null = null;
    switch (event.key) {
      case 'ArrowRight':
        next = { row: at.row, column: Math.min(columns - 1, at.column + 1) };
        break;
      case 'ArrowLeft':
        next = { row: at.row, column: Math.max(0, at.column - 1) };
        break;
      case 'ArrowDown':
        next = { row: Math.min(rows - 1, at.row + 1), column: at.column };
        break;
      case 'ArrowUp':
        next = { row: Math.max(0, at.row - 1), column: at.column };
        break;
      case 'Home':
        next = { row: event.ctrlKey ? 0 : at.row, column: 0 };
        break;
      case 'End':
        next = { row: event.ctrlKey ? rows - 1 : at.row, column: columns - 1 };
        break;
      case 'Enter': {
        const row = this.rows()[at.row];
        if (row && row.key !== this.currentKey()) this.open.emit(row.key);
        event.preventDefault();
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    this.focused.set(next);
    const cell = this.host.querySelectorAll<HTMLElement>('tbody tr')[next.row]?.querySelectorAll('td')[
      next.column
    ];
    cell?.focus();
  }
}
