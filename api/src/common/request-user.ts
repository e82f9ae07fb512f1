import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@lodestar/contracts';
import type { Request } from 'express';

/** The signed-in user as the access guard attaches it to the request. */
export interface RequestUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  orgUnitId: string | null;
  mustChangePassword: boolean;
  sessionId: string;
}

export type AuthenticatedRequest = Request & { user?: RequestUser };

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestUser | undefined => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
});
