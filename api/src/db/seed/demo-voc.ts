import { addMonths, monthLabel } from '@lodestar/contracts';
import type { Survey } from '@lodestar/cx-metrics';

/**
 * The demo's voice of the customer, from a fixed seed: about 60,000 answers from October 2024
 * (FY2025 with a fiscal year starting in October) to November 2026. The story: during FY2025
 * NPS falls as delivery delays in Operations and slow field service pile up (the Pareto shows
 * them on top); from FY2026 the company invests in field engineers and delivery, and NPS
 * recovers past target. Service and Operations feel it most; Product holds steady.
 */
export interface DemoAnswer {
  responseId: string;
  respondedAt: string;
  account: string;
  unit: string;
  survey: Survey;
  score: number;
  cause: string | null;
  comment: string | null;
}

export const DEMO_VOC_FIRST_MONTH = { year: 2024, month: 10 };
export const DEMO_VOC_MONTHS = 26;

/** Mulberry32: a small, fast, deterministic generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACCOUNTS = [
  'Taiwan Foundry Co.', 'Samsung Device Solutions', 'Intel Fab 42', 'Micron Boise', 'GlobalFoundries Dresden',
  'SK hynix Icheon', 'Kioxia Yokkaichi', 'Texas Instruments RFAB', 'Infineon Villach', 'STMicro Crolles',
  'NXP Nijmegen', 'Bosch Reutlingen', 'UMC Tainan', 'Tower Migdal HaEmek', 'SMIC Shanghai',
];

/** Units that answers are attributed to, with a monthly volume and a base tilt of their NPS. */
const UNITS: { key: string; volume: number; tilt: number; crisis: number; survey: Survey[] }[] = [
  { key: 'key-accounts', volume: 260, tilt: 0.05, crisis: 0.6, survey: ['nps', 'nps', 'csat'] },
  { key: 'regional-sales', volume: 190, tilt: 0, crisis: 0.5, survey: ['nps', 'nps', 'csat'] },
  { key: 'emea', volume: 120, tilt: 0.03, crisis: 0.5, survey: ['nps', 'csat'] },
  { key: 'field-service', volume: 330, tilt: -0.04, crisis: 1.0, survey: ['nps', 'csat', 'ces'] },
  { key: 'customer-support', volume: 300, tilt: 0.02, crisis: 0.6, survey: ['csat', 'ces', 'nps'] },
  { key: 'logistics', volume: 220, tilt: -0.06, crisis: 1.0, survey: ['nps', 'csat'] },
  { key: 'manufacturing', volume: 120, tilt: 0, crisis: 0.7, survey: ['nps'] },
  { key: 'platform-engineering', volume: 110, tilt: 0.06, crisis: 0.2, survey: ['nps', 'ces'] },
  { key: 'euv-line', volume: 140, tilt: 0.08, crisis: 0.3, survey: ['nps'] },
  { key: 'marketing', volume: 70, tilt: 0.04, crisis: 0.2, survey: ['nps', 'csat'] },
  { key: 'customer-office', volume: 60, tilt: 0.02, crisis: 0.3, survey: ['nps', 'csat'] },
  { key: 'finance', volume: 40, tilt: 0, crisis: 0.2, survey: ['csat', 'ces'] },
  { key: 'it', volume: 30, tilt: 0.02, crisis: 0.1, survey: ['ces'] },
];

/** Causes of unhappy answers; the crisis causes weigh most in FY2025 and fade in FY2026. */
const CRISIS_CAUSES = ['delivery delay', 'slow field service', 'spare parts availability'];
const OTHER_CAUSES = ['price', 'software defects', 'documentation', 'training', 'billing', 'communication'];

