import type { ResolvedInput } from '@lodestar/contracts';

import { isDecimalText, quote, showCount, showText, StatementError } from './decimal';

/** One possible source of a CX input: a unit's value for a period and the answers behind it. */
export interface Candidate {
  /** Null when the unit has no result for the period. */
  value: string | null;
  sample: number;
  orgUnit: { key: string; name: string };
  /** A quarter label, or for the trailing twelve months their range (`2025-01–2025-12`). */
  period: string;
  metricName: string;
}

/** HR's value for the input, entered with a reason and signed off by an APPROVER. */
export interface ApprovedOverride {
  value: string;
  reason: string;
  approvedBy: string;
}

export interface CxInputCandidates {
  own: Candidate;
  trailingTwelveMonths: Candidate | null;
  parent: Candidate | null;
  /** Only an approved override; a pending or rejected one is not passed. */
  override: ApprovedOverride | null;
}

/**
 * Which value a CX input of pay uses (SPEC §3 "CX inputs and small samples"), with a sentence
 * saying what happened:
 * 1. the unit's own value when its sample reaches `minimumSample` → `ACTUAL`;
 * 2. else an approved override → `OVERRIDE`;
 * 3. else the unit's trailing twelve months if their sample reaches it → `TRAILING_TWELVE_MONTHS`;
 * 4. else the parent unit's value if its sample reaches it → `PARENT_UNIT`;
 * 5. else the component pays at target → `AT_TARGET`, value null.
 * A candidate without a value never counts, whatever its sample.
 *
 * @throws StatementError when `minimumSample` is not a whole number ≥ 0.
 */
export function chooseCxInput(c: CxInputCandidates, minimumSample: number): ResolvedInput {
  if (!Number.isInteger(minimumSample) || minimumSample < 0) {
    throw new StatementError(
      `The minimum sample for pay must be a whole number of answers, not ${quote(minimumSample)}.`,
    );
  }
  const { own, trailingTwelveMonths: ttm, parent, override } = c;
  const enough = (candidate: Candidate | null): candidate is Candidate & { value: string } =>
    candidate !== null &&
    candidate !== undefined &&
    candidate.value !== null &&
    candidate.sample >= minimumSample;
  const head = `${own.metricName} of ${own.orgUnit.name}, ${own.period}`;

  if (enough(own)) {
    return {
      value: own.value,
      basis: 'ACTUAL',
      source: `${head}: ${answers(own.sample)}.`,
      sample: own.sample,
      orgUnit: own.orgUnit,
      period: own.period,
    };
  }
  const short = `${head}: ${own.value === null ? 'no result' : answers(own.sample)}, short of the ${showCount(minimumSample)} needed for pay`;
  if (override !== null && override !== undefined) {
    if (!isDecimalText(override.value)) {
      throw new StatementError(
        `The override of ${head} is ${quote(override.value)}; it must be a decimal number such as 42.5.`,
      );
    }
    return {
      value: override.value,
      basis: 'OVERRIDE',
      source: `${short}; used the override ${showText(override.value)} approved by ${override.approvedBy}: ${withoutFullStop(override.reason)}.`,
      sample: own.sample,
      orgUnit: own.orgUnit,
      period: own.period,
    };
  }
  if (enough(ttm)) {
    return {
      value: ttm.value,
      basis: 'TRAILING_TWELVE_MONTHS',
      source: `${short}; used the trailing twelve months (${monthRange(ttm.period)}): ${answers(ttm.sample)}.`,
      sample: ttm.sample,
      orgUnit: ttm.orgUnit,
      period: ttm.period,
    };
  }
  const ttmShort = ttm
    ? `the trailing twelve months (${monthRange(ttm.period)}) have ${answers(ttm.sample)}`
    : null;
  if (enough(parent)) {
    return {
      value: parent.value,
      basis: 'PARENT_UNIT',
      source: `${short}; ${ttmShort ? `${ttmShort}, also short; ` : ''}used the parent unit ${parent.orgUnit.name}: ${answers(parent.sample)}.`,
      sample: parent.sample,
      orgUnit: parent.orgUnit,
      period: parent.period,
    };
  }
  const others = [
    ttmShort ?? 'no trailing twelve months',
    parent ? `the parent unit ${parent.orgUnit.name} has ${answers(parent.sample)}` : 'no parent unit',
  ];
  return {
    value: null,
    basis: 'AT_TARGET',
    source: `${short}; ${others.join(' and ')}, so it pays at target (100 %).`,
    sample: own.sample,
    orgUnit: own.orgUnit,
    period: own.period,
  };
}

function answers(sample: number): string {
  return `${showCount(sample)} ${sample === 1 ? 'answer' : 'answers'}`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RANGE = /^(\d{4})-(0[1-9]|1[0-2])\s*(?:–|—|-|\.\.|\/|to)\s*(\d{4})-(0[1-9]|1[0-2])$/;

/** `2025-01–2025-12` (or `2025-01..2025-12`, `2025-01/2025-12`) → "Jan 2025–Dec 2025"; anything else as it is. */
function monthRange(period: string): string {
  const match = RANGE.exec(period.trim());
  if (!match) return period;
  return `${MONTH_NAMES[Number(match[2]) - 1]} ${match[1]}–${MONTH_NAMES[Number(match[4]) - 1]} ${match[3]}`;
}

function withoutFullStop(text: string): string {
  return text.trim().replace(/\.+$/, '');
}
