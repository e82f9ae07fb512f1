import { hasAnyRole, type Role } from '@lodestar/contracts';

/** The pages of the app and who may open them; the API enforces the same rules on its routes. */
export type PageKey =
  | 'scorecards'
  | 'org'
  | 'voc'
  | 'voc-import'
  | 'measurements'
  | 'targets'
  | 'investments'
  | 'my-incentive'
  | 'plans'
  | 'pay-statements'
  | 'users'
  | 'audit'
  | 'settings';

export const EVERYONE = 'everyone';

export const PAGE_ROLES: Readonly<Record<PageKey, readonly Role[] | typeof EVERYONE>> = {
  scorecards: EVERYONE,
  org: EVERYONE,
  voc: EVERYONE,
  'voc-import': ['CX_LEAD'],
  measurements: ['CX_LEAD'],
  // The CX lead sets targets; executives and HR read them (scorecards and pay curves rest on them).
  targets: ['CX_LEAD', 'EXECUTIVE', 'HR'],
  // Anyone in a unit may propose a CX investment; CX leads and approvers decide them on the same page.
  investments: EVERYONE,
  // Executives are the plans' participants; the API answers only with their own pay.
  'my-incentive': ['EXECUTIVE'],
  // HR drafts and runs plans; approvers review versions, what-ifs and statements.
  plans: ['HR', 'APPROVER'],
  'pay-statements': ['HR', 'APPROVER'],
  users: ['ADMIN'],
  audit: ['HR', 'APPROVER', 'ADMIN'],
  settings: ['ADMIN'],
};

export function canOpenPage(page: PageKey, roles: readonly Role[]): boolean {
  const allowed = PAGE_ROLES[page];
  return allowed === EVERYONE || hasAnyRole(roles, allowed);
}

/**
 * Where a person lands after signing in (and on the app's root): executives on the company
 * scorecard, their home; everyone else on the organisation, where their own work starts.
 */
export function homePathFor(roles: readonly Role[]): string {
  return roles.includes('EXECUTIVE') ? '/scorecards' : '/org';
}

/** Only app-internal paths may be a place to return to after signing in. */
export function safeReturnUrl(value: string | null | undefined, fallback = '/org'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/sign-in') || value.startsWith('/change-password')) return fallback;
  return value;
}
