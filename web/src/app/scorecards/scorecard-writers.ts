import type { ActionPlan, CurrentUser, OrgUnitNode, ScorecardComment } from '@lodestar/contracts';

/** The chain of units from a root down to the unit with `key`, or null when the tree lacks it. */
export function pathTo(roots: readonly OrgUnitNode[], key: string): OrgUnitNode[] | null {
  for (const root of roots) {
    if (root.key === key) return [root];
    const below = pathTo(root.children, key);
    if (below) return [root, ...below];
  }
  return null;
}

/**
 * Whether the person may write on a unit's scorecard (comments, action plans): a CX lead, or an
 * executive who leads the unit or a unit above it. The API decides; this only hides forms that
 * would be refused.
 */
export function canWriteScorecard(
  user: Pick<CurrentUser, 'id' | 'roles'> | null,
  roots: readonly OrgUnitNode[],
  key: string,
): boolean {
  if (!user) return false;
  if (user.roles.includes('CX_LEAD')) return true;
  if (!user.roles.includes('EXECUTIVE')) return false;
  return (pathTo(roots, key) ?? []).some((unit) => unit.leader?.id === user.id);
}

export interface PersonChoice {
  id: string;
  name: string;
}

/**
 * Who can be made the owner of an action plan from this page: the person writing it, the leaders of
 * the unit, of the units above and below it, and everyone who already owns one of its plans.
 */
export function ownerChoices(
  user: Pick<CurrentUser, 'id' | 'name'> | null,
  roots: readonly OrgUnitNode[],
  key: string,
  plans: readonly ActionPlan[],
  comments: readonly ScorecardComment[] = [],
): PersonChoice[] {
  const people = new Map<string, string>();
  if (user) people.set(user.id, user.name);
  const path = pathTo(roots, key) ?? [];
  const unit = path[path.length - 1];
  const walk = (node: OrgUnitNode) => {
    if (node.leader) people.set(node.leader.id, node.leader.name);
    node.children.forEach(walk);
  };
  if (unit) walk(unit);
  for (const node of path) if (node.leader) people.set(node.leader.id, node.leader.name);
  for (const plan of plans) people.set(plan.owner.id, plan.owner.name);
  for (const comment of comments) people.set(comment.author.id, comment.author.name);
  return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
