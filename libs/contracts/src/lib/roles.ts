/** The roles of SPEC section 2. A person may hold several. */
export const ROLES = ['ADMIN', 'HR', 'APPROVER', 'CX_LEAD', 'REVIEWER', 'EXECUTIVE', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Administrator',
  HR: 'HR (compensation)',
  APPROVER: 'Approver',
  CX_LEAD: 'CX lead',
  REVIEWER: 'Recognition reviewer',
  EXECUTIVE: 'Executive',
  MEMBER: 'Member',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(held: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => held.includes(role));
}
