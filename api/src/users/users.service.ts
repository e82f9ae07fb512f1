import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Page, TemporaryPasswordResponse, User } from '@lodestar/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword, temporaryPassword } from '../auth/passwords';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import { OrgUnitEntity } from '../org/org-unit.entity';
import type { CreateUserDto, UpdateUserDto, UserListQuery } from './dto/user.dto';
import { UserEntity } from './user.entity';

/** What the audit log keeps of a user: never the password hash. */
function auditView(user: UserEntity) {
  return { email: user.email, name: user.name, roles: user.roles, orgUnitId: user.orgUnitId, active: user.active };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  async list(query: UserListQuery): Promise<Page<User>> {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (query.search) {
      qb.where('(u.name ILIKE :s OR u.email ILIKE :s)', { s: `%${query.search.replace(/[\\%_]/g, '\\$&')}%` });
    }
    const [rows, total] = await qb
      .orderBy('u.name', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const keys = await this.unitKeys();
    return { items: rows.map((row) => this.toUser(row, keys)), total, page: query.page, pageSize: query.pageSize };
  }

  async create(actor: RequestUser, body: CreateUserDto): Promise<TemporaryPasswordResponse> {
    const email = body.email.toLowerCase();
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const user = await this.audit.write(actor, async (manager, record) => {
      if (await manager.existsBy(UserEntity, { email })) {
        throw new ConflictException(`A user with the e-mail ${email} already exists.`);
      }
      await this.assertUnit(manager, body.orgUnitId);
      const created = await manager.save(
        manager.create(UserEntity, {
          email,
          name: body.name,
          roles: body.roles,
          orgUnitId: body.orgUnitId ?? null,
          passwordHash,
          mustChangePassword: true,
          active: true,
        }),
      );
      await record({ action: 'user.create', entityType: 'user', entityId: created.id, after: auditView(created) });
      return created;
    });
    this.cache.changed('org'); // headcounts
    return { user: this.toUser(user, await this.unitKeys()), temporaryPassword: password };
  }

  async update(actor: RequestUser, id: string, body: UpdateUserDto): Promise<User> {
    const user = await this.audit.write(actor, async (manager, record) => {
      const existing = await this.find(manager, id);
      if (existing.id === actor.id) {
        if (body.roles && !sameSet(body.roles, existing.roles)) {
          throw new ForbiddenException('Nobody can change their own roles: ask another administrator.');
        }
        if (body.active === false) throw new ForbiddenException('You cannot deactivate your own account.');
      }
      if (body.orgUnitId !== undefined) await this.assertUnit(manager, body.orgUnitId);
      const before = auditView(existing);
      Object.assign(existing, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.roles !== undefined ? { roles: body.roles } : {}),
        ...(body.orgUnitId !== undefined ? { orgUnitId: body.orgUnitId } : {}),
        ...(body.active !== undefined ? { active: body.active } : {}),
      });
      const saved = await manager.save(existing);
      if (body.active === false) await manager.query('DELETE FROM sessions WHERE user_id = $1', [id]);
      const action = body.roles && !sameSet(body.roles, before.roles) ? 'user.roles.change' : 'user.update';
      await record({ action, entityType: 'user', entityId: id, before, after: auditView(saved) });
      return saved;
    });
    this.cache.changed('sessions', 'org'); // the user's roles, unit or access, and headcounts
    return this.toUser(user, await this.unitKeys());
  }

  /** Issues a temporary password that must be changed at next sign-in; ends the user's sessions. */
  async resetPassword(actor: RequestUser, id: string): Promise<TemporaryPasswordResponse> {
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const user = await this.audit.write(actor, async (manager, record) => {
      const existing = await this.find(manager, id);
      existing.passwordHash = passwordHash;
      existing.mustChangePassword = true;
      const saved = await manager.save(existing);
      await manager.query('DELETE FROM sessions WHERE user_id = $1', [id]);
      await record({ action: 'password.reset', entityType: 'user', entityId: id, reason: 'temporary password issued' });
      return saved;
    });
    this.cache.changed('sessions');
    return { user: this.toUser(user, await this.unitKeys()), temporaryPassword: password };
  }

  private async find(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await manager.findOneBy(UserEntity, { id });
    if (!user) throw new NotFoundException(`There is no user with the id ${id}.`);
    return user;
  }

  private async assertUnit(manager: EntityManager, orgUnitId: string | null | undefined): Promise<void> {
    if (orgUnitId && !(await manager.existsBy(OrgUnitEntity, { id: orgUnitId }))) {
      throw new BadRequestException(`There is no org unit with the id ${orgUnitId}: pick one from GET /api/v1/org-units.`);
    }
  }

  private async unitKeys(): Promise<Map<string, string>> {
    const units = await this.dataSource.getRepository(OrgUnitEntity).find({ select: { id: true, key: true } });
    return new Map(units.map((unit) => [unit.id, unit.key]));
  }

  private toUser(user: UserEntity, keys: Map<string, string>): User {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      orgUnitId: user.orgUnitId,
      orgUnitKey: user.orgUnitId ? (keys.get(user.orgUnitId) ?? null) : null,
      active: user.active,
      mustChangePassword: user.mustChangePassword,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
