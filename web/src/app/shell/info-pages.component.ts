import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { ROLE_LABELS } from '@lodestar/contracts';
import { map } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { IconComponent } from '../shared/icon.component';

/** Shown instead of a page the person's roles do not open. */
@Component({
  selector: 'ls-not-allowed-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, IconComponent],
  template: `
    <section class="ls-page">
      <div class="message ls-panel">
        <ls-icon name="lock" class="icon" />
        <div>
          <h1>You are not allowed to open this page</h1>
          <p>
            @if (page(); as path) {
              <span class="ls-mono">{{ path }}</span> needs a role you do not have.
            } @else {
              This page needs a role you do not have.
            }
            Your roles: {{ roles() }}. If you should have access, ask an administrator to add the role.
          </p>
          <a mat-flat-button routerLink="/org">Go to the organisation</a>
        </div>
      </div>
    </section>
  `,
  styleUrl: './info-pages.component.scss',
})
export class NotAllowedPageComponent {
  private readonly auth = inject(AuthService);
  protected readonly page = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((params) => params.get('page'))),
  );
  protected readonly roles = computed(
    () =>
      this.auth
        .roles()
        .map((role) => ROLE_LABELS[role])
        .join(', ') || 'none',
  );
}

/** Shown for an address that leads nowhere. */
@Component({
  selector: 'ls-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, IconComponent],
  template: `
    <section class="ls-page">
      <div class="message ls-panel">
        <ls-icon name="unknown" class="icon" />
        <div>
          <h1>Page not found</h1>
          <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
          <a mat-flat-button routerLink="/org">Go to the organisation</a>
        </div>
      </div>
    </section>
  `,
  styleUrl: './info-pages.component.scss',
})
export class NotFoundPageComponent {}
