import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ScorecardComment } from '@lodestar/contracts';
import { formatDateTime } from '../shared/format';
import { InlineErrorComponent } from '../shared/page-states.component';

/** Longest comment the API takes. */
export const MAX_COMMENT_LENGTH = 4000;

export interface MetricChoice {
  key: string;
  name: string;
}

export interface CommentDraft {
  /** null: the scorecard as a whole. */
  metric: string | null;
  body: string;
}

/**
 * The conversation on a unit's scorecard for a period: comments, newest first, each on a metric or on
 * the whole scorecard, and — for the unit's executive or a CX lead — a form to add one.
 */
@Component({
  selector: 'ls-scorecard-comments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    InlineErrorComponent,
  ],
  template: `
    <section class="ls-panel" aria-labelledby="comments-title" data-testid="scorecard-comments">
      <header class="ls-chart-head">
        <div>
          <h2 id="comments-title">Comments</h2>
          <p class="ls-muted">
            What happened and what is being done, from the unit's executive and the CX lead · {{ period() }}
          </p>
        </div>
      </header>
      @if (comments().length) {
        <ol class="list">
          @for (comment of comments(); track comment.id) {
            <li data-testid="comment">
              <p class="meta">
                <strong>{{ comment.author.name }}</strong>
                <span class="ls-muted">· {{ when(comment.createdAt) }}</span>
                <span class="tag">{{ metricName(comment.metric) }}</span>
              </p>
              <p class="body">{{ comment.body }}</p>
            </li>
          }
        </ol>
      } @else {
        <p class="empty">
          No comments for {{ period() }} yet.
          @if (canWrite()) {
            Say what is behind a red cell and what is being done about it.
          }
        </p>
      }
      @if (canWrite()) {
        <form class="form" (ngSubmit)="submit()" aria-label="Add a comment">
          <mat-form-field>
            <mat-label>About</mat-label>
            <mat-select [(ngModel)]="metric" name="metric">
              <mat-option [value]="whole">The scorecard as a whole</mat-option>
              @for (choice of metrics(); track choice.key) {
                <mat-option [value]="choice.key">{{ choice.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field class="text">
            <mat-label>Comment</mat-label>
            <textarea
              #bodyInput
              matInput
              name="body"
              rows="3"
              [(ngModel)]="body"
              [maxlength]="maxLength"
              required
            ></textarea>
            <mat-hint align="end">{{ body().length }} / {{ maxLength }}</mat-hint>
          </mat-form-field>
          @if (missing()) {
            <p class="ls-inline-error" role="alert">
              Write the comment first: what happened and what is being done.
            </p>
          }
          @if (error(); as detail) {
            <ls-inline-error [detail]="detail" />
          }
          <div class="ls-actions">
            <button mat-flat-button type="submit" [disabled]="saving()">
              {{ saving() ? 'Posting…' : 'Post comment' }}
            </button>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0 16px;
    }
    .list li {
      padding: 10px 0;
      border-bottom: 1px solid var(--ls-border);
    }
    .list li:last-child {
      border-bottom: none;
    }
    p {
      margin: 0;
    }
    .meta {
      display: flex;
      align-items: baseline;
      gap: 6px;
      flex-wrap: wrap;
      font-size: 0.85rem;
    }
    .tag {
      margin-left: auto;
      padding: 0 8px;
      border-radius: 999px;
      font-size: 0.72rem;
      line-height: 18px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .body {
      margin-top: 4px;
      white-space: pre-line;
      font-size: 0.88rem;
      line-height: 1.45;
    }
    .empty {
      padding: 4px 16px 12px;
      color: var(--ls-muted);
      font-size: 0.88rem;
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px 16px 16px;
      border-top: 1px solid var(--ls-border);
      background: var(--mat-sys-surface-container-lowest);
    }
    .form mat-form-field {
      width: 100%;
    }
  `,
})
export class ScorecardCommentsComponent {
  readonly comments = input.required<readonly ScorecardComment[]>();
  readonly period = input.required<string>();
  readonly metrics = input.required<readonly MetricChoice[]>();
  readonly canWrite = input(false);
  readonly saving = input(false);
  readonly error = input<string | null>(null);
  readonly post = output<CommentDraft>();

  protected readonly maxLength = MAX_COMMENT_LENGTH;
  /** The "about" choice of a comment on the scorecard as a whole (a select shows nothing for null). */
  protected readonly whole = '';
  protected readonly metric = signal<string>('');
  protected readonly body = signal('');
  protected readonly missing = signal(false);
  private readonly bodyInput = viewChild<ElementRef<HTMLTextAreaElement>>('bodyInput');

  protected when(iso: string): string {
    return formatDateTime(iso);
  }

  protected metricName(key: string | null): string {
    if (key === null) return 'Whole scorecard';
    return this.metrics().find((choice) => choice.key === key)?.name ?? key;
  }

  protected submit(): void {
    const body = this.body().trim();
    if (!body) {
      this.missing.set(true);
      this.bodyInput()?.nativeElement.focus();
      return;
    }
    this.missing.set(false);
    this.post.emit({ metric: this.metric() || null, body });
  }

  /** Starts a comment on a metric (from a "comment needed" prompt) and puts the cursor in it. */
  startOn(metric: string | null): void {
    this.metric.set(metric ?? '');
    const input = this.bodyInput()?.nativeElement;
    input?.focus();
  }

  /** Empties the form once the comment is posted. */
  clear(): void {
    this.body.set('');
    this.missing.set(false);
  }
}
