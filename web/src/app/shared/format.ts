import { COMPANY_CURRENCY } from '@lodestar/contracts';
/** Numbers and dates for the reader's locale (Intl picks it from the browser). */
const integerFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateTimeSecondsFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

const decimalFormats = new Map<number, Intl.NumberFormat>();

/** A number with exactly `digits` decimals, e.g. 87.456 → "87.5" (grouping as the locale does). */
export function formatDecimal(value: number, digits: number): string {
  let format = decimalFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    decimalFormats.set(digits, format);
  }
  return format.format(value);
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** "812 bytes", "1.4 MB": powers of 1,024, one decimal from kilobytes up. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0
    ? `${formatInteger(value)} ${BYTE_UNITS[0]}`
    : `${formatDecimal(value, 1)} ${BYTE_UNITS[unit]}`;
}

export function formatDateTime(iso: string, withSeconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (withSeconds ? dateTimeSecondsFormat : dateTimeFormat).format(date);
}

/** "1 person", "12 people" */
export function formatPeople(count: number): string {
  return `${formatInteger(count)} ${count === 1 ? 'person' : 'people'}`;
}

/** Month names in the reader's language, January first. */
export function monthNames(style: 'long' | 'short' = 'long'): string[] {
  const format = new Intl.DateTimeFormat(undefined, { month: style, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, index) => format.format(new Date(Date.UTC(2024, index, 1))));
}

/** "2025-10" → "Oct 2025" */
export function formatMonthLabel(label: string, style: 'long' | 'short' = 'short'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) return label;
  const format = new Intl.DateTimeFormat(undefined, { month: style, year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** The currency money metrics are kept in: the company's one currency. */
export const MONEY_CURRENCY = COMPANY_CURRENCY;

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Money with its currency and no cents: 1250000.4 → "€1,250,000". */
export function formatMoney(value: number, currency = MONEY_CURRENCY): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    moneyFormats.set(currency, format);
  }
  return format.format(value);
}

/** A value already in percent, with one decimal: 87.456 → "87.5 %". */
export function formatPercent(value: number, digits = 1): string {
  return `${formatDecimal(value, digits)} %`;
}

const amountFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A plain amount with grouping and at most two decimals: 1250000 → "1,250,000", 37.456 → "37.46". */
export function formatAmount(value: number): string {
  return amountFormat.format(value);
}

const compactMoneyFormats = new Map<string, Intl.NumberFormat>();

/** Money in a dense grid: its currency and at most three significant digits, 152345000 → "€152M". */
export function formatMoneyCompact(value: number, currency = MONEY_CURRENCY): string {
  let format = compactMoneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumSignificantDigits: 3,
    });
    compactMoneyFormats.set(currency, format);
  }
  return format.format(value);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A calendar day written `YYYY-MM-DD`, as the reader's locale writes it: "19 Dec 2025", "Dec 19, 2025". */
export function formatDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return dateFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}
