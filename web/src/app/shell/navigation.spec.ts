import type { Role } from '@lodestar/contracts';
import { navLinksFor } from './navigation';

const labels = (roles: Role[]) => navLinksFor(roles).map((link) => link.label);

describe('navLinksFor', () => {
  it('shows a member the organisation and the voice of the customer', () => {
    expect(labels(['MEMBER'])).toEqual(['Organisation', 'Voice of the customer']);
  });

  it('shows an administrator users, the audit log and settings, but not the VoC import', () => {
    expect(labels(['ADMIN', 'MEMBER'])).toEqual([
      'Organisation',
      'Voice of the customer',
      'Users',
      'Audit log',
      'Settings',
    ]);
  });

  it('shows HR and approvers the audit log but not users or settings', () => {
    expect(labels(['HR', 'MEMBER'])).toEqual(['Organisation', 'Voice of the customer', 'Audit log']);
    expect(labels(['APPROVER'])).toEqual(['Organisation', 'Voice of the customer', 'Audit log']);
  });

  it('gives CX leads the VoC import and the measurements, next to the voice of the customer', () => {
    expect(labels(['CX_LEAD', 'MEMBER'])).toEqual([
      'Organisation',
      'Voice of the customer',
      'VoC import',
      'Measurements',
    ]);
  });

  it('gives executives and reviewers no admin pages, no import and no measurements entry', () => {
    for (const role of ['EXECUTIVE', 'REVIEWER'] as Role[]) {
      expect(labels([role, 'MEMBER'])).toEqual(['Organisation', 'Voice of the customer']);
    }
  });

  it('still shows the pages for everyone to someone without any role', () => {
    expect(labels([])).toEqual(['Organisation', 'Voice of the customer']);
  });

  it('links each page to its route', () => {
    expect(navLinksFor(['ADMIN', 'CX_LEAD']).map((link) => link.path)).toEqual([
      '/org',
      '/voc',
      '/voc/import',
      '/measurements',
      '/users',
      '/audit',
      '/settings',
    ]);
  });

  it('keeps the explorer link from lighting up on the import page below it', () => {
    const links = navLinksFor(['CX_LEAD']);
    expect(links.find((link) => link.path === '/voc')?.exact).toBe(true);
    expect(links.find((link) => link.path === '/voc/import')?.exact).toBeFalsy();
  });
});