const COMMENTS: Record<string, string[]> = {
  'delivery delay': [
    'The tool arrived six weeks after the committed date; our ramp slipped.',
    'Shipment was delayed again, no proactive update from your side.',
    'Delivery dates keep moving. We had to re-plan the fab ramp twice.',
  ],
  'slow field service': [
    'Waited three days for a field engineer while the scanner was down.',
    'Service response is too slow for a production-critical tool.',
    'The engineer was great, but it took far too long to get one on site.',
  ],
  'spare parts availability': ['Spare module was not in the regional depot.', 'Parts came from Europe, two extra days of downtime.'],
  price: ['Service contract renewal price went up without more value.', 'Upgrade pricing is hard to justify.'],
  'software defects': ['The latest software release broke our recipe import.', 'Metrology software crashes during overnight runs.'],
  documentation: ['Maintenance manual does not match the installed revision.', 'Release notes were incomplete.'],
  training: ['Our operators needed more hands-on training.', 'Training slots are booked out for months.'],
  billing: ['Invoice did not match the purchase order.', 'Billing corrections take weeks.'],
  communication: ['Nobody told us about the schedule change.', 'Hard to find the right contact person.'],
};
const PRAISE = [
  'Excellent uptime this quarter, thank you.',
  'The field team went above and beyond.',
  'Fast answer from support, problem solved the same day.',
  'Great collaboration on the process qualification.',
  'Proactive maintenance saved us a lot of downtime.',
  'Install went exactly to plan.',
];

/** How bad things are in month i (0 = Oct 2024): rises through FY2025, then recovers in FY2026. */
function crisisLevel(i: number): number {
  if (i < 12) return 0.15 + (0.85 * i) / 11; // FY2025: delays pile up
  return Math.max(0, 1 - (i - 11) / 7); // FY2026: investments bite within about seven months
}

export function generateDemoVoc(): DemoAnswer[] {
  const rand = random(20261123);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const answers: DemoAnswer[] = [];
  for (let i = 0; i < DEMO_VOC_MONTHS; i++) {
    const { year, month } = addMonths(DEMO_VOC_FIRST_MONTH.year, DEMO_VOC_FIRST_MONTH.month, i);
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const crisis = crisisLevel(i);
    const recovery = i >= 12 ? Math.min(1, (i - 11) / 9) : 0;
    for (const unit of UNITS) {
      const volume = Math.round(unit.volume * (0.85 + rand() * 0.3));
      // the share of happy answers moves with the crisis and the recovery
      const happy = 0.5 + unit.tilt - 0.22 * crisis * unit.crisis + 0.12 * recovery;
      const unhappy = Math.max(0.04, 0.2 - unit.tilt + 0.22 * crisis * unit.crisis - 0.1 * recovery);
      for (let n = 0; n < volume; n++) {
        const survey = pick(unit.survey);
        const roll = rand();
        const mood = roll < unhappy ? 'unhappy' : roll < unhappy + (1 - happy - unhappy) ? 'neutral' : 'happy';
        const score = scoreFor(survey, mood, rand);
        let cause: string | null = null;
        let comment: string | null = null;
        if (mood === 'unhappy') {
          cause = rand() < 0.25 + 0.6 * crisis * unit.crisis ? pick(CRISIS_CAUSES) : pick(OTHER_CAUSES);
          if (rand() < 0.08) cause = null; // not every unhappy answer names a cause
          if (rand() < 0.45) comment = pick(COMMENTS[cause ?? 'communication']);
        } else if (mood === 'happy' && rand() < 0.12) {
          comment = pick(PRAISE);
        }
        const day = 1 + Math.floor(rand() * days);
        const hour = 6 + Math.floor(rand() * 12);
        answers.push({
          responseId: `demo-${monthLabel(year, month)}-${unit.key}-${n}`,
          respondedAt: `${monthLabel(year, month)}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00Z`,
          account: pick(ACCOUNTS),
          unit: unit.key,
          survey,
          score,
          cause,
          comment,
        });
      }
    }
  }
  return answers;
}

function scoreFor(survey: Survey, mood: 'happy' | 'neutral' | 'unhappy', rand: () => number): number {
  const r = rand();
  switch (survey) {
    case 'nps':
      return mood === 'happy' ? (r < 0.55 ? 10 : 9) : mood === 'neutral' ? (r < 0.5 ? 8 : 7) : Math.floor(r * 7);
    case 'csat':
      return mood === 'happy' ? (r < 0.5 ? 5 : 4) : mood === 'neutral' ? 3 : r < 0.4 ? 1 : 2;
    case 'ces':
      return mood === 'happy' ? 5 + Math.floor(r * 3) : mood === 'neutral' ? 4 : 1 + Math.floor(r * 3);
  }
}
