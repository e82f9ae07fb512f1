import type {
  ComponentTrace,
  CurveSegment,
  GateTrace,
  InputBasis,
  InquiryStatus,
  MetricUnit,
  PayoutPoint,
  StatementStatus,
} from '@lodestar/contracts';
import { Decimal } from 'decimal.js';
import { MONEY_CURRENCY } from '../shared/format';
import type { IconName } from '../shared/icon.component';

/**
 * How statements read: money with cents, payouts as percentages with one decimal, metric values in their
 * unit, and the words for bases, statuses, curve segments, caps and gates. Every figure arrives as a
 * decimal string and is formatted from its decimal digits — never through a binary floating point
 * number — so "18452.05" shows as "€18,452.05" and a trace's full-precision figure keeps every digit.
 */

/** What is shown for a value there is none of. */
export const NO_VALUE = '—';

function readDecimal(value: string | number | null | undefined): Decimal | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  try {
    const decimal = new Decimal(typeof value === 'string' ? value.trim() : value);
    return decimal.isFinite() ? decimal : null;
  } catch {
    return null;
  }
}

const decimalSeparators = new Map<string, string>();

function decimalSeparator(locale: string | undefined): string {
  const key = locale ?? '';
  let separator = decimalSeparators.get(key);
  if (separator === undefined) {
    separator =
      new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
    decimalSeparators.set(key, separator);
  }
  return separator;
}

const integerFormats = new Map<string, Intl.NumberFormat>();

function integerFormat(currency: string | null): Intl.NumberFormat {
  const key = currency ?? '';
  let format = integerFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      ...(currency ? { style: 'currency' as const, currency } : {}),
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    integerFormats.set(key, format);
  }
  return format;
}

/**
 * A decimal written the locale's way from its own digits: the integer part grouped by `Intl` (as a
 * BigInt, so exactly), then the locale's decimal separator and `fraction` as given. With a currency
 * the symbol sits where the locale puts it.
 */
function formatDigits(value: Decimal, fractionDigits: number | null, currency: string | null): string {
  const text = fractionDigits === null ? value.abs().toFixed() : value.abs().toFixed(fractionDigits);
  const [integerText, fraction = ''] = text.split('.');
  const negative = value.isNegative() && !value.isZero() && /[1-9]/.test(text);
  const integer = BigInt(integerText);
  // Formatting −0 would lose the sign, so a seed of 1 carries it and its digit is replaced.
  const seed = integer === 0n ? 1n : integer;
  const parts = integerFormat(currency).formatToParts(negative ? -seed : seed);
  const lastInteger = parts.map((part) => part.type).lastIndexOf('integer');
  return parts
    .map((part, index) => {
      let shown = part.type === 'integer' && integer === 0n ? '0' : part.value;
      if (index === lastInteger && fraction) shown += decimalSeparator(undefined) + fraction;
      return shown;
    })
    .join('');
}

/**
 * Money on a statement, with cents, rounded half-even to cents when it has more:
 * "18452.05" → "€18,452.05", "-250" → "-€250.00", "0.125" → "€0.12". "—" when there is none.
 */
export function formatStatementMoney(
  value: string | null | undefined,
  currency: string = MONEY_CURRENCY,
): string {
  const decimal = readDecimal(value);
  if (!decimal) return NO_VALUE;
  return formatDigits(decimal.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN), 2, currency);
}

/**
 * Money with every digit the calculation kept, for the trace: "12356.0547945205479452055" →
 * "€12,356.0547945205479452055". Whole cents still show two decimals: "12356.5" → "€12,356.50".
 */
export function formatExactMoney(
  value: string | null | undefined,
  currency: string = MONEY_CURRENCY,
): string {
  const decimal = readDecimal(value);
  if (!decimal) return NO_VALUE;
  return formatDigits(decimal, Math.max(2, decimal.decimalPlaces()), currency);
}

/** A plain decimal with every digit it has and the locale's grouping: "14958.904109589" → "14,958.904109589". */
export function formatExactDecimal(value: string | null | undefined): string {
  const decimal = readDecimal(value);
  if (!decimal) return NO_VALUE;
  return formatDigits(decimal, null, null);
}

/** A decimal with exactly `digits` decimals, rounded half-even: ("87.45", 1) → "87.4". */
export function formatFixed(value: string | null | undefined, digits: number): string {
  const decimal = readDecimal(value);
  if (!decimal) return NO_VALUE;
  return formatDigits(decimal.toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN), digits, null);
}

