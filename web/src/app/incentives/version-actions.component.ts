import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  output,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { PlanVersion, Role } from '@lodestar/contracts';
import { filter } from 'rxjs';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { IconComponent, type IconName } from '../shared/icon.component';
import type { VersionAction } from './plans.service';
import { RejectDialogComponent, type RejectDialogData } from './reject-dialog.component';

/** A step someone asked for, after confirming it (a rejection with its reason). */
export interface VersionActionRequest {
  action: VersionAction | 'delete';
  reason?: string;
}

export interface ShownAction {
  action: VersionAction | 'delete';
  label: string;
  icon: IconName;
  /** Why it cannot be taken now; null when it can. */
  blocked: string | null;
  primary: boolean;
}

/** What the person sees: the buttons they may press, and sentences for what they may not. */
export interface VersionActionsView {
  actions: ShownAction[];
  notes: string[];
}

/**
 * The approval steps offered to a person, by their roles AND the version's state: HR submits and
 * deletes a draft and publishes an approved version; an approver approves or rejects a version in
 * review — unless they wrote it or take part in it, which they are told instead.
 */
export function versionActions(
  version: PlanVersion,
  roles: readonly Role[],
  userId: string | null,
  state: { dirty: boolean; submitBlocker: string | null },
): VersionActionsView {
  const hr = roles.includes('HR');
  const approver = roles.includes('APPROVER');
  const actions: ShownAction[] = [];
  const notes: string[] = [];
  switch (version.status) {
    case 'DRAFT':
      if (hr) {
        actions.push({
          action: 'submit',
          label: 'Submit for approval',
          icon: 'arrowUp',
          primary: true,
          blocked: state.dirty
            ? 'Save your changes first: submitting sends the saved version.'
            : state.submitBlocker,
        });
        actions.push({
          action: 'delete',
          label: 'Delete draft',
          icon: 'delete',
          primary: false,
          blocked: null,
        });
      } else {
        notes.push('HR is still drafting this version.');
      }
      break;
    case 'IN_REVIEW':
      if (approver) {
        const wrote = userId !== null && version.author.id === userId;
        const takesPart = userId !== null && version.participants.some((p) => p.user.id === userId);
        if (wrote) {
          notes.push(
            'You wrote this version, so another approver decides it: nobody approves a plan they wrote.',
          );
        } else if (takesPart) {
          notes.push(
            'You take part in this version, so another approver decides it: nobody approves their own pay.',
          );
        } else {
          actions.push({ action: 'approve', label: 'Approve', icon: 'check', primary: true, blocked: null });
          actions.push({ action: 'reject', label: 'Reject', icon: 'close', primary: false, blocked: null });
        }
      } else {
        notes.push('Waiting for an approver who neither wrote it nor takes part in it.');
      }
      break;
    case 'APPROVED':
      if (hr) {
        actions.push({ action: 'publish', label: 'Publish', icon: 'flag', primary: true, blocked: null });
      } else {
        notes.push('Approved; HR publishes it.');
      }
      break;
    case 'PUBLISHED':
      notes.push('Published: it cannot change. A change is a new version based on it.');
      break;
  }
  return { actions, notes };
}

/**
 * The buttons of the approval steps the signed-in person may take on the version now, each asking
 * for confirmation first (a rejection asks for its reason), and the reason for any step they may not.
 */
