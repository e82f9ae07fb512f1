import {
  COMPONENT_SCOPE_LABELS,
  fiscalPositionOf,
  parsePeriod,
  type ComponentScope,
  type PlanVersionStatus,
} from '@lodestar/contracts';
import { currentMonth } from '../metrics/period-options';
import type { IconName } from '../shared/icon.component';
import { MONEY_CURRENCY } from '../shared/format';

/** How a version's status shows: a word and an icon on a chip colour (never colour alone). */
export interface PlanStatusInfo {
  label: string;
  icon: IconName;
  /** The `data-status` of the shared `.ls-status-chip` styles. */
  chip: 'neutral' | 'pending' | 'green' | 'amber';
  /** What the status means for whoever reads the version. */
  hint: string;
}

export const PLAN_STATUS_INFO: Readonly<Record<PlanVersionStatus, PlanStatusInfo>> = {
  DRAFT: {
    label: 'Draft',
    icon: 'edit',
    chip: 'neutral',
    hint: 'HR edits a draft and submits it for approval.',
  },
  IN_REVIEW: {
    label: 'In review',
    icon: 'history',
    chip: 'pending',
    hint: 'Submitted: an approver who neither wrote it nor takes part in it approves or rejects it.',
  },
  APPROVED: {
    label: 'Approved',
    icon: 'check',
    chip: 'amber',
    hint: 'Approved, with its curves, weights and target bonuses frozen; HR publishes it.',
  },
  PUBLISHED: {
    label: 'Published',
    icon: 'lock',
    chip: 'green',
    hint: 'Published and in force from its first quarter; a change needs a new version.',
  },
};

export function scopeLabel(scope: ComponentScope): string {
  return COMPONENT_SCOPE_LABELS[scope] ?? scope;
}

/** Intl formats exact decimal strings (no binary rounding) when given them as strings. */
type DecimalText = string;
function formatText(format: Intl.NumberFormat, value: DecimalText): string {
  return format.format(value as unknown as number);
}

const payoutFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const deltaPayoutFormat = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const plainFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 });

/** A payout % (a decimal string) with one decimal: "87.456" → "87.5 %"; null → "–". */
export function formatPayout(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  return `${formatText(payoutFormat, value)} %`;
}

/** A change of payout, signed: "+12.5 %", "−3.0 %", "0.0 %". */
export function formatPayoutDelta(value: string): string {
  return `${formatText(deltaPayoutFormat, value)} %`;
}

/** A number typed in a plan (a weight, a curve value): as the locale writes it, up to six decimals. */
export function formatPlain(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  return /^-?\d+(\.\d+)?$/.test(value) ? formatText(plainFormat, value) : value;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string, cents: boolean, signed: boolean): Intl.NumberFormat {
  const key = `${currency}|${cents}|${signed}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: cents ? 2 : 0,
      maximumFractionDigits: cents ? 2 : 0,
      signDisplay: signed ? 'exceptZero' : 'auto',
      roundingMode: 'halfEven',
    } as Intl.NumberFormatOptions);
    moneyFormats.set(key, format);
  }
  return format;
}

/** Money of a statement, with cents: "18452.05" → "€18,452.05"; null → "–". */
export function formatMoneyCents(value: string | null | undefined, currency = MONEY_CURRENCY): string {
  if (value === null || value === undefined || value === '') return '–';
  return formatText(moneyFormat(currency, true, false), value);
}

/** A change of cost with its sign and cents: "+€1,250.00", "−€310.40". */
export function formatMoneyDelta(value: string, currency = MONEY_CURRENCY): string {
  return formatText(moneyFormat(currency, true, true), value);
}

/** Money in whole units (a target bonus, a year's cost): "€40,000". */
export function formatMoneyWhole(value: string | null | undefined, currency = MONEY_CURRENCY): string {
  if (value === null || value === undefined || value === '') return '–';
  return formatText(moneyFormat(currency, false, false), value);
}

/** The fiscal quarter holding today, in the company's calendar: "FY2027-Q1". */
export function currentQuarter(startMonth: number, timeZone: string, today = new Date()): string {
  const month = parsePeriod(currentMonth(timeZone, today));
  if (month.kind !== 'month') throw new Error('A month label was expected.');
  const { fiscalYear, quarter } = fiscalPositionOf(month.year, month.month, startMonth);
  return `FY${fiscalYear}-Q${quarter}`;
}

/** The quarters from `from` on, `count` of them: ("FY2027-Q3", 4) → FY2027-Q3, FY2027-Q4, FY2028-Q1, FY2028-Q2. */
export function quartersFrom(from: string, count: number): string[] {
  const period = parsePeriod(from);
  if (period.kind !== 'quarter') return [];
  const quarters: string[] = [];
  let { fiscalYear, quarter } = period as { fiscalYear: number; quarter: number };
  for (let i = 0; i < count; i++) {
    quarters.push(`FY${fiscalYear}-Q${quarter}`);
    quarter++;
    if (quarter > 4) {
      quarter = 1;
      fiscalYear++;
    }
  }
  return quarters;
}

/** The quarters a preview or what-if can use: today's and the four before it, newest first. */
export function recentQuarters(current: string): string[] {
  const period = parsePeriod(current);
  if (period.kind !== 'quarter') return [current];
  const start =
    period.quarter === 1 ? `FY${period.fiscalYear - 1}-Q1` : `FY${period.fiscalYear - 1}-Q${period.quarter}`;
  return quartersFrom(start, 5).reverse();
}

/** "FY2027-Q1" → 2027. */
export function fiscalYearOf(quarter: string): number {
  const period = parsePeriod(quarter);
  return period.kind === 'month' ? period.year : period.fiscalYear;
}
