import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { AuditEntry } from '@lodestar/contracts';
import { DateTimePipe } from '../shared/format.pipes';
import { IconComponent } from '../shared/icon.component';

/** Pretty JSON for a before/after snapshot; null when there is none. */
export function snapshot(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value, null, 2);
}

@Component({
  selector: 'ls-audit-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatButtonModule, IconComponent, DateTimePipe],
  template: `
    <div class="scroll">
      <table mat-table [dataSource]="entries()" multiTemplateDataRows class="table">
        <caption class="ls-visually-hidden">
          Audit entries, newest first. Each row can be expanded to show the values before and after.
        </caption>
        <ng-container matColumnDef="expand">
          <th mat-header-cell *matHeaderCellDef scope="col">
            <span class="ls-visually-hidden">Details</span>
          </th>
          <td mat-cell *matCellDef="let entry">
            <button
              mat-icon-button
              type="button"
              [attr.aria-expanded]="open().has(entry.id)"
              [attr.aria-controls]="'audit-detail-' + entry.id"
              [attr.aria-label]="(open().has(entry.id) ? 'Hide' : 'Show') + ' details of entry ' + entry.id"
              (click)="toggle(entry.id)"
            >
              <ls-icon [name]="open().has(entry.id) ? 'chevronDown' : 'chevronRight'" />
            </button>
          </td>
        </ng-container>
        <ng-container matColumnDef="at">
          <th mat-header-cell *matHeaderCellDef scope="col">Time</th>
          <td mat-cell *matCellDef="let entry" class="nowrap">
            <time [attr.datetime]="entry.at">{{ entry.at | lsDateTime: true }}</time>
          </td>
        </ng-container>
        <ng-container matColumnDef="actor">
          <th mat-header-cell *matHeaderCellDef scope="col">Actor</th>
          <td mat-cell *matCellDef="let entry">
            @if (entry.actorEmail) {
              {{ entry.actorEmail }}
            } @else {
              <span class="ls-muted">System</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="action">
          <th mat-header-cell *matHeaderCellDef scope="col">Action</th>
          <td mat-cell *matCellDef="let entry">
            <span class="ls-mono">{{ entry.action }}</span>
            @if (entry.payData) {
              <span class="pay">Pay data</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="entity">
          <th mat-header-cell *matHeaderCellDef scope="col">Entity</th>
          <td mat-cell *matCellDef="let entry">
            <span>{{ entry.entityType }}</span>
            @if (entry.entityId) {
              <span class="ls-mono ls-muted id"> {{ entry.entityId }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="reason">
          <th mat-header-cell *matHeaderCellDef scope="col">Reason</th>
          <td mat-cell *matCellDef="let entry">
            @if (entry.reason) {
              {{ entry.reason }}
            } @else {
              <span class="ls-muted" aria-label="No reason">—</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="detail">
          <td mat-cell *matCellDef="let entry" [attr.colspan]="columns.length" class="detail-cell">
            @if (open().has(entry.id)) {
              <div class="detail" [id]="'audit-detail-' + entry.id">
                <div class="pane">
                  <h3>Before</h3>
                  @if (json(entry.before); as text) {
                    <pre>{{ text }}</pre>
                  } @else {
                    <p class="ls-muted">
                      Nothing: the entity did not exist or the action has no before state.
                    </p>
                  }
                </div>
                <div class="pane">
                  <h3>After</h3>
                  @if (json(entry.after); as text) {
                    <pre>{{ text }}</pre>
                  } @else {
                    <p class="ls-muted">Nothing recorded after the action.</p>
                  }
                </div>
                <dl class="hashes">
                  <dt>Entry</dt>
                  <dd class="ls-mono">#{{ entry.id }}</dd>
                  <dt>Hash</dt>
                  <dd class="ls-mono">{{ entry.hash }}</dd>
                  <dt>Previous hash</dt>
                  <dd class="ls-mono">{{ entry.prevHash }}</dd>
                </dl>
              </div>
            }
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let entry; columns: columns" [class.expanded]="open().has(entry.id)"></tr>
        <tr
          mat-row
          *matRowDef="let entry; columns: ['detail']"
          class="detail-row"
          [class.shown]="open().has(entry.id)"
        ></tr>
      </table>
    </div>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    .table {
      width: 100%;
      min-width: 880px;
    }
    .nowrap,
    td.mat-column-action,
    td.mat-column-actor {
      white-space: nowrap;
    }
    td.mat-column-entity {
      max-width: 300px;
    }
    td.mat-column-expand {
      width: 48px;
      padding-right: 0;
    }
    .pay {
      margin-left: 6px;
      padding: 1px 6px;
      border-radius: 8px;
      font-size: 0.75rem;
      background: var(--ls-warn-container);
      color: var(--ls-warn);
    }
    .id {
      word-break: break-all;
    }
    tr.expanded td {
      border-bottom-color: transparent;
    }
    .detail-row {
      height: 0 !important;
    }
    .detail-row:not(.shown) td {
      border-bottom-width: 0;
      padding: 0;
    }
    .detail-cell {
      padding: 0 16px;
    }
    .detail {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 12px;
      padding: 4px 0 16px 40px;
    }
    .pane h3 {
      font: var(--mat-sys-label-large);
      margin-bottom: 4px;
    }
    pre {
      margin: 0;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      border: 1px solid var(--ls-border);
      font-family: ui-monospace, Menlo, Consolas, monospace;
      font-size: 12px;
      white-space: pre-wrap;
      word-break: break-word;
      max-height: 320px;
      overflow: auto;
    }
    .hashes {
      grid-column: 1 / -1;
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px 12px;
      margin: 0;
      font-size: 12px;
      dt {
        color: var(--ls-muted);
      }
      dd {
        margin: 0;
        word-break: break-all;
      }
    }
  `,
})
export class AuditTableComponent {
  readonly entries = input.required<AuditEntry[]>();

  protected readonly columns = ['expand', 'at', 'actor', 'action', 'entity', 'reason'];
  protected readonly open = signal<ReadonlySet<string>>(new Set());

  protected toggle(id: string): void {
    this.open.update((open) => {
      const next = new Set(open);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  protected json(value: unknown): string | null {
    return snapshot(value);
  }
}
