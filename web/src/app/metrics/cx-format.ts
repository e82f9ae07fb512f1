import type { CxResult, SurveyType } from '@lodestar/contracts';
import { isUnhappy, scoreRange } from '@lodestar/cx-metrics';
import { formatDecimal, formatInteger } from '../shared/format';

export interface SurveyInfo {
  short: string;
  name: string;
  /** "0–10" */
  scale: string;
  min: number;
  max: number;
  /** The highest "unhappy" answer (NPS 6, CSAT 2, CES 3): the Pareto's and the comment filter's bound. */
  unhappyMax: number;
}

function surveyInfo(survey: SurveyType, short: string, name: string): SurveyInfo {
  const [min, max] = scoreRange(survey);
  let unhappyMax = min;
  for (let score = min; score <= max; score++) if (isUnhappy(survey, score)) unhappyMax = score;
  return { short, name, scale: `${min}–${max}`, min, max, unhappyMax };
}

/** How each survey is named and read on the screens; the scales come from the shared CX formulas. */
export const SURVEY_INFO: Readonly<Record<SurveyType, SurveyInfo>> = {
  nps: surveyInfo('nps', 'NPS', 'Net Promoter Score'),
  csat: surveyInfo('csat', 'CSAT', 'Customer satisfaction'),
  ces: surveyInfo('ces', 'CES', 'Customer effort, 7 = very easy'),
};

export const SURVEYS: readonly SurveyType[] = ['nps', 'csat', 'ces'];

export function isSurveyType(value: unknown): value is SurveyType {
  return value === 'nps' || value === 'csat' || value === 'ces';
}

const signedInteger = new Intl.NumberFormat(undefined, {
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});

/** NPS points as a signed integer: 33.2 → "+33", −4.6 → "-5", 0.3 → "0". */
export function formatNps(value: number): string {
  return signedInteger.format(value);
}

/** A metric's value as its card shows it: NPS "+33", CSAT "87.5 %", CES "5.4"; "—" without answers. */
export function formatCxValue(metric: SurveyType, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (metric) {
    case 'nps':
      return formatNps(value);
    case 'csat':
      return `${formatDecimal(value, 1)} %`;
    case 'ces':
      return formatDecimal(value, 1);
  }
}

/**
 * The 95 % margin of error in the value's own unit: NPS and CSAT in points with one decimal
 * ("± 14.7"), CES with two decimals because its margins are small ("± 0.04"). Empty when unknown.
 */
export function formatMargin(metric: SurveyType, margin: number | null): string {
  if (margin === null || !Number.isFinite(margin)) return '';
  return `± ${formatDecimal(margin, metric === 'ces' ? 2 : 1)}`;
}

/** "n = 1,234" */
export function formatSampleSize(n: number): string {
  return `n = ${formatInteger(n)}`;
}

/** A 0–1 share as a percentage with one decimal: 0.1488 → "14.9 %". */
export function formatShare(share: number): string {
  return `${formatDecimal(share * 100, 1)} %`;
}

export type NpsGroup = 'detractor' | 'passive' | 'promoter';

export function npsGroupOf(score: number): NpsGroup {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

export const NPS_GROUP_LABELS: Readonly<Record<NpsGroup, string>> = {
  detractor: 'Detractor',
  passive: 'Passive',
  promoter: 'Promoter',
};

/** How a single answer reads: "Promoter", "Unhappy", "Neutral" or "Happy" with the survey's bands. */
export function answerTone(survey: SurveyType, score: number): 'bad' | 'neutral' | 'good' {
  if (survey === 'nps') {
    const group = npsGroupOf(score);
    return group === 'detractor' ? 'bad' : group === 'passive' ? 'neutral' : 'good';
  }
  if (score <= SURVEY_INFO[survey].unhappyMax) return 'bad';
  if (survey === 'csat') return score === 3 ? 'neutral' : 'good';
  return score === 4 ? 'neutral' : 'good';
}

export function answerToneLabel(survey: SurveyType, score: number): string {
  if (survey === 'nps') return NPS_GROUP_LABELS[npsGroupOf(score)];
  const tone = answerTone(survey, score);
  return tone === 'bad' ? 'Unhappy' : tone === 'neutral' ? 'Neutral' : 'Happy';
}

/** Everything a result card shows, as text. */
export interface CxCardText {
  title: string;
  subtitle: string;
  value: string;
  margin: string;
  sample: string;
  /** Why the value should not be trusted yet, or null. */
  insufficient: string | null;
  /** A one-line breakdown, e.g. "56 % promoters · 15 % detractors". */
  detail: string;
}

function percentOf(breakdown: Record<string, number>, key: string): string {
  const share = breakdown[key];
  return typeof share === 'number' ? `${formatDecimal(share * 100, 0)} %` : '—';
}

export function cxCardText(result: CxResult): CxCardText {
  const info = SURVEY_INFO[result.metric];
  const empty = result.n === 0;
  let detail = '';
  if (!empty) {
    const b = result.breakdown;
    if (result.metric === 'nps') {
      detail = `${percentOf(b, 'promotersShare')} promoters · ${percentOf(b, 'detractorsShare')} detractors`;
    } else if (result.metric === 'csat') {
      detail = `${percentOf(b, 'satisfiedShare')} answered 4–5 · ${percentOf(b, 'dissatisfiedShare')} 1–2`;
    } else {
      detail = `${percentOf(b, 'easyShare')} found it easy (5–7) · ${percentOf(b, 'difficultShare')} hard (1–3)`;
    }
  }
  return {
    title: info.short,
    subtitle: `${info.name} · ${info.scale}`,
    value: formatCxValue(result.metric, result.value),
    margin: formatMargin(result.metric, result.marginOfError),
    sample: formatSampleSize(result.n),
    insufficient:
      result.insufficientSample && !empty
        ? `Fewer than ${formatInteger(result.minimumSample)} answers: read the value with care.`
        : null,
    detail,
  };
}
