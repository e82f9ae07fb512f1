import type { Role } from '@lodestar/contracts';
import { navLinksFor } from './navigation';

const labels = (roles: Role[]) => navLinksFor(roles).map((link) => link.label);

describe('navLinksFor', () => {
  it('shows a member the scorecard first, then the organisation, the voice of the customer and CX investments', () => {
    expect(labels(['MEMBER'])).toEqual([
      'Scorecard',
      'Organisation',
      'Voice of the customer',
      'CX investments',
    ]);
  });

  it('puts the scorecard first in every menu', () => {
    for (const roles of [
      ['MEMBER'],
      ['EXECUTIVE'],
      ['HR'],
      ['APPROVER'],
      ['CX_LEAD'],
      ['REVIEWER'],
      ['ADMIN'],
      [],
    ] as Role[][]) {
      expect(labels(roles)[0]).toBe('Scorecard');
    }
  });

  it('shows an administrator users, the audit log and settings, but not the VoC import', () => {
    expect(labels(['ADMIN', 'MEMBER'])).toEqual([
      'Scorecard',
      'Organisation',
      'Voice of the customer',
      'CX investments',
      'Users',
      'Audit log',
      'Settings',
    ]);
  });

  it('shows HR and approvers the plans, statements and audit log but not users or settings, and HR the targets to read', () => {
    expect(labels(['HR', 'MEMBER'])).toEqual([
      'Scorecard',
      'Organisation',
      'Voice of the customer',
      'Targets',
      'CX investments',
      'Incentive plans',
      'Statements',
      'Audit log',
    ]);
    expect(labels(['APPROVER'])).toEqual([
      'Scorecard',
      'Organisation',
      'Voice of the customer',
      'CX investments',
      'Incentive plans',
      'Statements',
      'Audit log',
    ]);
  });

  it('gives CX leads the VoC import, the measurements and the targets, next to the voice of the customer', () => {
    expect(labels(['CX_LEAD', 'MEMBER'])).toEqual([
      'Scorecard',
      'Organisation',
      'Voice of the customer',
      'VoC import',
      'Measurements',
      'Targets',
      'CX investments',
    ]);
  });

  it('gives executives their own incentive but no admin pages, no plans, no import and no measurements entry', () => {
    expect(labels(['EXECUTIVE', 'MEMBER'])).toEqual([
      'Scorecard',
      'Organisation',
      'Voice of the customer',
      'Targets',
      'CX investments',
      'My incentive',
    ]);
    expect(labels(['REVIEWER', 'MEMBER'])).toEqual([
      'Scorecard',
      'Organisation',
      'Voice of the customer',
      'CX investments',
    ]);
  });

  it('lets executives read the targets but not members, reviewers or approvers', () => {
    for (const roles of [['EXECUTIVE'], ['HR'], ['CX_LEAD']] as Role[][]) {
      expect(navLinksFor(roles).find((link) => link.label === 'Targets')?.path).toBe('/targets');
    }
    for (const roles of [['MEMBER'], ['REVIEWER'], ['APPROVER'], ['ADMIN'], []] as Role[][]) {
      expect(labels(roles)).not.toContain('Targets');
    }
  });

  it('still shows the pages for everyone to someone without any role', () => {
    expect(labels([])).toEqual(['Scorecard', 'Organisation', 'Voice of the customer', 'CX investments']);
  });

  it('links each page to its route', () => {
    expect(navLinksFor(['ADMIN', 'CX_LEAD']).map((link) => link.path)).toEqual([
      '/scorecards',
      '/org',
      '/voc',
      '/voc/import',
      '/measurements',
      '/targets',
      '/investments',
      '/users',
      '/audit',
      '/settings',
    ]);
  });

  it('offers CX investments to everyone signed in, since anyone in a unit may propose one', () => {
    for (const roles of [
      ['MEMBER'],
      ['EXECUTIVE'],
      ['HR'],
      ['APPROVER'],
      ['CX_LEAD'],
      ['REVIEWER'],
      ['ADMIN'],
      [],
    ] as Role[][]) {
      expect(navLinksFor(roles).find((link) => link.label === 'CX investments')?.path).toBe('/investments');
    }
  });

  it('keeps the scorecard link lit on a function scorecard below it', () => {
    expect(navLinksFor(['MEMBER']).find((link) => link.path === '/scorecards')?.exact).toBeFalsy();
  });

  it('keeps the explorer link from lighting up on the import page below it', () => {
    const links = navLinksFor(['CX_LEAD']);
    expect(links.find((link) => link.path === '/voc')?.exact).toBe(true);
    expect(links.find((link) => link.path === '/voc/import')?.exact).toBeFalsy();
  });
});
