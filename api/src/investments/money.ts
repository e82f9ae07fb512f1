import { parseDecimal } from '@lodestar/cx-metrics';
import { Decimal } from 'decimal.js';

/** Exact decimal arithmetic for amounts of money: sums never round, nothing is a binary float. */
export const Money = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -100,
  toExpPos: 100,
});

/** At most 12 digits before the point and 2 after, as `numeric(14, 2)` stores them. */
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * The canonical text of an amount (a JSON number or a decimal string such as "12500.50"), or a
 * sentence saying what is wrong with it. `positive`: zero is refused too.
 */
export function checkAmount(
  field: string,
  input: unknown,
  positive: boolean,
): { amount: string } | { problem: string } {
  const text = parseDecimal(input);
  const what = positive ? 'a positive amount' : 'an amount of 0 or more';
  const rule = `${what} of money with at most 12 digits before the point and 2 after, such as "12500.50"`;
  if (text === null) return { problem: `${field} must be ${rule}` };
  const unsigned = text.startsWith('-') ? null : text.replace(/^0+(?=\d)/, '');
  if (unsigned === null || !AMOUNT.test(unsigned))
    return { problem: `${field} must be ${rule}, not ${text}` };
  if (positive && new Money(unsigned).isZero()) return { problem: `${field} must be more than 0: ${rule}` };
  return { amount: new Money(unsigned).toFixed(2) };
}

/** An amount as written to people: `150,000.00`. */
export function formatAmount(amount: string | Decimal): string {
  const [whole, cents] = new Money(amount).toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