/**
 * A payout, in % of target, with one decimal, rounded half-even: "162" → "162.0 %", "42.25" → "42.2 %",
 * "42.35" → "42.4 %". "—" when there is none.
 */
export function formatPayout(value: string | null | undefined): string {
  const text = formatFixed(value, 1);
  return text === NO_VALUE ? text : `${text} %`;
}

/** A payout with every digit the calculation kept: "42.5714285714" → "42.5714285714 %". */
export function formatExactPayout(value: string | null | undefined): string {
  const text = formatExactDecimal(value);
  return text === NO_VALUE ? text : `${text} %`;
}

export interface MetricValueOptions {
  /** Every digit the calculation used (the trace), instead of the usual rounding. */
  exact?: boolean;
  /** The currency of `currency` metrics. */
  currency?: string;
}

/**
 * A metric's value as a statement shows it: percentages with one decimal ("112.4 %"), scores and
 * counts with at most two decimals ("46.8", "+" never added, "2.35"), money with its currency and no
 * cents. With `exact`, every digit. "—" for none.
 */
export function formatMetricValue(
  value: string | null | undefined,
  unit: MetricUnit,
  options: MetricValueOptions = {},
): string {
  const decimal = readDecimal(value);
  if (!decimal) return NO_VALUE;
  const currency = options.currency ?? MONEY_CURRENCY;
  if (options.exact) {
    if (unit === 'currency') return formatExactMoney(decimal.toFixed(), currency);
    const text = formatDigits(decimal, null, null);
    return unit === 'percent' ? `${text} %` : text;
  }
  switch (unit) {
    case 'percent':
      return `${formatDigits(decimal.toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN), 1, null)} %`;
    case 'currency':
      return formatDigits(decimal.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN), 0, currency);
    case 'score':
    case 'count': {
      const rounded = decimal.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
      return formatDigits(rounded, rounded.decimalPlaces(), null);
    }
  }
}

export interface LabelInfo {
  label: string;
  icon: IconName;
  /** The colour family of its chip; the word and the icon carry the meaning too. */
  tone: 'green' | 'amber' | 'red' | 'neutral' | 'pending' | 'insufficient';
}

const BASIS_LABELS: Readonly<Record<InputBasis, string>> = {
  ACTUAL: 'Actual result',
  TRAILING_TWELVE_MONTHS: 'Trailing twelve months (sample too small for the quarter)',
  PARENT_UNIT: 'Parent unit’s result (sample too small)',
  OVERRIDE: 'Override entered by HR and approved',
  AT_TARGET: 'Paid at target (no sufficient sample)',
};

/** How an input's value was obtained, in words. */
export function basisLabel(basis: InputBasis): string {
  return BASIS_LABELS[basis];
}

/** The statuses of a statement, as words with an icon. */
export const STATEMENT_STATUS_INFO: Readonly<Record<StatementStatus, LabelInfo>> = {
  PROJECTION: { label: 'Projection', icon: 'trend', tone: 'pending' },
  CLOSED: { label: 'Closed — in review', icon: 'lock', tone: 'amber' },
  RELEASED: { label: 'Released', icon: 'ok', tone: 'green' },
};

/** "Projection", "Closed — in review", "Released". */
export function statementStatusLabel(status: StatementStatus): string {
  return STATEMENT_STATUS_INFO[status].label;
}

/** The statuses of an inquiry, as words with an icon. */
export const INQUIRY_STATUS_INFO: Readonly<Record<InquiryStatus, LabelInfo>> = {
  OPEN: { label: 'Open', icon: 'history', tone: 'pending' },
  ANSWERED: { label: 'Answered', icon: 'forum', tone: 'neutral' },
  ADJUSTED: { label: 'Adjusted', icon: 'ok', tone: 'green' },
  REJECTED: { label: 'Rejected', icon: 'broken', tone: 'red' },
};

/** What a gate did, in words with an icon. */
export const GATE_OUTCOME_INFO: Readonly<Record<GateTrace['outcome'], LabelInfo>> = {
  BINDS: { label: 'Binds', icon: 'block', tone: 'red' },
  MET: { label: 'Met', icon: 'ok', tone: 'green' },
  INSUFFICIENT_SAMPLE: { label: 'Does not bind: insufficient sample', icon: 'warning', tone: 'insufficient' },
};

