import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { IconComponent, IconName } from './icon.component';

/** An indeterminate progress bar announced to screen readers while something loads. */
@Component({
  selector: 'ls-loading',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule],
  template: `
    <mat-progress-bar mode="indeterminate" [attr.aria-label]="label()" />
    <span class="ls-visually-hidden" role="status">{{ label() }}</span>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class LoadingComponent {
  readonly label = input('Loading…');
}

/** What an empty list or page means, and what to do about it. */
@Component({
  selector: 'ls-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent],
  template: `
    <ls-icon [name]="icon()" class="icon" />
    <div>
      <p class="title">{{ title() }}</p>
      <p class="hint"><ng-content /></p>
    </div>
  `,
  styles: `
    :host {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 24px;
      color: var(--mat-sys-on-surface-variant);
    }
    .icon {
      --ls-icon-size: 28px;
      color: var(--mat-sys-outline);
    }
    p {
      margin: 0;
    }
    .title {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
      margin-bottom: 4px;
    }
  `,
})
export class EmptyStateComponent {
  readonly title = input.required<string>();
  readonly icon = input<IconName>('info');
}

/** A failed load: the API's own explanation and a way to try again. */
@Component({
  selector: 'ls-error-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent, MatButtonModule],
  template: `
    <div class="box" role="alert">
      <ls-icon name="error" />
      <div class="text">
        <p class="title">{{ title() }}</p>
        <p>{{ detail() }}</p>
        @if (errors().length) {
          <ul>
            @for (item of errors(); track item) {
              <li>{{ item }}</li>
            }
          </ul>
        }
      </div>
      @if (retryable()) {
        <button mat-stroked-button type="button" (click)="retry.emit()">Try again</button>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .box {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 14px 16px;
      border-radius: 12px;
      background: var(--ls-bad-container);
      color: var(--ls-bad);
    }
    .text {
      flex: 1;
    }
    p {
      margin: 0;
    }
    .title {
      font-weight: 600;
      margin-bottom: 2px;
    }
    ul {
      margin: 6px 0 0;
      padding-left: 18px;
    }
  `,
})
export class ErrorStateComponent {
  readonly title = input('This could not be loaded');
  readonly detail = input.required<string>();
  readonly errors = input<string[]>([]);
  readonly retryable = input(true);
  readonly retry = output<void>();
}

/** A request's failure shown beside the form that sent it. */
@Component({
  selector: 'ls-inline-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IconComponent],
  template: `
    <div class="ls-inline-error" role="alert">
      <ls-icon name="error" />
      <div>
        <span>{{ detail() }}</span>
        @if (errors().length) {
          <ul>
            @for (item of errors(); track item) {
              <li>{{ item }}</li>
            }
          </ul>
        }
      </div>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class InlineErrorComponent {
  readonly detail = input.required<string>();
  readonly errors = input<string[]>([]);
}
