import type { Role } from './roles';

/** RFC 9457 problem details, as every API error is written. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

export interface User extends UserSummary {
  orgUnitId: string | null;
  orgUnitKey: string | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  user: CurrentUser;
}

export interface CurrentUser extends UserSummary {
  mustChangePassword: boolean;
  orgUnitId: string | null;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  roles: Role[];
  orgUnitId?: string | null;
}

export interface UpdateUserRequest {
  name?: string;
  roles?: Role[];
  orgUnitId?: string | null;
  active?: boolean;
}

/** Returned once when a user is created or an admin resets a password. */
export interface TemporaryPasswordResponse {
  user: User;
  temporaryPassword: string;
}

export const ORG_UNIT_TYPES = ['COMPANY', 'FUNCTION', 'TEAM', 'PRODUCT_LINE', 'REGION'] as const;
export type OrgUnitType = (typeof ORG_UNIT_TYPES)[number];

export interface OrgUnit {
  id: string;
  key: string;
  name: string;
  type: OrgUnitType;
  parentId: string | null;
  leader: UserSummary | null;
}

export interface OrgUnitNode extends OrgUnit {
  headcount: number;
  children: OrgUnitNode[];
}

export interface CreateOrgUnitRequest {
  key: string;
  name: string;
  type: OrgUnitType;
  parentKey?: string | null;
  leaderId?: string | null;
}

export interface UpdateOrgUnitRequest {
  name?: string;
  type?: OrgUnitType;
  parentKey?: string | null;
  leaderId?: string | null;
}

export interface FiscalCalendar {
  /** 1 = January … 12 = December. */
  startMonth: number;
  /** IANA time zone that decides which month a dated fact falls in. */
  timeZone: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  payData: boolean;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  valid: boolean;
  checked: number;
  firstBrokenId: string | null;
  /** null when no anchor file is configured or it holds no entries yet. */
  anchorMatches: boolean | null;
  anchoredHead: { id: string; hash: string } | null;
  head: { id: string; hash: string } | null;
}

/**
 * The company's one currency (SPEC §2: "in the company's one currency"): money metrics, CX
 * investments, target bonuses and statements. A fixed value until the company can set it.
 */
export const COMPANY_CURRENCY = 'EUR';
