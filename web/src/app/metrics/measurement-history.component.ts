import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { MeasurementResult } from '@lodestar/contracts';
import { formatDateTime, formatMonthLabel } from '../shared/format';
import { IconComponent } from '../shared/icon.component';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import type { ShownProblem } from '../shared/problem';
import {
  formatMeasurement,
  formatRatio,
  MeasuredMetric,
  monthValue,
  sourceLabel,
} from './measurement-format';

interface VersionView {
  version: number;
  value: string;
  ratio: string;
  note: string | null;
  reason: string | null;
  by: string;
  at: string;
  source: string;
  current: boolean;
}

/**
 * Every version of one unit's month, newest first: the value, why it changed, who entered it, when and
 * how (typed in, CSV import, API). Restatements never overwrite, so the first value stays readable.
 */
@Component({
  selector: 'ls-measurement-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent, EmptyStateComponent, ErrorStateComponent, LoadingComponent],
  template: `
    <section class="ls-panel history" aria-labelledby="history-title" data-testid="measurement-history">
      <header class="ls-chart-head">
        <div>
          <h2 id="history-title">History</h2>
          @if (month(); as period) {
            <p class="ls-muted">{{ unitName() }} · {{ monthText() }} ({{ period }})</p>
          }
        </div>
        @if (month()) {
          <button mat-stroked-button type="button" (click)="editMonth.emit()">
            <ls-icon name="edit" />{{ versions().length ? 'Restate' : 'Enter value' }}
          </button>
        }
      </header>
      @if (!month()) {
        <ls-empty-state title="Choose a month" icon="history">
          Select a cell of the grid to see every version of its value, with the reasons.
        </ls-empty-state>
      } @else {
        @if (loading()) {
          <ls-loading label="Loading the month’s history…" />
        }
        @if (problem(); as failure) {
          <div class="pad">
            <ls-error-state
              title="The history could not be loaded"
              [detail]="failure.detail"
              [errors]="failure.errors"
              (retry)="retry.emit()"
            />
          </div>
        } @else if (result()) {
          @if (versions().length) {
            <ol class="versions" aria-label="Versions, newest first">
              @for (entry of versions(); track entry.version) {
                <li [class.current]="entry.current" data-testid="history-version">
                  <div class="line">
                    <span class="badge">v{{ entry.version }}</span>
                    <span class="value">{{ entry.value }}</span>
                    @if (entry.ratio) {
                      <span class="ratio ls-muted">{{ entry.ratio }}</span>
                    }
                    @if (entry.current) {
                      <span class="now">current</span>
                    }
                  </div>
                  @if (entry.reason) {
                    <p class="reason"><span class="ls-muted">Reason:</span> {{ entry.reason }}</p>
                  } @else if (entry.version === 1) {
                    <p class="reason ls-muted">First value</p>
                  }
                  @if (entry.note) {
                    <p class="reason"><span class="ls-muted">Note:</span> {{ entry.note }}</p>
                  }
                  <p class="meta ls-muted">{{ entry.by }} · {{ entry.at }} · {{ entry.source }}</p>
                </li>
              }
            </ol>
          } @else {
            <ls-empty-state title="No value for this month yet" icon="edit">
              Type it into the grid (Enter on the cell) or import a CSV.
            </ls-empty-state>
          }
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .history {
      height: 100%;
      box-sizing: border-box;
    }
    .versions {
      list-style: none;
      margin: 0;
      padding: 0 16px 12px;
      display: flex;
      flex-direction: column;
    }
    li {
      padding: 8px 0 8px 12px;
      border-left: 2px solid var(--ls-border);
      position: relative;
    }
    li.current {
      border-left-color: var(--mat-sys-primary);
    }
    li + li {
      margin-top: 2px;
    }
    .line {
      display: flex;
      align-items: baseline;
      flex-wrap: wrap;
      gap: 4px 8px;
      font-variant-numeric: tabular-nums;
    }
    .badge {
      font-size: 0.75rem;
      font-weight: 600;
      padding: 1px 6px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
    }
    .value {
      font-weight: 600;
    }
    .ratio {
      font-size: 0.8rem;
    }
    .now {
      font-size: 0.75rem;
      color: var(--mat-sys-primary);
    }
    p {
      margin: 2px 0 0;
      font-size: 0.85rem;
    }
    .meta {
      font-size: 0.75rem;
    }
    .pad {
      padding: 0 16px 16px;
    }
  `,
})
export class MeasurementHistoryComponent {
  readonly metric = input.required<MeasuredMetric>();
  readonly unitName = input('');
  /** The month shown, or null before a cell is chosen. */
  readonly month = input<string | null>(null);
  readonly result = input<MeasurementResult | null>(null);
  readonly loading = input(false);
  readonly problem = input<ShownProblem | null>(null);

  readonly editMonth = output<void>();
  readonly retry = output<void>();

  protected readonly monthText = computed(() => {
    const month = this.month();
    return month ? formatMonthLabel(month, 'long') : '';
  });

  protected readonly versions = computed<VersionView[]>(() => {
    const result = this.result();
    const metric = this.metric();
    const month = result?.months.find((entry) => entry.period === this.month()) ?? result?.months[0];
    if (!month) return [];
    return [...month.history]
      .sort((a, b) => b.version - a.version)
      .map((entry) => ({
        version: entry.version,
        value: formatMeasurement(monthValue(entry, metric), metric),
        ratio: metric.aggregation === 'ratio' ? formatRatio(entry.numerator, entry.denominator) : '',
        note: entry.note,
        reason: entry.reason,
        by: entry.recordedBy ?? 'unknown',
        at: formatDateTime(entry.recordedAt),
        source: sourceLabel(entry.source),
        current: entry.version === month.version,
      }));
  });
}
