import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface RejectDialogData {
  /** "version 3 of Sales incentive" */
  what: string;
}

const MAX_REASON = 2000;
const MIN_REASON = 5;

/** Asks for the reason of a rejection; closes with the reason, or nothing when cancelled. */
@Component({
  selector: 'ls-reject-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Reject {{ data.what }}?</h2>
    <mat-dialog-content>
      <p>It goes back to HR as a draft, with your reason shown on it.</p>
      <mat-form-field>
        <mat-label>Reason</mat-label>
        <textarea
          matInput
          rows="4"
          [attr.maxlength]="max"
          required
          cdkFocusInitial
          data-testid="reject-reason"
          [value]="reason()"
          (input)="reason.set($any($event.target).value)"
        ></textarea>
        <mat-hint>What has to change before you can approve it.</mat-hint>
        <mat-hint align="end">{{ reason().length }} / {{ max }}</mat-hint>
      </mat-form-field>
      @if (tried() && !valid()) {
        <p class="problem" role="alert">Say in a few words what has to change: HR sees it on the draft.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
      <button mat-flat-button type="button" (click)="reject()">Reject</button>
    </mat-dialog-actions>
  `,
  styles: `
    .problem {
      color: var(--ls-bad);
      margin: 0;
    }
  `,
})
export class RejectDialogComponent {
  protected readonly data = inject<RejectDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RejectDialogComponent, string>>(MatDialogRef);
  protected readonly max = MAX_REASON;
  protected readonly reason = signal('');
  protected readonly tried = signal(false);
  protected readonly valid = computed(() => this.reason().trim().length >= MIN_REASON);

  protected reject(): void {
    this.tried.set(true);
    if (this.valid()) this.ref.close(this.reason().trim());
  }
}
