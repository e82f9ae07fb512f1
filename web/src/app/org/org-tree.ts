import type { OrgUnitNode, OrgUnitType } from '@lodestar/contracts';

export const ORG_UNIT_TYPE_LABELS: Readonly<Record<OrgUnitType, string>> = {
  COMPANY: 'Company',
  FUNCTION: 'Function',
  TEAM: 'Team',
  PRODUCT_LINE: 'Product line',
  REGION: 'Region',
};

export interface FlatUnit {
  node: OrgUnitNode;
  depth: number;
  parent: OrgUnitNode | null;
}

/** Every unit of the tree, depth-first in display order, with its depth (0 for a root). */
export function flattenUnits(roots: readonly OrgUnitNode[]): FlatUnit[] {
  const out: FlatUnit[] = [];
  const walk = (nodes: readonly OrgUnitNode[], depth: number, parent: OrgUnitNode | null) => {
    for (const node of nodes) {
      out.push({ node, depth, parent });
      walk(node.children, depth + 1, node);
    }
  };
  walk(roots, 0, null);
  return out;
}

/** The ids of a unit and every unit below it. */
export function subtreeIds(node: OrgUnitNode): Set<string> {
  const ids = new Set<string>();
  const walk = (unit: OrgUnitNode) => {
    ids.add(unit.id);
    unit.children.forEach(walk);
  };
  walk(node);
  return ids;
}

export interface OrgSummary {
  units: number;
  functions: number;
  people: number;
}

export function summarise(roots: readonly OrgUnitNode[]): OrgSummary {
  const all = flattenUnits(roots);
  return {
    units: all.length,
    functions: all.filter((unit) => unit.node.type === 'FUNCTION').length,
    people: roots.reduce((sum, root) => sum + root.headcount, 0),
  };
}

/** The units that are open when the page opens: the roots, so the functions show. */
export function defaultExpanded(roots: readonly OrgUnitNode[]): Set<string> {
  return new Set(roots.filter((root) => root.children.length > 0).map((root) => root.id));
}
