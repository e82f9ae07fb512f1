import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { CurrentUser, Role } from '@lodestar/contracts';
import { routes } from '../app.routes';
import { AuthService } from './auth.service';

async function landingOf(roles: Role[]): Promise<string> {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      provideRouter(routes),
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const restored = TestBed.inject(AuthService).restore();
  const user: CurrentUser = {
    id: 'u1',
    email: 'someone@example.com',
    name: 'Someone',
    roles,
    mustChangePassword: false,
    orgUnitId: null,
  };
  http.expectOne('/api/v1/auth/me').flush(user);
  await restored;
  const router = TestBed.inject(Router);
  await router.navigateByUrl('/');
  return router.url;
}

describe('landing after sign-in', () => {
  it('opens the app on the company scorecard for an executive', async () => {
    expect(await landingOf(['EXECUTIVE', 'MEMBER'])).toBe('/scorecards');
  });

  it('opens the app on the organisation for a member', async () => {
    expect(await landingOf(['MEMBER'])).toBe('/org');
  });
});

describe('landing from the root while signed out', () => {
  it('remembers the root, not a page chosen before the roles are known', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter(routes),
      ],
    });
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/');
    expect(router.url).toBe('/sign-in?returnUrl=%2F');
  });
});
