import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLE_LABELS } from '@lodestar/contracts';
import { ACCESS_KEY, AccessRule, PASSWORD_CHANGE_EXEMPT_KEY } from '../common/access.decorator';
import type { AuthenticatedRequest } from '../common/request-user';
import { AuthService, SESSION_COOKIE } from './auth.service';

export function bearerToken(req: AuthenticatedRequest): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  const cookies = (req as { cookies?: Record<string, string> }).cookies;
  return cookies?.[SESSION_COOKIE] || undefined;
}

/**
 * The one gate for every route: it reads the route's access rule and refuses routes that declare
 * none (fail closed), requests without a valid session, users who must first replace a temporary
 * password, and users without one of the required roles.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, targets);
    if (!rule) throw new ForbiddenException('This route declares no access rule, so it is closed to everyone.');
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(req);
    const user = token ? await this.auth.authenticate(token) : null;
    if (user) req.user = user;
    if (rule.kind === 'public') return true;
    if (!user) throw new UnauthorizedException('Sign in to continue: your session is missing or has expired.');
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_EXEMPT_KEY, targets)) {
      throw new ForbiddenException('Change your temporary password first (POST /api/v1/auth/password).');
    }
    if (rule.kind === 'roles' && !rule.roles.some((role) => user.roles.includes(role))) {
      const names = rule.roles.map((role) => ROLE_LABELS[role]).join(' or ');
      throw new ForbiddenException(`This needs the role ${names}; ask an administrator if you should have it.`);
    }
    return true;
  }
}
