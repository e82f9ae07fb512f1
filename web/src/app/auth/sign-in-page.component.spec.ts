import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { CurrentUser } from '@lodestar/contracts';
import { AuthService } from './auth.service';
import { SignInPageComponent } from './sign-in-page.component';

const MEMBER: CurrentUser = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'member@example.com',
  name: 'Max Meyer',
  roles: ['MEMBER'],
  mustChangePassword: false,
  orgUnitId: null,
};

function setUp() {
  TestBed.configureTestingModule({
    imports: [SignInPageComponent],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideRouter([])],
  });
  const fixture = TestBed.createComponent(SignInPageComponent);
  const element: HTMLElement = fixture.nativeElement;
  const http = TestBed.inject(HttpTestingController);
  const router = TestBed.inject(Router);
  const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  fixture.detectChanges();

  const input = (label: string): HTMLInputElement => {
    const labelElement = Array.from(element.querySelectorAll('label')).find((candidate) =>
      candidate.textContent?.includes(label),
    );
    const id = labelElement?.getAttribute('for');
    const field = id ? element.querySelector<HTMLInputElement>(`#${id}`) : null;
    if (!field) throw new Error(`No input is labelled ${label}`);
    return field;
  };
  const type = (label: string, value: string) => {
    const field = input(label);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    const button = Array.from(element.querySelectorAll('button')).find(
      (candidate) => candidate.textContent?.trim() === 'Sign in',
    );
    if (!button) throw new Error('No "Sign in" button');
    button.click();
    await fixture.whenStable();
  };
  return { fixture, element, http, navigate, type, submit };
}

describe('SignInPageComponent', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the problem detail from the API in an alert when the credentials are wrong', async () => {
    const { fixture, element, http, type, submit, navigate } = setUp();
    type('Email', 'member@example.com');
    type('Password', 'not-the-password');
    await submit();

    const request = http.expectOne('/api/v1/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'member@example.com', password: 'not-the-password' });
    request.flush(
      {
        type: 'about:blank',
        title: 'Not signed in',
        status: 401,
        detail: 'The e-mail address or password is wrong.',
      },
      { status: 401, statusText: 'Unauthorized', headers: { 'Content-Type': 'application/problem+json' } },
    );
    await fixture.whenStable();

    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The e-mail address or password is wrong.');
    expect(navigate).not.toHaveBeenCalled();
    expect(TestBed.inject(AuthService).signedIn()).toBe(false);
  });

  it('shows the throttling detail when there were too many attempts', async () => {
    const { fixture, element, http, type, submit } = setUp();
    type('Email', 'member@example.com');
    type('Password', 'guess');
    await submit();

    http.expectOne('/api/v1/auth/login').flush(
      {
        title: 'Too many requests',
        status: 429,
        detail: 'Too many failed sign-ins: wait 15 minutes and try again.',
      },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await fixture.whenStable();

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Too many failed sign-ins: wait 15 minutes and try again.',
    );
  });

  it('does not call the API while the form is incomplete', async () => {
    const { http, submit } = setUp();
    await submit();
    http.expectNone('/api/v1/auth/login');
  });

  it('signs in and goes to the organisation', async () => {
    const { fixture, http, type, submit, navigate } = setUp();
    type('Email', ' member@example.com ');
    type('Password', 'lodestar-demo');
    await submit();

    http.expectOne('/api/v1/auth/login').flush({ accessToken: 'token', user: MEMBER });
    await fixture.whenStable();

    expect(TestBed.inject(AuthService).user()).toEqual(MEMBER);
    expect(navigate).toHaveBeenCalledWith('/org');
  });

  it('signs an executive in to the company scorecard, their home', async () => {
    const { fixture, http, type, submit, navigate } = setUp();
    type('Email', 'ceo@example.com');
    type('Password', 'lodestar-demo');
    await submit();

    http.expectOne('/api/v1/auth/login').flush({
      accessToken: 'token',
      user: { ...MEMBER, email: 'ceo@example.com', roles: ['EXECUTIVE', 'MEMBER'] },
    });
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith('/scorecards');
  });
});
