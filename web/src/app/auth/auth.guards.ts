import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';
import { canOpenPage, homePathFor, PageKey, safeReturnUrl } from './page-access';

/**
 * The app's root sends a signed-in person home: executives to the company scorecard, everyone else
 * to the organisation. A guard rather than a redirect, so that it runs after the sign-in and sees
 * the person's roles.
 */
export const homeGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return inject(Router).parseUrl(homePathFor(auth.roles()));
};

/** Signed-out users go to the sign-in page (and come back afterwards); a temporary password must be replaced first. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (!auth.signedIn()) {
    return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
  }
  if (auth.mustChangePassword()) {
    return router.createUrlTree(['/change-password'], { queryParams: { returnUrl: state.url } });
  }
  return true;
};

/** The sign-in page is for signed-out users only. */
export const signedOutGuard: CanActivateFn = (route) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (!auth.signedIn()) return true;
  if (auth.mustChangePassword()) return router.createUrlTree(['/change-password']);
  return router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl'), homePathFor(auth.roles())));
};

/** Changing a password needs a session. */
export const passwordChangeGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return auth.signedIn()
    ? true
    : router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** A page the user's roles do not open shows the "not allowed" page instead of a blank one. */
export function pageGuard(page: PageKey): CanActivateFn {
  return (_route, state) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    if (canOpenPage(page, auth.roles())) return true;
    return router.createUrlTree(['/not-allowed'], { queryParams: { page: state.url } });
  };
}
