import type { Role } from '@lodestar/contracts';
import { navLinksFor } from './navigation';

const labels = (roles: Role[]) => navLinksFor(roles).map((link) => link.label);

describe('navLinksFor', () => {
  it('shows a member only the organisation', () => {
    expect(labels(['MEMBER'])).toEqual(['Organisation']);
  });

  it('shows an administrator users, the audit log and settings', () => {
    expect(labels(['ADMIN', 'MEMBER'])).toEqual(['Organisation', 'Users', 'Audit log', 'Settings']);
  });

  it('shows HR and approvers the audit log but not users or settings', () => {
    expect(labels(['HR', 'MEMBER'])).toEqual(['Organisation', 'Audit log']);
    expect(labels(['APPROVER'])).toEqual(['Organisation', 'Audit log']);
  });

  it('gives executives, CX leads and reviewers no admin pages', () => {
    for (const role of ['EXECUTIVE', 'CX_LEAD', 'REVIEWER'] as Role[]) {
      expect(labels([role, 'MEMBER'])).toEqual(['Organisation']);
    }
  });

  it('still shows the organisation to someone without any role', () => {
    expect(labels([])).toEqual(['Organisation']);
  });

  it('links each page to its route', () => {
    expect(navLinksFor(['ADMIN']).map((link) => link.path)).toEqual([
      '/org',
      '/users',
      '/audit',
      '/settings',
    ]);
  });
});
