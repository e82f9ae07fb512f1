import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { ChangePasswordRequest, CurrentUser, LoginRequest, LoginResponse } from '@lodestar/contracts';
import { firstValueFrom, map, Observable, tap } from 'rxjs';

export const AUTH_API = '/api/v1/auth';

/** The signed-in person, kept in a signal; the session itself is an httpOnly cookie the browser sends. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly current = signal<CurrentUser | null>(null);

  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  readonly roles = computed(() => this.current()?.roles ?? []);
  readonly mustChangePassword = computed(() => this.current()?.mustChangePassword === true);

  /** Restores a session from the cookie at start; any failure just means "signed out". */
  async restore(): Promise<void> {
    try {
      this.current.set(await firstValueFrom(this.http.get<CurrentUser>(`${AUTH_API}/me`)));
    } catch (error: unknown) {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        console.warn('Could not restore the session', error);
      }
      this.current.set(null);
    }
  }

  signIn(request: LoginRequest): Observable<CurrentUser> {
    return this.http.post<LoginResponse>(`${AUTH_API}/login`, request).pipe(
      map((response) => response.user),
      tap((user) => this.current.set(user)),
    );
  }

  changePassword(request: ChangePasswordRequest): Observable<CurrentUser> {
    return this.http
      .post<CurrentUser>(`${AUTH_API}/password`, request)
      .pipe(tap((user) => this.current.set(user)));
  }

  /** Ends the session on the server; the local state is cleared whatever the answer. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(`${AUTH_API}/logout`, null));
    } catch {
      // An expired session is already signed out.
    } finally {
      this.current.set(null);
    }
  }

  /** Forgets the user after the server said the session is gone. */
  expire(): void {
    this.current.set(null);
  }
}
