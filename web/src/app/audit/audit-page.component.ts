import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import type { AuditEntry, AuditVerification, Page } from '@lodestar/contracts';
import { Subscription } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { EmptyStateComponent, ErrorStateComponent, LoadingComponent } from '../shared/page-states.component';
import { problemDetail, ShownProblem, toShownProblem } from '../shared/problem';
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
        [verification]="verification()"
        [checking]="verifying()"
        [problem]="verifyProblem()"
        (verify)="verify()"
      />

      <div class="ls-panel">
        <div class="filters">
          <ls-audit-filter [value]="filter()" (filterChange)="applyFilter($event)" />
        </div>
        @if (loading()) {
          <ls-loading label="Loading audit entries…" />
        }
        @if (problem(); as failure) {
          <div class="pad">
            <ls-error-state
              title="The audit log could not be loaded"
              [detail]="failure.detail"
              [errors]="failure.errors"
              (retry)="load()"
            />
          </div>
        } @else if (page(); as result) {
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
  protected readonly page = signal<Page<AuditEntry> | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ShownProblem | null>(null);
  protected readonly verification = signal<AuditVerification | null>(null);
  protected readonly verifying = signal(false);
  protected readonly verifyProblem = signal<string | null>(null);
  protected readonly filtered = computed(() =>
    Object.values(this.filter()).some((value) => value.trim() !== ''),
  );
  protected readonly hidesPayData = computed(() => {
    const roles = this.auth.roles();
    return !roles.includes('HR') && !roles.includes('APPROVER');
  });
  private request: Subscription | null = null;

  ngOnInit(): void {
    this.verify();
    this.load();
  }

  load(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.problem.set(null);
    this.request = this.audit.list(this.filter(), this.pageNumber(), this.pageSize()).subscribe({
      next: (page) => {
        this.page.set(page);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(toShownProblem(error));
        this.loading.set(false);
      },
    });
  }

  protected verify(): void {
    this.verifying.set(true);
    this.verifyProblem.set(null);
    this.audit.verify().subscribe({
      next: (result) => {
        this.verification.set(result);
        this.verifying.set(false);
      },
      error: (error: unknown) => {
        this.verification.set(null);
        this.verifyProblem.set(problemDetail(error));
        this.verifying.set(false);
      },
    });
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
