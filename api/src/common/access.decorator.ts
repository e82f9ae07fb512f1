import { SetMetadata } from '@nestjs/common';
import type { Role } from '@lodestar/contracts';

export const ACCESS_KEY = 'lodestar:access';
export const PASSWORD_CHANGE_EXEMPT_KEY = 'lodestar:password-change-exempt';

/** Who may call a route. Every route states one; a route without it is refused and fails the matrix test. */
export type AccessRule = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: readonly Role[] };

/** Anyone, signed in or not (sign-in itself, health checks). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user, whatever their roles. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { kind: 'signed-in' } satisfies AccessRule);

/** Signed-in users holding at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);

/** Reachable while the user still has to replace a temporary password (me, logout, change password). */
export const AllowedBeforePasswordChange = () => SetMetadata(PASSWORD_CHANGE_EXEMPT_KEY, true);
