import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { PlanVersionChange, PlanVersionDiff, PlanVersionSummary } from '@lodestar/contracts';
import { IconComponent, type IconName } from '../shared/icon.component';
import type { ShownProblem } from '../shared/problem';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import { PLAN_STATUS_INFO } from './plan-format';

const KIND_INFO: Readonly<Record<PlanVersionChange['kind'], { label: string; icon: IconName }>> = {
  ADDED: { label: 'Added', icon: 'add' },
  REMOVED: { label: 'Removed', icon: 'delete' },
  CHANGED: { label: 'Changed', icon: 'edit' },
};

/** The value of the picker that asks for the default comparison. */
export const DEFAULT_AGAINST = '';

/**
 * What changed between two versions of a plan, one row per change (path, kind, before, after), with
 * "Compare with…" to pick the other version; by default the one this version was based on.
 */
@Component({
  selector: 'ls-version-diff',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent, EmptyStateComponent, ErrorStateComponent, LoadingComponent],
  template: `
    <div class="picker">
      <label for="diff-against">Compare with…</label>
      <select id="diff-against" data-testid="diff-against" (change)="pick($any($event.target).value)">
        <option [value]="defaultAgainst" [selected]="against() === defaultAgainst">
          The version it was based on (else the latest published)
        </option>
        @for (other of others(); track other.id) {
          <option [value]="other.id" [selected]="other.id === against()">
            Version {{ other.number }} · {{ statusLabel(other) }} · from {{ other.effectiveFrom }}
          </option>
        }
      </select>
      @if (!diff() && !loading()) {
        <button mat-stroked-button type="button" (click)="compare.emit(against() || null)">
          Show the changes
        </button>
      }
    </div>
    @if (loading()) {
      <ls-loading label="Comparing the versions…" />
    }
    @if (problem(); as failure) {
      <ls-error-state
        title="The versions could not be compared"
        [detail]="failure.detail"
        (retry)="compare.emit(against() || null)"
      />
    } @else if (diff(); as shown) {
      <p class="summary" data-testid="diff-summary">
        From version {{ shown.from.number }} to version {{ shown.to.number }}: {{ shown.changes.length }}
        {{ shown.changes.length === 1 ? 'change' : 'changes' }}.
      </p>
      @if (shown.changes.length) {
        <div class="scroll">
          <table class="ls-data-table grid" data-testid="diff-table">
            <caption class="ls-visually-hidden">
              Changes from version
              {{
                shown.from.number
              }}
              to version
              {{
                shown.to.number
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Change</th>
                <th scope="col">Version {{ shown.from.number }}</th>
                <th scope="col">Version {{ shown.to.number }}</th>
              </tr>
            </thead>
            <tbody>
              @for (change of shown.changes; track change.path) {
                <tr [attr.data-kind]="change.kind">
                  <th scope="row" class="ls-mono">{{ change.path }}</th>
                  <td class="kind">
                    <ls-icon [name]="kindInfo[change.kind].icon" />{{ kindInfo[change.kind].label }}
                  </td>
                  <td class="before">{{ change.before ?? '–' }}</td>
                  <td class="after">{{ change.after ?? '–' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <ls-empty-state title="No differences" icon="ok"
          >The two versions have the same rules and participants.</ls-empty-state
        >
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
      font-size: 0.875rem;
    }
    .picker {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    select {
      padding: 4px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      font: inherit;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      max-width: 100%;
    }
    .summary {
      margin: 0;
      font-weight: 500;
    }
    .scroll {
      overflow-x: auto;
      max-height: 420px;
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
      vertical-align: top;
    }
    .grid thead th {
      font-size: 0.78rem;
      font-weight: 600;
      color: var(--mat-sys-on-surface-variant);
    }
    .kind {
      white-space: nowrap;
      --ls-icon-size: 16px;
    }
    .kind ls-icon {
      margin-right: 4px;
    }
    tr[data-kind='REMOVED'] .before,
    tr[data-kind='CHANGED'] .before {
      text-decoration: line-through;
      color: var(--ls-muted);
    }
  `,
})
export class VersionDiffComponent {
  readonly diff = input<PlanVersionDiff | null>(null);
  readonly loading = input(false);
  readonly problem = input<ShownProblem | null>(null);
  /** The plan's other versions, to compare with. */
  readonly versions = input<PlanVersionSummary[]>([]);
  readonly currentId = input.required<string>();
  /** The version compared with; `DEFAULT_AGAINST` for the default. */
  readonly against = input(DEFAULT_AGAINST);
  /** Compare with a version, or null for the default. */
  readonly compare = output<string | null>();

  protected readonly defaultAgainst = DEFAULT_AGAINST;
  protected readonly kindInfo = KIND_INFO;
  protected readonly others = computed(() =>
    this.versions()
      .filter((version) => version.id !== this.currentId())
      .sort((a, b) => b.number - a.number),
  );

  protected statusLabel(version: PlanVersionSummary): string {
    return PLAN_STATUS_INFO[version.status].label;
  }

  protected pick(id: string): void {
    this.compare.emit(id || null);
  }
}
