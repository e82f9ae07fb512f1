import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { TemporaryPasswordResponse } from '@lodestar/contracts';
import { IconComponent } from '../shared/icon.component';

export interface TemporaryPasswordDialogData {
  reason: 'created' | 'reset';
  response: TemporaryPasswordResponse;
}

/** Shows a temporary password the one time the API returns it. */
@Component({
  selector: 'ls-temporary-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, IconComponent],
  template: `
    <h2 mat-dialog-title>
      {{ data.reason === 'created' ? 'User added' : 'Password reset' }}
    </h2>
    <mat-dialog-content>
      <p>
        Temporary password for <strong>{{ user.name }}</strong> ({{ user.email }}):
      </p>
      <div class="secret">
        <code class="ls-mono" id="temporary-password">{{ data.response.temporaryPassword }}</code>
        <button mat-stroked-button type="button" (click)="copy()" aria-describedby="temporary-password">
          <ls-icon [name]="copied() ? 'check' : 'copy'" />
          {{ copied() ? 'Copied' : 'Copy password' }}
        </button>
      </div>
      <p class="status" role="status">{{ copied() ? 'The password is on the clipboard.' : '' }}</p>
      <p class="warning">
        <ls-icon name="warning" />
        <span
          >This is shown only once. Give it to {{ user.name }} through a safe channel; they must choose their
          own password when they first sign in.</span
        >
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>Done</button>
    </mat-dialog-actions>
  `,
  styles: `
    .secret {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 12px 14px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      border: 1px solid var(--ls-border);
    }
    code {
      flex: 1;
      font-size: 1.1rem;
      letter-spacing: 0.5px;
      word-break: break-all;
      user-select: all;
    }
    .status {
      min-height: 1.2em;
      margin: 6px 0;
      color: var(--ls-ok);
      font-size: 0.85rem;
    }
    .warning {
      display: flex;
      gap: 8px;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--ls-warn-container);
      color: var(--ls-warn);
    }
  `,
})
export class TemporaryPasswordDialogComponent {
  protected readonly data = inject<TemporaryPasswordDialogData>(MAT_DIALOG_DATA);
  private readonly clipboard = inject(Clipboard);
  protected readonly user = this.data.response.user;
  protected readonly copied = signal(false);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.data.response.temporaryPassword));
  }
}
