import { Decimal } from 'decimal.js';

/**
 * The decimal type of the payout engine. Money and percentages are never binary floating point:
 * every intermediate keeps 40 significant digits and rounding (half to even) happens once, to
 * cents, at the end of a statement. `toExpNeg`/`toExpPos` keep even `toString()` in plain
 * notation; outputs are written with `toFixed()` anyway.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Dec = Decimal;

/** The plan's rules cannot be used as they are: a curve, weight, cap or gate is wrong. */
export class PlanRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanRulesError';
  }
}

/** A statement cannot be computed from the facts given: a missing metric, band or a bad amount. */
export class StatementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatementError';
  }
}

type ErrorClass = new (message: string) => Error;

/** A plain decimal: optional minus, digits, optional fraction. No exponents, no separators. */
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);

/**
 * Parsed decimal strings. Strings and decimals are both immutable, so a cache keyed by the text
 * can never go stale; curves, weights and caps repeat for every participant of a plan.
 */
const PARSED = new Map<string, Decimal>();
const PARSED_LIMIT = 20_000;

/** True when `text` is a finite decimal string in plain notation, such as `"95"`, `"-3.25"`. */
export function isDecimalText(text: unknown): text is string {
  return typeof text === 'string' && DECIMAL_TEXT.test(text.trim());
}

/** The decimal a plain decimal string stands for, or null when it is not one. */
export function decimalOrNull(text: unknown): Decimal | null {
  if (typeof text !== 'string') return null;
  let value = PARSED.get(text);
  if (value !== undefined) return value;
  const trimmed = text.trim();
  if (!DECIMAL_TEXT.test(trimmed)) return null;
  value = new Dec(trimmed);
  if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
  PARSED.set(text, value);
  return value;
}

/**
 * The decimal of `text`, or an error of class `error` (PlanRulesError by default) whose message
 * names `what` (a function when the words are costly to build) and shows what a good value looks like:
 * `The weight of 'Quota' must be a decimal number such as 12.5, not "abc".` Without `cache` the text is
 * parsed afresh (amounts of one participant, which do not recur like the rules' numbers).
 */
export function toDec(
  text: unknown,
  what: string | (() => string),
  error: ErrorClass = PlanRulesError,
  cache = true,
): Decimal {
  const value = cache ? decimalOrNull(text) : isDecimalText(text) ? new Dec(text.trim()) : null;
  if (value === null) {
    const words = typeof what === 'string' ? what : what();
    throw new error(`${capitalize(words)} must be a decimal number such as 12.5, not ${quote(text)}.`);
  }
  return value;
}

/** Plain notation with every digit: `toFixed()` without an argument, and never `-0`. */
export function plain(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

/** Money with exactly two decimals, rounded half to even when it has more: `"18452.05"`, never `"-0.00"`. */
export function money(value: Decimal): string {
  const text = value.toFixed(2, Decimal.ROUND_HALF_EVEN);
  return text === '-0.00' ? '0.00' : text;
}

/** Rounded half to even to cents. */
export function roundToCents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
}

/** The smaller of two decimals (the first when equal). */
export function minDec(a: Decimal, b: Decimal): Decimal {
  return b.lessThan(a) ? b : a;
}

/** A number of a band (a JavaScript number) as a plain decimal string: `String()` without exponents. */
export function numberText(value: number): string {
  let text = NUMBER_TEXTS.get(value);
  if (text === undefined) {
    text = Number.isFinite(value) ? plain(new Dec(value)) : String(value);
    if (NUMBER_TEXTS.size >= PARSED_LIMIT) NUMBER_TEXTS.clear();
    NUMBER_TEXTS.set(value, text);
  }
  return text;
}

const NUMBER_TEXTS = new Map<number, string>();

/** The decimal of a band number (a finite JavaScript number), by its shortest decimal form. */
export function numberDec(value: number): Decimal {
  return decimalOrNull(numberText(value)) ?? new Dec(NaN);
}

const DISPLAY_DECIMALS = 6;

/**
 * A decimal for a sentence a person reads: thousands separated by commas, at most six decimals
 * and `…` when more digits follow (cut, not rounded, so the digits shown are the real ones), a
 * true minus sign. With `decimals` the number is rounded half to even to exactly that many (money: 2).
 *
 * show(15123.2876712328…) → "15,123.287671…"; show(-120, 2) → "−120.00"
 */
export function show(value: Decimal, decimals?: number): string {
  return showPlain(decimals === undefined ? plain(value) : value.toFixed(decimals, Decimal.ROUND_HALF_EVEN));
}

/**
 * {@link show} of a decimal already written in plain notation (`plain()` or `money()` text), so a
 * number both stored and shown is written out once: "15123.2876712328…" → "15,123.287671…".
 */
export function showPlain(text: string): string {
  let negative = false;
  if (text.charCodeAt(0) === 45 /* - */) {
    negative = true;
    text = text.slice(1);
  }
  const dot = text.indexOf('.');
  let whole = dot < 0 ? text : text.slice(0, dot);
  let rest = dot < 0 ? '' : text.slice(dot);
  if (rest.length > DISPLAY_DECIMALS + 1) rest = rest.slice(0, DISPLAY_DECIMALS + 1) + '…';
  if (whole.length > 3) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const shown = whole + rest;
  return negative && /[1-9]/.test(shown) ? `−${shown}` : shown;
}

/** {@link show} of a decimal string, or the string itself when it is not a decimal. */
export function showText(text: string): string {
  const value = decimalOrNull(text);
  return value === null ? text : show(value);
}

/** A whole number with thousands separators: 1234 → "1,234". */
export function showCount(count: number): string {
  return Number.isFinite(count) ? show(new Dec(count)) : String(count);
}

export function quote(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

export function capitalize(text: string): string {
  return text.length ? text[0].toUpperCase() + text.slice(1) : text;
}

export function uncapitalize(text: string): string {
  return text.length ? text[0].toLowerCase() + text.slice(1) : text;
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
