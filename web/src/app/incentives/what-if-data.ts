import type { WhatIfResult } from '@lodestar/contracts';
import { formatMoneyDelta } from './plan-format';

/** Rises in cost and savings: each at least 4.5:1 on white, and told apart by the sign in every label too. */
export const RISE_COLOUR = '#a04a00';
export const SAVING_COLOUR = '#1b6b3a';

export interface DeltaBar {
  /** The participant, with the unit when two people share a name. */
  name: string;
  /** The change of the period's payout in money; a float only to draw the bar. */
  value: number;
  extra: { delta: string; text: string };
}

/** One bar per participant: the change of their payout for the period, biggest rises first. */
export function deltaBars(result: WhatIfResult, currency?: string): DeltaBar[] {
  const counts = new Map<string, number>();
  for (const row of result.rows)
    counts.set(row.participant.name, (counts.get(row.participant.name) ?? 0) + 1);
  return result.rows
    .map((row) => ({
      name:
        (counts.get(row.participant.name) ?? 0) > 1
          ? `${row.participant.name} (${row.orgUnit.name})`
          : row.participant.name,
      value: Number(row.delta),
      extra: { delta: row.delta, text: formatMoneyDelta(row.delta, currency) },
    }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
}

/** The colour of each bar by its sign. */
export function deltaColours(bars: readonly DeltaBar[]): { name: string; value: string }[] {
  return bars.map((bar) => ({ name: bar.name, value: bar.value < 0 ? SAVING_COLOUR : RISE_COLOUR }));
}

/** "The total cost rises by €1,250.00" / "falls by" / "does not change", from the API's exact total. */
export function totalDeltaSentence(result: WhatIfResult, currency?: string): string {
  const delta = result.totals.delta.trim();
  const zero = /^-?0+(\.0+)?$/.test(delta);
  if (zero) return `The total cost of ${result.period} does not change.`;
  const negative = delta.startsWith('-');
  const amount = formatMoneyDelta(negative ? delta.slice(1) : delta, currency).replace(/^\+/, '');
  return `The total cost of ${result.period} ${negative ? 'falls' : 'rises'} by ${amount}.`;
}
