import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { OrgUnitNode, Page, TemporaryPasswordResponse, User } from '@lodestar/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { flattenUnits } from '../org/org-tree';
import { OrgUnitsService } from '../org/org-units.service';
import { ConfirmDialogComponent, ConfirmDialogData } from '../shared/confirm-dialog.component';
import { IconComponent } from '../shared/icon.component';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  InlineErrorComponent,
  LoadingComponent,
} from '../shared/page-states.component';
import { ShownProblem, toShownProblem } from '../shared/problem';
import { remoteResource } from '../shared/remote-resource';
import {
  TemporaryPasswordDialogComponent,
  TemporaryPasswordDialogData,
} from './temporary-password-dialog.component';
import { UnitChoice, UserDialogComponent, UserDialogData, UserDialogResult } from './user-dialog.component';
import { ActiveChange, UsersTableComponent } from './users-table.component';
import { UsersService } from './users.service';

@Component({
  selector: 'ls-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    IconComponent,
    LoadingComponent,
    EmptyStateComponent,
    ErrorStateComponent,
    InlineErrorComponent,
    UsersTableComponent,
  ],
  template: `
    <section class="ls-page" aria-labelledby="users-title">
      <header class="ls-page-header">
        <div>
          <h1 id="users-title">Users</h1>
          <p>Who can sign in, their roles and their org unit.</p>
        </div>
        <button mat-flat-button type="button" (click)="add()">
          <ls-icon name="add" />
          Add user
        </button>
      </header>

      <div class="ls-panel">
        <div class="filters">
          <mat-form-field class="search">
            <mat-label>Search users</mat-label>
            <ls-icon name="search" matPrefix class="prefix" />
            <input
              matInput
              type="search"
              [formControl]="search"
              autocomplete="off"
              placeholder="Name or e-mail"
            />
          </mat-form-field>
          @if (results.value(); as result) {
            <span class="ls-muted count" role="status">
              {{ result.total === 1 ? '1 user' : result.total + ' users'
              }}{{ query().search ? ' match' : '' }}
            </span>
          }
        </div>

        @if (results.loading()) {
          <ls-loading label="Loading users…" />
        }
        @if (actionProblem(); as failure) {
          <div class="pad">
            <ls-inline-error [detail]="failure.detail" [errors]="failure.errors" />
          </div>
        }
        @if (results.problem(); as failure) {
          <div class="pad">
            <ls-error-state
              title="Users could not be loaded"
              [detail]="failure.detail"
              [errors]="failure.errors"
              (retry)="load()"
            />
          </div>
        } @else if (results.value(); as result) {
          @if (result.items.length) {
            <ls-users-table
              [users]="result.items"
              [unitNames]="unitNames()"
              [currentUserId]="currentUserId()"
              (edit)="edit($event)"
              (resetPassword)="resetPassword($event)"
              (activeChange)="setActive($event)"
            />
          } @else if (query().search) {
            <ls-empty-state title="No user matches “{{ query().search }}”" icon="search">
              Check the spelling, search by part of the e-mail address, or clear the search.
            </ls-empty-state>
          } @else {
            <ls-empty-state title="No users yet" icon="people">
              Choose “Add user” to give the first person access; they receive a temporary password.
            </ls-empty-state>
          }
          <mat-paginator
            [length]="result.total"
            [pageIndex]="query().page - 1"
            [pageSize]="query().pageSize"
            [pageSizeOptions]="[25, 50, 100, 200]"
            (page)="changePage($event)"
            aria-label="Pages of users"
          />
        }
      </div>
    </section>
  `,
  styles: `
    .filters {
      display: flex;
      align-items: center;
      gap: 16px;
      padding: 12px 16px 4px;
      flex-wrap: wrap;
    }
    .search {
      width: min(360px, 100%);
    }
    .prefix {
      margin: 0 4px 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .count {
      font-size: 0.85rem;
    }
    .pad {
      padding: 12px 16px;
    }
  `,
})
export class UsersPageComponent implements OnInit {
  private readonly users = inject(UsersService);
  private readonly orgUnits = inject(OrgUnitsService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly query = signal({ search: '', page: 1, pageSize: 50 });
  protected readonly results = remoteResource<Page<User>>();
  protected readonly actionProblem = signal<ShownProblem | null>(null);
  protected readonly units = signal<OrgUnitNode[]>([]);
  protected readonly currentUserId = computed(() => this.auth.user()?.id ?? null);
  protected readonly unitNames = computed(
    () => new Map(flattenUnits(this.units()).map((unit) => [unit.node.id, unit.node.name])),
  );
  private readonly unitChoices = computed<UnitChoice[]>(() =>
    flattenUnits(this.units()).map((unit) => ({
      id: unit.node.id,
      label: `${'\u00a0\u00a0\u00a0'.repeat(unit.depth)}${unit.node.name}`,
    })),
  );

  ngOnInit(): void {
    this.search.valueChanges
      .pipe(
        map((text) => text.trim()),
        debounceTime(300),
        distinctUntilChanged(),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((search) => {
        this.query.update((query) => ({ ...query, search, page: 1 }));
        this.load();
      });
    this.orgUnits.tree().subscribe({
      next: (roots) => this.units.set(roots),
      error: () => this.units.set([]),
    });
    this.load();
  }

  load(): void {
    this.results.load(this.users.list(this.query()));
  }

  protected changePage(event: PageEvent): void {
    this.query.update((query) => ({ ...query, page: event.pageIndex + 1, pageSize: event.pageSize }));
    this.load();
  }

  protected add(): void {
    this.openForm({ mode: 'create', units: this.unitChoices() });
  }

  protected edit(user: User): void {
    this.openForm({
      mode: 'edit',
      units: this.unitChoices(),
      user,
      isSelf: user.id === this.currentUserId(),
    });
  }

  protected resetPassword(user: User): void {
    this.confirm({
      title: `Reset the password of ${user.name}?`,
      message: `${user.name} will have to sign in with a new temporary password and then choose their own. Their current password stops working at once.`,
      confirm: 'Reset password',
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.actionProblem.set(null);
      this.users.resetPassword(user.id).subscribe({
        next: (response) => {
          this.replace(response.user);
          this.showTemporaryPassword('reset', response);
        },
        error: (error: unknown) => this.actionProblem.set(toShownProblem(error)),
      });
    });
  }

  protected setActive({ user, active }: ActiveChange): void {
    const run = () => {
      this.actionProblem.set(null);
      this.users.update(user.id, { active }).subscribe({
        next: (updated) => {
          this.replace(updated);
          this.snackBar.open(`${updated.name} is ${active ? 'active again' : 'deactivated'}.`, 'OK', {
            duration: 4000,
          });
        },
        error: (error: unknown) => this.actionProblem.set(toShownProblem(error)),
      });
    };
    if (active) {
      run();
      return;
    }
    this.confirm({
      title: `Deactivate ${user.name}?`,
      message: `${user.name} will no longer be able to sign in. Their history stays, and you can reactivate them later.`,
      confirm: 'Deactivate',
    }).subscribe((confirmed) => confirmed && run());
  }

  private openForm(data: UserDialogData): void {
    this.actionProblem.set(null);
    this.dialog
      .open<UserDialogComponent, UserDialogData, UserDialogResult>(UserDialogComponent, {
        data,
        width: '600px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if (result.kind === 'created') {
          this.showTemporaryPassword('created', result.response);
          this.load();
        } else {
          this.replace(result.user);
          this.snackBar.open(`${result.user.name} was saved.`, 'OK', { duration: 4000 });
        }
      });
  }

  private showTemporaryPassword(reason: 'created' | 'reset', response: TemporaryPasswordResponse): void {
    this.dialog.open<TemporaryPasswordDialogComponent, TemporaryPasswordDialogData>(
      TemporaryPasswordDialogComponent,
      {
        data: { reason, response },
        width: '520px',
        maxWidth: 'calc(100vw - 32px)',
        disableClose: true,
      },
    );
  }

  private confirm(data: ConfirmDialogData) {
    return this.dialog
      .open<
        ConfirmDialogComponent,
        ConfirmDialogData,
        boolean
      >(ConfirmDialogComponent, { data, width: '460px' })
      .afterClosed();
  }

  private replace(user: User): void {
    this.results.update((page) =>
      page ? { ...page, items: page.items.map((item) => (item.id === user.id ? user : item)) } : page,
    );
  }
}
