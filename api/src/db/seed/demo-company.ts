import type { OrgUnitType, Role } from '@lodestar/contracts';

/** The demo company: a B2B maker of semiconductor equipment. Fixed data, so screenshots repeat. */
export const DEMO_PASSWORD = 'lodestar-demo';
export const DEMO_FISCAL_CALENDAR = { startMonth: 10, timeZone: 'Europe/Amsterdam' };

export interface DemoUnit {
  key: string;
  name: string;
  type: OrgUnitType;
  parent: string | null;
  leader?: string;
}

export interface DemoUser {
  email: string;
  name: string;
  roles: Role[];
  unit: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  { key: 'company', name: 'Helix Lithography Systems', type: 'COMPANY', parent: null, leader: 'ceo@example.com' },
  { key: 'sales', name: 'Sales', type: 'FUNCTION', parent: 'company', leader: 'vp.sales@example.com' },
  { key: 'marketing', name: 'Marketing', type: 'FUNCTION', parent: 'company', leader: 'vp.marketing@example.com' },
  { key: 'service', name: 'Service', type: 'FUNCTION', parent: 'company', leader: 'vp.service@example.com' },
  { key: 'product', name: 'Product & Engineering', type: 'FUNCTION', parent: 'company', leader: 'vp.product@example.com' },
  { key: 'operations', name: 'Operations', type: 'FUNCTION', parent: 'company', leader: 'vp.operations@example.com' },
  { key: 'quality', name: 'Quality', type: 'FUNCTION', parent: 'company', leader: 'vp.quality@example.com' },
  { key: 'finance', name: 'Finance', type: 'FUNCTION', parent: 'company', leader: 'vp.finance@example.com' },
  { key: 'hr', name: 'HR', type: 'FUNCTION', parent: 'company', leader: 'vp.hr@example.com' },
  { key: 'it', name: 'IT', type: 'FUNCTION', parent: 'company', leader: 'vp.it@example.com' },
  { key: 'key-accounts', name: 'Key Accounts', type: 'TEAM', parent: 'sales', leader: 'lena.fischer@example.com' },
  { key: 'regional-sales', name: 'Regional Sales', type: 'TEAM', parent: 'sales', leader: 'omar.haddad@example.com' },
  { key: 'field-service', name: 'Field Service', type: 'TEAM', parent: 'service', leader: 'ines.costa@example.com' },
  { key: 'customer-support', name: 'Customer Support', type: 'TEAM', parent: 'service', leader: 'member@example.com' },
  { key: 'logistics', name: 'Logistics & Delivery', type: 'TEAM', parent: 'operations', leader: 'tomasz.nowak@example.com' },
  { key: 'manufacturing', name: 'Manufacturing', type: 'TEAM', parent: 'operations', leader: 'aiko.tanaka@example.com' },
  { key: 'platform-engineering', name: 'Platform Engineering', type: 'TEAM', parent: 'product', leader: 'ravi.menon@example.com' },
  { key: 'customer-office', name: 'Customer Satisfaction Office', type: 'TEAM', parent: 'quality', leader: 'cx@example.com' },
  { key: 'euv-line', name: 'EUV Scanner Line', type: 'PRODUCT_LINE', parent: 'product', leader: 'sofia.romano@example.com' },
  { key: 'emea', name: 'EMEA Region', type: 'REGION', parent: 'sales', leader: 'jan.devries@example.com' },
];