@Component({
  selector: 'ls-version-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent],
  template: `
    <div class="ls-actions" data-testid="version-actions">
      @for (shown of view().actions; track shown.action) {
        @if (shown.primary) {
          <button
            mat-flat-button
            type="button"
            [disabled]="busy() || !!shown.blocked"
            [attr.aria-describedby]="shown.blocked ? 'blocked-' + shown.action : null"
            [attr.data-action]="shown.action"
            (click)="ask(shown.action)"
          >
            <ls-icon [name]="shown.icon" />{{ busy() === shown.action ? working(shown.action) : shown.label }}
          </button>
        } @else {
          <button
            mat-stroked-button
            type="button"
            [disabled]="busy() || !!shown.blocked"
            [attr.data-action]="shown.action"
            (click)="ask(shown.action)"
          >
            <ls-icon [name]="shown.icon" />{{ busy() === shown.action ? working(shown.action) : shown.label }}
          </button>
        }
      }
    </div>
    @for (shown of view().actions; track shown.action) {
      @if (shown.blocked) {
        <p class="note" [id]="'blocked-' + shown.action" data-testid="action-blocked">
          <ls-icon name="info" /><span>{{ shown.blocked }}</span>
        </p>
      }
    }
    @for (note of view().notes; track note) {
      <p class="note" data-testid="action-note">
        <ls-icon name="info" /><span>{{ note }}</span>
      </p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .note {
      display: flex;
      gap: 6px;
      align-items: flex-start;
      margin: 0;
      font-size: 0.85rem;
      color: var(--ls-muted);
      --ls-icon-size: 16px;
    }
  `,
})
export class VersionActionsComponent {
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);

  readonly version = input.required<PlanVersion>();
  readonly roles = input.required<readonly Role[]>();
  readonly userId = input<string | null>(null);
  /** Unsaved edits: the saved version is what would be submitted. */
  readonly dirty = input(false);
  /** Why the saved draft cannot be submitted (its rules, no participants); null when it can. */
  readonly submitBlocker = input<string | null>(null);
  /** The step on its way to the server, if any. */
  readonly busy = input<VersionAction | 'delete' | null>(null);
  readonly act = output<VersionActionRequest>();

  protected readonly view = computed(() =>
    versionActions(this.version(), this.roles(), this.userId(), {
      dirty: this.dirty(),
      submitBlocker: this.submitBlocker(),
    }),
  );

  private readonly what = computed(() => `version ${this.version().number} of ${this.version().planName}`);

  protected working(action: VersionAction | 'delete'): string {
    return {
      submit: 'Submitting…',
      approve: 'Approving…',
      reject: 'Rejecting…',
      publish: 'Publishing…',
      delete: 'Deleting…',
    }[action];
  }

  protected ask(action: VersionAction | 'delete'): void {
    if (action === 'reject') {
      const data: RejectDialogData = { what: this.what() };
      this.dialog
        .open<RejectDialogComponent, RejectDialogData, string>(RejectDialogComponent, {
          data,
          width: '480px',
        })
        .afterClosed()
        .pipe(
          filter((reason): reason is string => typeof reason === 'string' && reason.length > 0),
          takeUntilDestroyed(this.destroyRef),
        )
        .subscribe((reason) => this.act.emit({ action: 'reject', reason }));
      return;
    }
    const version = this.version();
    const texts: Record<Exclude<VersionAction, 'reject'> | 'delete', ConfirmDialogData> = {
      submit: {
        title: `Submit ${this.what()} for approval?`,
        message:
          'An approver who neither wrote it nor takes part in it approves or rejects it. It cannot be edited while it is in review.',
        confirm: 'Submit',
      },
      approve: {
        title: `Approve ${this.what()}?`,
        message:
          'Approval freezes everything it relies on — the curves, including those taken from targets, the weights and the target bonuses — so a later change of a target cannot move anyone’s pay.',
        confirm: 'Approve',
      },
      publish: {
        title: `Publish ${this.what()}?`,
        message: `It applies from ${version.effectiveFrom} to its ${version.participantCount} ${
          version.participantCount === 1 ? 'participant' : 'participants'
        }, who are asked to acknowledge it. A published version cannot change.`,
        confirm: 'Publish',
      },
      delete: {
        title: `Delete ${this.what()}?`,
        message:
          'The draft, its rules and its participants are removed. Other versions of the plan stay as they are.',
        confirm: 'Delete draft',
      },
    };
    this.dialog
      .open(ConfirmDialogComponent, { data: texts[action], width: '460px' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => this.act.emit({ action }));
  }
}
