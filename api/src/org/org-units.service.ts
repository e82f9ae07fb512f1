import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { OrgUnit, OrgUnitNode, UserSummary } from '@lodestar/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadCache } from '../common/read-cache';
import type { RequestUser } from '../common/request-user';
import { UserEntity } from '../users/user.entity';
import type { CreateOrgUnitDto, UpdateOrgUnitDto } from './dto/org-unit.dto';
import { OrgUnitEntity } from './org-unit.entity';

function auditView(unit: OrgUnitEntity) {
  return { key: unit.key, name: unit.name, type: unit.type, parentId: unit.parentId, leaderId: unit.leaderId };
}

@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  /** The whole tree, roots first, children by name; headcount counts active users in the subtree. */
  async tree(): Promise<OrgUnitNode[]> {
    const units = await this.dataSource.getRepository(OrgUnitEntity).find({ order: { name: 'ASC' } });
    const leaders = await this.summaries(units.map((unit) => unit.leaderId).filter((id): id is string => !!id));
    const counts: { org_unit_id: string; n: string }[] = await this.dataSource.query(
      'SELECT org_unit_id, count(*) AS n FROM users WHERE active AND org_unit_id IS NOT NULL GROUP BY org_unit_id',
    );
    const own = new Map(counts.map((row) => [row.org_unit_id, Number(row.n)]));
    const nodes = new Map<string, OrgUnitNode>(
      units.map((unit) => [unit.id, { ...this.toOrgUnit(unit, leaders), headcount: 0, children: [] }]),
    );
    const roots: OrgUnitNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    const total = (node: OrgUnitNode): number =>
      (node.headcount = (own.get(node.id) ?? 0) + node.children.reduce((sum, child) => sum + total(child), 0));
    roots.forEach(total);
    return roots;
  }

  async create(actor: RequestUser, body: CreateOrgUnitDto): Promise<OrgUnit> {
    const unit = await this.audit.write(actor, async (manager, record) => {
      if (await manager.existsBy(OrgUnitEntity, { key: body.key })) {
        throw new ConflictException(`An org unit with the key "${body.key}" already exists: choose another key.`);
      }
      const parentId = await this.parentId(manager, body.parentKey);
      if (body.type !== 'COMPANY' && !parentId) {
        throw new BadRequestException('Only the company has no parent: give parentKey, e.g. "sales".');
      }
      await this.assertLeader(manager, body.leaderId);
      const created = await manager.save(
        manager.create(OrgUnitEntity, {
          key: body.key,
          name: body.name,
          type: body.type,
          parentId,
          leaderId: body.leaderId ?? null,
        }),
      );
      await record({ action: 'org-unit.create', entityType: 'org-unit', entityId: created.key, after: auditView(created) });
      return created;
    });
    this.cache.changed('org');
    return this.toOrgUnit(unit, await this.summaries(unit.leaderId ? [unit.leaderId] : []));
  }

  async update(actor: RequestUser, key: string, body: UpdateOrgUnitDto): Promise<OrgUnit> {
    const unit = await this.audit.write(actor, async (manager, record) => {
      const existing = await manager.findOneBy(OrgUnitEntity, { key });
      if (!existing) throw new NotFoundException(`There is no org unit with the key "${key}".`);
      const before = auditView(existing);
      if (body.parentKey !== undefined) {
        const parentId = await this.parentId(manager, body.parentKey);
        if (parentId) await this.assertNoCycle(manager, existing.id, parentId);
        if (!parentId && (body.type ?? existing.type) !== 'COMPANY') {
          throw new BadRequestException('Only the company has no parent: give parentKey, e.g. "sales".');
        }
        existing.parentId = parentId;
      }
      if (body.leaderId !== undefined) {
        await this.assertLeader(manager, body.leaderId);
        existing.leaderId = body.leaderId;
      }
      if (body.name !== undefined) existing.name = body.name;
      if (body.type !== undefined) existing.type = body.type;
      const saved = await manager.save(existing);
      await record({ action: 'org-unit.update', entityType: 'org-unit', entityId: key, before, after: auditView(saved) });
      return saved;
    });
    this.cache.changed('org');
    return this.toOrgUnit(unit, await this.summaries(unit.leaderId ? [unit.leaderId] : []));
  }

  private async parentId(manager: EntityManager, parentKey: string | null | undefined): Promise<string | null> {
    if (!parentKey) return null;
    const parent = await manager.findOneBy(OrgUnitEntity, { key: parentKey });
    if (!parent) throw new BadRequestException(`There is no org unit with the key "${parentKey}" to be the parent.`);
    return parent.id;
  }

  private async assertNoCycle(manager: EntityManager, unitId: string, parentId: string): Promise<void> {
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id FROM org_units WHERE id = $1
         UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
       SELECT id FROM up WHERE id = $2`,
      [parentId, unitId],
    );
    if (rows.length) throw new BadRequestException('A unit cannot move under itself or one of its own sub-units.');
  }

  private async assertLeader(manager: EntityManager, leaderId: string | null | undefined): Promise<void> {
    if (leaderId && !(await manager.existsBy(UserEntity, { id: leaderId, active: true }))) {
      throw new BadRequestException(`There is no active user with the id ${leaderId} to lead the unit.`);
    }
  }

  private async summaries(ids: string[]): Promise<Map<string, UserSummary>> {
    if (!ids.length) return new Map();
    const users = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.id IN (:...ids)', { ids })
      .getMany();
    return new Map(users.map((u) => [u.id, { id: u.id, email: u.email, name: u.name, roles: u.roles }]));
  }

  private toOrgUnit(unit: OrgUnitEntity, leaders: Map<string, UserSummary>): OrgUnit {
    return {
      id: unit.id,
      key: unit.key,
      name: unit.name,
      type: unit.type,
      parentId: unit.parentId,
      leader: unit.leaderId ? (leaders.get(unit.leaderId) ?? null) : null,
    };
  }
}