const MEMBER: Role[] = ['MEMBER'];

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@example.com', name: 'Alex Admin', roles: ['ADMIN', 'MEMBER'], unit: 'it' },
  { email: 'hr@example.com', name: 'Hanna Reyes', roles: ['HR', 'MEMBER'], unit: 'hr' },
  { email: 'approver@example.com', name: 'Arthur Pryce', roles: ['APPROVER', 'MEMBER'], unit: 'company' },
  { email: 'cx@example.com', name: 'Chloé Xavier', roles: ['CX_LEAD', 'MEMBER'], unit: 'customer-office' },
  { email: 'reviewer@example.com', name: 'Rosa Vidal', roles: ['REVIEWER', 'MEMBER'], unit: 'quality' },
  { email: 'member@example.com', name: 'Max Meyer', roles: MEMBER, unit: 'customer-support' },
  { email: 'ceo@example.com', name: 'Clara Eriksen', roles: ['EXECUTIVE', 'MEMBER'], unit: 'company' },
  { email: 'vp.sales@example.com', name: 'Victor Salas', roles: ['EXECUTIVE', 'MEMBER'], unit: 'sales' },
  { email: 'vp.marketing@example.com', name: 'Maya Kent', roles: ['EXECUTIVE', 'MEMBER'], unit: 'marketing' },
  { email: 'vp.service@example.com', name: 'Sam Okafor', roles: ['EXECUTIVE', 'MEMBER'], unit: 'service' },
  { email: 'vp.product@example.com', name: 'Priya Raman', roles: ['EXECUTIVE', 'MEMBER'], unit: 'product' },
  { email: 'vp.operations@example.com', name: 'Olaf Berg', roles: ['EXECUTIVE', 'MEMBER'], unit: 'operations' },
  { email: 'vp.quality@example.com', name: 'Quinn Delgado', roles: ['EXECUTIVE', 'MEMBER'], unit: 'quality' },
  { email: 'vp.finance@example.com', name: 'Fiona Walsh', roles: ['EXECUTIVE', 'MEMBER'], unit: 'finance' },
  { email: 'vp.hr@example.com', name: 'Henrik Lund', roles: ['EXECUTIVE', 'MEMBER'], unit: 'hr' },
  { email: 'vp.it@example.com', name: 'Ivan Petrov', roles: ['EXECUTIVE', 'MEMBER'], unit: 'it' },
  { email: 'lena.fischer@example.com', name: 'Lena Fischer', roles: MEMBER, unit: 'key-accounts' },
  { email: 'omar.haddad@example.com', name: 'Omar Haddad', roles: MEMBER, unit: 'regional-sales' },
  { email: 'ines.costa@example.com', name: 'Inês Costa', roles: MEMBER, unit: 'field-service' },
  { email: 'tomasz.nowak@example.com', name: 'Tomasz Nowak', roles: MEMBER, unit: 'logistics' },
  { email: 'aiko.tanaka@example.com', name: 'Aiko Tanaka', roles: MEMBER, unit: 'manufacturing' },
  { email: 'ravi.menon@example.com', name: 'Ravi Menon', roles: MEMBER, unit: 'platform-engineering' },
  { email: 'sofia.romano@example.com', name: 'Sofia Romano', roles: MEMBER, unit: 'euv-line' },
  { email: 'jan.devries@example.com', name: 'Jan de Vries', roles: MEMBER, unit: 'emea' },
  { email: 'noah.berger@example.com', name: 'Noah Berger', roles: MEMBER, unit: 'key-accounts' },
  { email: 'amara.obi@example.com', name: 'Amara Obi', roles: MEMBER, unit: 'regional-sales' },
  { email: 'lucas.moreau@example.com', name: 'Lucas Moreau', roles: MEMBER, unit: 'field-service' },
  { email: 'mei.chen@example.com', name: 'Mei Chen', roles: MEMBER, unit: 'field-service' },
  { email: 'diego.ruiz@example.com', name: 'Diego Ruiz', roles: MEMBER, unit: 'customer-support' },
  { email: 'elif.sahin@example.com', name: 'Elif Şahin', roles: MEMBER, unit: 'logistics' },
  { email: 'kwame.mensah@example.com', name: 'Kwame Mensah', roles: MEMBER, unit: 'manufacturing' },
  { email: 'hugo.lambert@example.com', name: 'Hugo Lambert', roles: MEMBER, unit: 'platform-engineering' },
  { email: 'nora.lindqvist@example.com', name: 'Nora Lindqvist', roles: MEMBER, unit: 'marketing' },
  { email: 'paul.schmidt@example.com', name: 'Paul Schmidt', roles: MEMBER, unit: 'finance' },
  { email: 'yara.haddad@example.com', name: 'Yara Haddad', roles: MEMBER, unit: 'quality' },
];
