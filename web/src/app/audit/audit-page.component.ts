import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import type { AuditEntry, AuditVerification, Page } from '@lodestar/contracts';
import { AuthService } from '../auth/auth.service';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import { remoteResource } from '../shared/remote-resource';
import { AuditFilterComponent } from './audit-filter.component';
import { AuditTableComponent } from './audit-table.component';
import { AuditFilter, AuditService, NO_AUDIT_FILTER } from './audit.service';
import { ChainStatusComponent } from './chain-status.component';

@Component({
  selector: 'ls-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatPaginatorModule,
    LoadingComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    AuditFilterComponent,
    AuditTableComponent,
    ChainStatusComponent,
  ],
  template: `
    <section class="ls-page" aria-labelledby="audit-title">
      <header class="ls-page-header">
        <div>
          <h1 id="audit-title">Audit log</h1>
          <p>
            Every change, who made it and why. Entries are hash-chained, so an edit or deletion after the fact
            is detected.
            @if (hidesPayData()) {
              Entries holding pay data are visible to HR and approvers only.
            }
          </p>
        </div>
      </header>

      <ls-chain-status
        [verification]="chain.value()"
        [checking]="chain.loading()"
        [problem]="chain.problem()?.detail ?? null"
        (verify)="verify()"
      />

      <div class="ls-panel">
        <div class="filters">
          <ls-audit-filter [value]="filter()" (filterChange)="applyFilter($event)" />
        </div>
        @if (entries.loading()) {
          <ls-loading label="Loading audit entries…" />
        }
        @if (entries.problem(); as failure) {
          <div class="pad">
            <ls-error-state
              title="The audit log could not be loaded"
              [detail]="failure.detail"
              [errors]="failure.errors"
              (retry)="load()"
            />
          </div>
        } @else if (entries.value(); as result) {
          <p class="count ls-muted" role="status">
            {{ result.total === 1 ? '1 entry' : result.total + ' entries'
            }}{{ filtered() ? ' match the filters' : '' }}
          </p>
          @if (result.items.length) {
            <ls-audit-table [entries]="result.items" />
          } @else if (filtered()) {
            <ls-empty-state title="No entries match these filters" icon="search">
              Widen the dates, check the actor's e-mail address, or choose “Clear” to see every entry.
            </ls-empty-state>
          } @else {
            <ls-empty-state title="No audit entries yet" icon="history">
              Entries appear here as soon as someone changes users, org units, settings, plans or targets.
            </ls-empty-state>
          }
          <mat-paginator
            [length]="result.total"
            [pageIndex]="pageNumber() - 1"
            [pageSize]="pageSize()"
            [pageSizeOptions]="[25, 50, 100, 200]"
            (page)="changePage($event)"
            aria-label="Pages of audit entries"
          />
        }
      </div>
    </section>
  `,
  styles: `
    .filters {
      padding: 12px 16px 0;
    }
    .pad {
      padding: 12px 16px;
    }
    .count {
      margin: 0;
      padding: 0 16px 8px;
      font-size: 0.85rem;
    }
  `,
})
export class AuditPageComponent implements OnInit {
  private readonly audit = inject(AuditService);
  private readonly auth = inject(AuthService);

  protected readonly filter = signal<AuditFilter>({ ...NO_AUDIT_FILTER });
  protected readonly pageNumber = signal(1);
  protected readonly pageSize = signal(50);
  protected readonly entries = remoteResource<Page<AuditEntry>>();
  /** The verdict of the chain check; a failed check forgets the previous verdict rather than show it. */
  protected readonly chain = remoteResource<AuditVerification>({ clearOnError: true });
  protected readonly filtered = computed(() =>
    Object.values(this.filter()).some((value) => value.trim() !== ''),
  );
  protected readonly hidesPayData = computed(() => {
    const roles = this.auth.roles();
    return !roles.includes('HR') && !roles.includes('APPROVER');
  });

  ngOnInit(): void {
    this.verify();
    this.load();
  }

  load(): void {
    this.entries.load(this.audit.list(this.filter(), this.pageNumber(), this.pageSize()));
  }

  protected verify(): void {
    this.chain.load(this.audit.verify());
  }

  protected applyFilter(filter: AuditFilter): void {
    this.filter.set(filter);
    this.pageNumber.set(1);
    this.load();
  }

  protected changePage(event: PageEvent): void {
    this.pageNumber.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
    this.load();
  }
}