function pointText(point: PayoutPoint, unit?: MetricUnit): string {
  const value = unit ? formatMetricValue(point.value, unit) : formatExactDecimal(point.value);
  return `${value} ↦ ${formatPayout(point.payout)}`;
}

/**
 * Where on its curve a value fell, as a sentence: "Short of the first point (90.0 % ↦ 50.0 %): pays 0 %.",
 * "Between 100.0 % ↦ 100.0 % and 120.0 % ↦ 200.0 %: paid on the straight line between them." With the
 * metric's unit the values are formatted in it.
 */
export function segmentSentence(segment: CurveSegment, unit?: MetricUnit): string {
  switch (segment.kind) {
    case 'SHORT':
      return `Short of the first point (${pointText(segment.first, unit)}): pays 0 %.`;
    case 'BETWEEN':
      return `Between ${pointText(segment.from, unit)} and ${pointText(segment.to, unit)}: paid on the straight line between them.`;
    case 'BEYOND':
      return `Beyond the last point (${pointText(segment.last, unit)}): pays ${formatPayout(segment.last.payout)}, the curve’s end.`;
    case 'AT_TARGET':
      return 'No sufficient result: paid at target (100.0 %).';
  }
}

/** A component's cap and gate effects, each as a word, an icon and what it did. */
export interface ComponentEffect {
  kind: 'CAP' | 'GATE';
  label: string;
  icon: IconName;
  detail: string;
}

function isLess(a: string, b: string): boolean {
  const left = readDecimal(a);
  const right = readDecimal(b);
  return !!left && !!right && left.lessThan(right);
}

/** The effects that lowered a component's payout: its cap when the curve went past it, and each binding gate. */
export function componentEffects(component: ComponentTrace): ComponentEffect[] {
  const effects: ComponentEffect[] = [];
  if (component.cap !== null && isLess(component.afterCap, component.curvePayout)) {
    effects.push({
      kind: 'CAP',
      label: 'Capped',
      icon: 'flag',
      detail: `The curve pays ${formatPayout(component.curvePayout)}; the component’s cap is ${formatPayout(component.cap)}.`,
    });
  }
  for (const gate of component.gatedBy) {
    const binding = isLess(gate.maxPayout, component.afterCap);
    effects.push({
      kind: 'GATE',
      label: binding ? 'Gated' : 'Gate applies',
      icon: 'block',
      detail: binding
        ? `${gate.gate}: at most ${formatPayout(gate.maxPayout)} instead of ${formatPayout(component.afterCap)}.`
        : `${gate.gate}: at most ${formatPayout(gate.maxPayout)}, which this payout is within.`,
    });
  }
  return effects;
}

/** Money's sign in words for an adjustment or a carried amount: "+€250.00", "-€120.00". */
export function formatSignedMoney(
  value: string | null | undefined,
  currency: string = MONEY_CURRENCY,
): string {
  const decimal = readDecimal(value);
  if (!decimal) return NO_VALUE;
  const text = formatStatementMoney(value, currency);
  return decimal.greaterThan(0) && decimal.toDecimalPlaces(2).greaterThan(0) ? `+${text}` : text;
}

/** Whether a money figure is non-zero once rounded to cents (adjustments, carried amounts). */
export function isNonZeroMoney(value: string | null | undefined): boolean {
  const decimal = readDecimal(value);
  return !!decimal && !decimal.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).isZero();
}

/** A decimal string as a number, for drawing only (chart positions), never for sums of money. */
export function chartNumber(value: string | null | undefined): number | null {
  const decimal = readDecimal(value);
  return decimal ? decimal.toNumber() : null;
}

/** The exact sum of decimal strings (adjustments), as a decimal string. */
export function sumDecimals(values: readonly string[]): string {
  return values.reduce((sum, value) => sum.plus(readDecimal(value) ?? 0), new Decimal(0)).toFixed();
}

/** Compares two decimal strings exactly: negative, zero or positive as `a` is below, equal to or above `b`. */
export function compareDecimals(a: string, b: string): number {
  const left = readDecimal(a) ?? new Decimal(0);
  const right = readDecimal(b) ?? new Decimal(0);
  return left.comparedTo(right);
}

/** The absolute value of a decimal string, as a decimal string. */
export function absDecimal(value: string): string {
  return (readDecimal(value) ?? new Decimal(0)).abs().toFixed();
}
