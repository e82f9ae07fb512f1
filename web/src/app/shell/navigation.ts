import type { Role } from '@lodestar/contracts';
import { canOpenPage, type PageKey } from '../auth/page-access';
import type { IconName } from '../shared/icon.component';

export interface NavLink {
  page: PageKey;
  label: string;
  path: string;
  icon: IconName;
  /** Active only on its own path, not on the pages below it (the explorer, not the import under it). */
  exact?: boolean;
}

export const NAV_LINKS: readonly NavLink[] = [
  { page: 'scorecards', label: 'Scorecard', path: '/scorecards', icon: 'scorecard' },
  { page: 'org', label: 'Organisation', path: '/org', icon: 'org' },
  { page: 'voc', label: 'Voice of the customer', path: '/voc', icon: 'forum', exact: true },
  { page: 'voc-import', label: 'VoC import', path: '/voc/import', icon: 'upload' },
  { page: 'measurements', label: 'Measurements', path: '/measurements', icon: 'table' },
  { page: 'targets', label: 'Targets', path: '/targets', icon: 'target' },
  { page: 'investments', label: 'CX investments', path: '/investments', icon: 'flag' },
  { page: 'my-incentive', label: 'My incentive', path: '/my-incentive', icon: 'star' },
  { page: 'plans', label: 'Incentive plans', path: '/plans', icon: 'trend' },
  { page: 'pay-statements', label: 'Statements', path: '/pay-statements', icon: 'file' },
  { page: 'users', label: 'Users', path: '/users', icon: 'people' },
  { page: 'audit', label: 'Audit log', path: '/audit', icon: 'history' },
  { page: 'settings', label: 'Settings', path: '/settings', icon: 'settings' },
];

/** The side-navigation links a person with these roles may follow, in menu order. */
export function navLinksFor(roles: readonly Role[]): NavLink[] {
  return NAV_LINKS.filter((link) => canOpenPage(link.page, roles));
}
