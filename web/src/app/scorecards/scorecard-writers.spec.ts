import type { OrgUnitNode } from '@lodestar/contracts';
import { canWriteScorecard, ownerChoices } from './scorecard-writers';
import { OPERATIONS_SCORECARD } from './scorecard.fixtures';

const person = (id: string, name: string) => ({ id, name, email: `${id}@example.com`, roles: [] });
const unit = (key: string, leader: string | null, children: OrgUnitNode[] = []): OrgUnitNode => ({
  id: key,
  key,
  name: key,
  type: 'FUNCTION',
  parentId: null,
  leader: leader ? person(leader, leader.toUpperCase()) : null,
  headcount: 1,
  children,
});

const TREE = [
  unit('company', 'ceo', [
    unit('operations', 'vp-ops', [unit('logistics', 'lead-log')]),
    unit('sales', 'vp-sales'),
  ]),
];

describe('who writes on a scorecard', () => {
  it('lets the executive of the unit or of a unit above it, and any CX lead, write', () => {
    expect(canWriteScorecard({ id: 'vp-ops', roles: ['EXECUTIVE'] }, TREE, 'operations')).toBe(true);
    expect(canWriteScorecard({ id: 'vp-ops', roles: ['EXECUTIVE'] }, TREE, 'logistics')).toBe(true);
    expect(canWriteScorecard({ id: 'ceo', roles: ['EXECUTIVE'] }, TREE, 'sales')).toBe(true);
    expect(canWriteScorecard({ id: 'cx', roles: ['CX_LEAD'] }, TREE, 'sales')).toBe(true);
  });

  it('keeps other executives, members and unknown units out', () => {
    expect(canWriteScorecard({ id: 'vp-sales', roles: ['EXECUTIVE'] }, TREE, 'operations')).toBe(false);
    expect(canWriteScorecard({ id: 'vp-ops', roles: ['MEMBER'] }, TREE, 'operations')).toBe(false);
    expect(canWriteScorecard({ id: 'vp-ops', roles: ['EXECUTIVE'] }, TREE, 'nowhere')).toBe(false);
    expect(canWriteScorecard(null, TREE, 'operations')).toBe(false);
  });

  it('offers as owners the writer, the leaders around the unit and the people already on its plans', () => {
    const choices = ownerChoices(
      { id: 'vp-ops', name: 'VP-OPS' },
      TREE,
      'operations',
      OPERATIONS_SCORECARD.actionPlans,
    );
    expect(choices.map((choice) => choice.id)).toEqual(['aiko', 'ceo', 'lead-log', 'vp-ops']);
  });
});
