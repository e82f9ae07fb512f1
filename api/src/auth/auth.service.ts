import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import type { CurrentUser, LoginResponse } from '@lodestar/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import { ConfigurationService } from '../config/configuration.service';
import { UserEntity } from '../users/user.entity';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, verifyPassword } from './passwords';
import { SessionEntity } from './session.entity';

export const SESSION_COOKIE = 'lodestar_session';
const WRONG_CREDENTIALS = 'The e-mail address or password is not right: check both and try again.';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toCurrentUser(user: UserEntity): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    mustChangePassword: user.mustChangePassword,
    orgUnitId: user.orgUnitId,
  };
}

/** A hash to verify against when the e-mail is unknown, so both failures take the same time. */
let decoyHash: Promise<string> | undefined;

/** How long a session lookup may be reused; writes in this process retire it at once. */
const SESSION_CACHE_MS = 5_000;

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly config: ConfigurationService,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  async login(emailInput: string, password: string, client: string): Promise<LoginResponse & { expiresAt: Date }> {
    const email = emailInput.trim().toLowerCase();
    this.throttle.assertAllowed(email, client);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
    if (!user || !ok || !user.active) {
      this.throttle.recordFailure(email, client);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    this.throttle.recordSuccess(email);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.get('sessionTtlHours') * 3_600_000);
    await this.dataSource.getRepository(SessionEntity).insert({ userId: user.id, tokenHash: tokenHash(token), expiresAt });
    return { accessToken: token, user: toCurrentUser(user), expiresAt };
  }

  /** The user behind a bearer token, or null when the token is unknown, expired or the user inactive. */
  /**
   * The signed-in user of a session token. Asked on every request, so the answer is cached for a
   * few seconds: sign-out, password changes and user changes made here retire it at once; a
   * change made by another API process shows within SESSION_CACHE_MS.
   */
  authenticate(token: string): Promise<RequestUser | null> {
    const hash = tokenHash(token);
    return this.cache.get(`session:${hash}`, ['sessions'], SESSION_CACHE_MS, () => this.readSession(hash));
  }

  private async readSession(hash: string): Promise<RequestUser | null> {
    const rows: (UserEntity & { sessionId: string })[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.roles, u.org_unit_id AS "orgUnitId", u.must_change_password AS "mustChangePassword",
              s.id AS "sessionId"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
      [hash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      roles: row.roles,
      orgUnitId: row.orgUnitId,
      mustChangePassword: row.mustChangePassword,
      sessionId: row.sessionId,
    };
  }

  async logout(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ id: sessionId });
    this.cache.changed('sessions');
  }

  async me(userId: string): Promise<CurrentUser> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: userId });
    return toCurrentUser(user);
  }

  /** Replaces the password (required after a reset); other sessions of the user end. */
  async changePassword(actor: RequestUser, currentPassword: string, newPassword: string): Promise<CurrentUser> {
    const repo = this.dataSource.getRepository(UserEntity);
    const user = await repo.findOneByOrFail({ id: actor.id });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new BadRequestException('The current password is not right: type the password you signed in with.');
    }
    if (currentPassword === newPassword) {
      throw new BadRequestException('The new password must differ from the current one.');
    }
    const passwordHash = await hashPassword(newPassword);
    const changed = await this.audit.write(actor, async (manager, record) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash, mustChangePassword: false });
      await manager.query('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [user.id, actor.sessionId]);
      await record({ action: 'password.change', entityType: 'user', entityId: user.id, reason: 'changed by the user' });
      return toCurrentUser({ ...user, passwordHash, mustChangePassword: false });
    });
    this.cache.changed('sessions');
    return changed;
  }
}
