import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { AuditVerification } from '@lodestar/contracts';
import { IntegerPipe } from '../shared/format.pipes';
import { IconComponent, IconName } from '../shared/icon.component';

type Tone = 'ok' | 'bad' | 'neutral';

/** The verdict of the hash-chain check, in words and icons as well as colour. */
@Component({
  selector: 'ls-chain-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent, IntegerPipe],
  template: `
    <section class="banner" [attr.data-tone]="tone()" aria-labelledby="chain-title" aria-live="polite">
      <ls-icon class="big" [name]="icon()" />
      <div class="body">
        @if (verification(); as result) {
          <h2 id="chain-title">{{ heading() }}</h2>
          <ul class="facts">
            <li>
              <ls-icon [name]="result.valid ? 'check' : 'close'" />
              {{ result.checked | lsInteger }} {{ result.checked === 1 ? 'entry' : 'entries' }} checked{{
                result.valid
                  ? ': every entry matches the hash of the one before it.'
                  : ': an entry was changed or removed after it was written.'
              }}
            </li>
            @if (anchor(); as line) {
              <li>
                <ls-icon [name]="line.icon" />
                {{ line.text }}
              </li>
            }
            @if (result.head; as head) {
              <li class="ls-muted">
                <ls-icon name="history" />
                Latest entry #{{ head.id }}, hash <span class="ls-mono">{{ head.hash.slice(0, 12) }}…</span>
              </li>
            }
          </ul>
        } @else if (problem()) {
          <h2 id="chain-title">Chain status unknown</h2>
          <p role="alert">{{ problem() }}</p>
        } @else {
          <h2 id="chain-title">Checking the audit chain…</h2>
          <p class="ls-muted">Every entry's hash is being recomputed.</p>
        }
      </div>
      <button mat-stroked-button type="button" (click)="verify.emit()" [disabled]="checking()">
        <ls-icon name="refresh" />
        {{ checking() ? 'Checking…' : 'Check again' }}
      </button>
    </section>
  `,
  styles: `
    .banner {
      display: flex;
      align-items: flex-start;
      gap: 14px;
      padding: 14px 16px;
      border-radius: 12px;
      border: 1px solid var(--ls-border);
      background: var(--mat-sys-surface);
    }
    .banner[data-tone='ok'] {
      background: var(--ls-ok-container);
      border-color: color-mix(in srgb, var(--ls-ok) 35%, transparent);
      .big,
      h2 {
        color: var(--ls-ok);
      }
    }
    .banner[data-tone='bad'] {
      background: var(--ls-bad-container);
      border-color: color-mix(in srgb, var(--ls-bad) 35%, transparent);
      .big,
      h2 {
        color: var(--ls-bad);
      }
    }
    .big {
      --ls-icon-size: 32px;
      color: var(--mat-sys-on-surface-variant);
    }
    .body {
      flex: 1;
      min-width: 0;
    }
    h2 {
      font: var(--mat-sys-title-medium);
    }
    p {
      margin: 4px 0 0;
    }
    .facts {
      list-style: none;
      margin: 6px 0 0;
      padding: 0;
      display: grid;
      gap: 3px;
      li {
        display: flex;
        align-items: center;
        gap: 6px;
        --ls-icon-size: 16px;
        flex-wrap: wrap;
      }
    }
    button {
      flex: none;
    }
  `,
})
export class ChainStatusComponent {
  readonly verification = input<AuditVerification | null>(null);
  readonly checking = input(false);
  readonly problem = input<string | null>(null);
  readonly verify = output<void>();

  protected readonly tone = computed<Tone>(() => {
    const result = this.verification();
    if (!result) return 'neutral';
    return result.valid && result.anchorMatches !== false ? 'ok' : 'bad';
  });

  protected readonly heading = computed(() => {
    const result = this.verification();
    if (!result) return '';
    if (!result.valid) return `Audit chain broken at entry #${result.firstBrokenId ?? '?'}`;
    if (result.anchorMatches === false) return 'Audit chain rewritten: it no longer matches its anchor';
    return 'Audit chain intact';
  });

  protected readonly anchor = computed<{ icon: IconName; text: string } | null>(() => {
    const result = this.verification();
    if (!result) return null;
    if (result.anchorMatches === true) {
      const upTo = result.anchoredHead ? `, up to entry #${result.anchoredHead.id}` : '';
      return { icon: 'check', text: `Anchor matches: yes${upTo}.` };
    }
    if (result.anchorMatches === false) {
      return {
        icon: 'close',
        text: 'Anchor matches: no. The chain differs from the copy kept outside the database.',
      };
    }
    return { icon: 'info', text: 'Anchor: not configured, or nothing anchored yet.' };
  });

  protected readonly icon = computed<IconName>(() => {
    const result = this.verification();
    if (!result) return this.problem() ? 'unknown' : 'history';
    return result.valid && result.anchorMatches !== false ? 'ok' : 'broken';
  });
}
