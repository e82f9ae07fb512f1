import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AUTH_API, AuthService } from './auth.service';

/** When the server says the session is gone, forget the user and ask them to sign in again. */
export const sessionInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      const isAuthCall = request.url.startsWith(AUTH_API);
      if (error instanceof HttpErrorResponse && error.status === 401 && !isAuthCall && auth.signedIn()) {
        auth.expire();
        const returnUrl = router.url;
        void router.navigate(['/sign-in'], { queryParams: { returnUrl, expired: 1 } });
      }
      return throwError(() => error);
    }),
  );
};
