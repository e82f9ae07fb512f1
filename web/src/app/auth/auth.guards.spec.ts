import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  GuardResult,
  MaybeAsync,
  provideRouter,
  Router,
  RouterStateSnapshot,
  UrlTree,
} from '@angular/router';
import type { CurrentUser } from '@lodestar/contracts';
import { firstValueFrom, isObservable } from 'rxjs';
import { pageGuard, signedInGuard, signedOutGuard } from './auth.guards';
import { AuthService } from './auth.service';

const person = (overrides: Partial<CurrentUser> = {}): CurrentUser => ({
  id: '00000000-0000-4000-8000-000000000002',
  email: 'admin@example.com',
  name: 'Alex Admin',
  roles: ['ADMIN', 'MEMBER'],
  mustChangePassword: false,
  orgUnitId: null,
  ...overrides,
});

function setUp() {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
  });
  const auth = TestBed.inject(AuthService);
  const http = TestBed.inject(HttpTestingController);
  const router = TestBed.inject(Router);
  /** Signs the person in through the same call the app makes at start. */
  const restore = async (user: CurrentUser | null) => {
    const done = auth.restore();
    const request = http.expectOne('/api/v1/auth/me');
    if (user) request.flush(user);
    else
      request.flush(
        { status: 401, detail: 'Sign in to continue.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await done;
  };
  return { auth, router, restore };
}

function run(guard: typeof signedInGuard, url: string, query: Record<string, string> = {}) {
  const route = new ActivatedRouteSnapshot();
  route.queryParams = query;
  const state = { url } as RouterStateSnapshot;
  return runInInjectionContext(TestBed.inject(EnvironmentInjector), () => guard(route, state));
}

async function resolved(result: MaybeAsync<GuardResult>): Promise<GuardResult> {
  return isObservable(result) ? firstValueFrom(result) : result;
}

const serialize = (router: Router, result: GuardResult) =>
  result instanceof UrlTree ? router.serializeUrl(result) : result;

describe('auth guards', () => {
  it('redirects a signed-out visitor to the sign-in page and remembers where they were going', async () => {
    const { router, restore } = setUp();
    await restore(null);
    const result = await resolved(run(signedInGuard, '/users?search=max'));
    expect(serialize(router, result)).toBe('/sign-in?returnUrl=%2Fusers%3Fsearch%3Dmax');
  });

  it('lets a signed-in user through', async () => {
    const { restore } = setUp();
    await restore(person());
    expect(await resolved(run(signedInGuard, '/org'))).toBe(true);
  });

  it('sends a user with a temporary password to the password change and nowhere else', async () => {
    const { router, restore } = setUp();
    await restore(person({ mustChangePassword: true }));
    const result = await resolved(run(signedInGuard, '/org'));
    expect(serialize(router, result)).toBe('/change-password?returnUrl=%2Forg');
  });

  it('sends a signed-in user away from the sign-in page to where they wanted to go', async () => {
    const { router, restore } = setUp();
    await restore(person());
    const result = await resolved(run(signedOutGuard, '/sign-in', { returnUrl: '/audit' }));
    expect(serialize(router, result)).toBe('/audit');
  });

  it('sends a signed-in executive with nowhere to return to to the company scorecard', async () => {
    const { router, restore } = setUp();
    await restore(person({ roles: ['EXECUTIVE', 'MEMBER'] }));
    const result = await resolved(run(signedOutGuard, '/sign-in'));
    expect(serialize(router, result)).toBe('/scorecards');
  });

  it('refuses an outside address as the place to return to', async () => {
    const { router, restore } = setUp();
    await restore(person());
    const result = await resolved(run(signedOutGuard, '/sign-in', { returnUrl: '//evil.example.com' }));
    expect(serialize(router, result)).toBe('/org');
  });

  it('shows the not-allowed page when the role does not open the page', async () => {
    const { router, restore } = setUp();
    await restore(person({ roles: ['MEMBER'] }));
    const result = await resolved(run(pageGuard('users'), '/users'));
    expect(serialize(router, result)).toBe('/not-allowed?page=%2Fusers');
    expect(await resolved(run(pageGuard('org'), '/org'))).toBe(true);
  });

  it('opens the users page to an administrator', async () => {
    const { restore } = setUp();
    await restore(person());
    expect(await resolved(run(pageGuard('users'), '/users'))).toBe(true);
  });
});
