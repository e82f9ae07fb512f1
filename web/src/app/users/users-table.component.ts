import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatMenuModule } from '@angular/material/menu';
import { MatTableModule } from '@angular/material/table';
import { ROLE_LABELS, type Role, type User } from '@lodestar/contracts';
import { IconComponent } from '../shared/icon.component';

export interface ActiveChange {
  user: User;
  active: boolean;
}

@Component({
  selector: 'ls-users-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatChipsModule, MatButtonModule, MatMenuModule, IconComponent],
  template: `
    <div class="scroll">
      <table mat-table [dataSource]="users()" class="table">
        <caption class="ls-visually-hidden">
          Users, with their roles, unit and status
        </caption>
        <ng-container matColumnDef="person">
          <th mat-header-cell *matHeaderCellDef scope="col">Name and e-mail</th>
          <td mat-cell *matCellDef="let user">
            <div class="name">
              {{ user.name }}
              @if (user.id === currentUserId()) {
                <span class="you">(you)</span>
              }
            </div>
            <div class="email">{{ user.email }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="roles">
          <th mat-header-cell *matHeaderCellDef scope="col">Roles</th>
          <td mat-cell *matCellDef="let user">
            @if (user.roles.length) {
              <mat-chip-set class="chips" [attr.aria-label]="'Roles of ' + user.name">
                @for (role of user.roles; track role) {
                  <mat-chip [disableRipple]="true" [class.admin]="role === 'ADMIN'">{{
                    roleLabel(role)
                  }}</mat-chip>
                }
              </mat-chip-set>
            } @else {
              <span class="ls-muted">No roles</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="unit">
          <th mat-header-cell *matHeaderCellDef scope="col">Unit</th>
          <td mat-cell *matCellDef="let user">
            @if (user.orgUnitId) {
              {{ unitNames().get(user.orgUnitId) ?? user.orgUnitKey }}
            } @else {
              <span class="ls-muted">None</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let user">
            <div class="status" [class.on]="user.active" [class.off]="!user.active">
              <ls-icon [name]="user.active ? 'ok' : 'block'" />
              {{ user.active ? 'Active' : 'Inactive' }}
            </div>
            @if (user.mustChangePassword) {
              <div class="status pending"><ls-icon name="key" /> Must change password</div>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col">
            <span class="ls-visually-hidden">Actions</span>
          </th>
          <td mat-cell *matCellDef="let user" class="actions">
            <button
              mat-button
              type="button"
              (click)="edit.emit(user)"
              [attr.aria-label]="'Edit ' + user.name"
            >
              <ls-icon name="edit" />Edit
            </button>
            <button
              mat-icon-button
              type="button"
              [matMenuTriggerFor]="more"
              [matMenuTriggerData]="{ user: user }"
              [attr.aria-label]="'More actions for ' + user.name"
            >
              <ls-icon name="more" />
            </button>
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
        <tr mat-row *matRowDef="let user; columns: columns" [class.inactive]="!user.active"></tr>
      </table>
    </div>

    <mat-menu #more="matMenu" xPosition="before">
      <ng-template matMenuContent let-user="user">
        <button mat-menu-item type="button" (click)="resetPassword.emit(user)" [disabled]="!user.active">
          <ls-icon name="key" class="menu-icon" /> Reset password
        </button>
        @if (user.active) {
          <button
            mat-menu-item
            type="button"
            (click)="activeChange.emit({ user: user, active: false })"
            [disabled]="user.id === currentUserId()"
          >
            <ls-icon name="block" class="menu-icon" /> Deactivate
          </button>
        } @else {
          <button mat-menu-item type="button" (click)="activeChange.emit({ user: user, active: true })">
            <ls-icon name="refresh" class="menu-icon" /> Reactivate
          </button>
        }
      </ng-template>
    </mat-menu>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    .table {
      width: 100%;
      min-width: 820px;
    }
    th,
    td {
      white-space: nowrap;
    }
    td.mat-column-unit {
      white-space: normal;
      min-width: 140px;
    }
    td.mat-column-roles {
      white-space: normal;
      min-width: 240px;
    }
    .name {
      font-weight: 500;
    }
    .you {
      margin-left: 4px;
      color: var(--ls-muted);
      font-size: 0.85em;
    }
    .email {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.85rem;
    }
    td.mat-column-person {
      padding-top: 6px;
      padding-bottom: 6px;
    }
    .chips {
      --mat-chip-container-height: 22px;
      --mat-chip-label-text-size: 12px;
      --mat-chip-outline-color: var(--ls-border);
      --mat-chip-label-text-color: var(--mat-sys-on-surface-variant);
    }
    .chips ::ng-deep .mdc-evolution-chip-set__chips {
      gap: 4px;
      margin: 0;
      padding: 4px 0;
    }
    .chips ::ng-deep .mat-mdc-chip {
      margin: 0 !important;
    }
    mat-chip.admin {
      --mat-chip-outline-color: var(--mat-sys-primary);
      --mat-chip-label-text-color: var(--mat-sys-primary);
    }
    .status {
      display: flex;
      align-items: center;
      gap: 4px;
      --ls-icon-size: 16px;
    }
    .status.on {
      color: var(--ls-ok);
    }
    .status.off {
      color: var(--ls-muted);
    }
    .status.pending {
      color: var(--ls-warn);
    }
    .inactive td {
      color: var(--ls-muted);
    }
    .actions {
      text-align: right;
    }
    .menu-icon {
      margin-right: 8px;
      --ls-icon-size: 18px;
    }
  `,
})
export class UsersTableComponent {
  readonly users = input.required<User[]>();
  readonly unitNames = input.required<ReadonlyMap<string, string>>();
  readonly currentUserId = input<string | null>(null);
  readonly edit = output<User>();
  readonly resetPassword = output<User>();
  readonly activeChange = output<ActiveChange>();

  protected readonly columns = ['person', 'roles', 'unit', 'status', 'actions'];

  protected roleLabel(role: Role): string {
    return ROLE_LABELS[role];
  }
}
