/**
 * The demo's targets for FY2025, FY2026 and FY2027 and its CX index weights: fixed data that fits the
 * story of the demo's survey answers and actuals (see demo-voc.ts and demo-actuals.ts).
 * - FY2025: NPS, CSAT and CES fall short of their targets everywhere the delivery crisis reaches
 *   (the company's NPS ends the year around 18 against a target of 35); Sales beats its quota
 *   (90 / 100 / 120 %) and margin is on target; on-time delivery, complaints, escalations and
 *   renewals miss; Operations overspends its budget.
 * - FY2026: the company invests in field engineers and delivery; NPS recovers past its target of
 *   40, complaints and on-time delivery come back, quota attainment settles around 100 %, and
 *   margin, carrying the CX investments, lands between threshold and target. Service's
 *   escalations are phased by quarter, falling as the recovery takes hold.
 * - FY2027, the year under way: the FY2026 bands carried over (the incentive plan's curves read
 *   them), with Service's escalations set for the year.
 * Lower-is-better metrics (complaint rate, churn, escalations, budget attainment) have falling
 * bands. Functions get targets for the metrics they are measured on: their VoC surveys, their
 * primary commercial metric and the CX index; HR only its budget.
 */
export interface DemoTarget {
  metric: string;
  unit: string;
  period: string;
  threshold: string;
  target: string;
  stretch: string;
}

export interface DemoCxIndexWeight {
  /** null: the company default. */
  unit: string | null;
  metric: string;
  weight: string;
}

type Band = readonly [threshold: number, target: number, stretch: number];

/** The CX index scores results on their bands, so its own band is 50 / 100 / 150 by nature. */
const CX_INDEX: Band = [50, 100, 150];
const BUDGET: Band = [103, 100, 97];

/** unit → metric → [FY2025 band, FY2026 band]. */
const YEARLY: Record<string, Record<string, readonly [Band, Band]>> = {
  company: {
    nps: [[25, 35, 45], [30, 40, 50]],
    csat: [[45, 55, 65], [45, 52, 60]],
    ces: [[4.5, 5, 5.5], [4.3, 4.7, 5.1]],
    complaint_rate: [[3, 2.5, 2], [3, 2.5, 2]],
    on_time_delivery: [[85, 90, 95], [85, 88, 94]],
    retention: [[96, 97.5, 99], [96, 98, 99]],
    churn: [[1, 0.8, 0.6], [0.9, 0.7, 0.5]],
    revenue: [[530_000_000, 560_000_000, 600_000_000], [600_000_000, 640_000_000, 690_000_000]],
    gross_margin: [[44, 46, 48], [43, 45, 47]],
    // pay reads margin with the approved CX investments added back, against the same band
    adjusted_margin: [[44, 46, 48], [43, 45, 47]],
    cx_index: [CX_INDEX, CX_INDEX],
  },
  sales: {
    nps: [[25, 35, 45], [30, 40, 50]],
    csat: [[50, 58, 66], [50, 56, 64]],
    quota_attainment: [[90, 100, 120], [90, 100, 120]],
    // pay reads quota attainment with the approved quota relief credited, against the same band
    adjusted_quota_attainment: [[90, 100, 120], [90, 100, 120]],
    revenue: [[420_000_000, 450_000_000, 480_000_000], [480_000_000, 510_000_000, 550_000_000]],
    gross_margin: [[42, 44, 46], [41, 43, 45]],
    cx_index: [CX_INDEX, CX_INDEX],
  },
  marketing: {
    nps: [[30, 40, 50], [35, 45, 55]],
    csat: [[50, 58, 66], [50, 58, 66]],
    pipeline_attainment: [[90, 100, 115], [90, 100, 115]],
    cx_index: [CX_INDEX, CX_INDEX],
  },
  service: {
    nps: [[20, 30, 40], [20, 30, 40]],
    csat: [[40, 50, 60], [40, 50, 60]],
    ces: [[4.5, 5, 5.5], [4.2, 4.6, 5]],
    renewal_rate: [[90, 94, 97], [90, 93, 96]],
    cx_index: [CX_INDEX, CX_INDEX],
  },
  product: {
    nps: [[40, 50, 60], [45, 55, 65]],
    ces: [[4.6, 5, 5.4], [4.5, 4.9, 5.3]],
    budget_attainment: [BUDGET, BUDGET],
    cx_index: [CX_INDEX, CX_INDEX],
  },
  operations: {
    nps: [[15, 25, 35], [15, 25, 35]],
    csat: [[35, 45, 55], [35, 45, 55]],
    on_time_delivery: [[85, 90, 95], [85, 88, 94]],
    first_time_right: [[90, 93, 96], [90, 93, 96]],
    budget_attainment: [BUDGET, BUDGET],
    cx_index: [CX_INDEX, CX_INDEX],
  },
  quality: {
    nps: [[25, 35, 45], [30, 40, 50]],
    csat: [[50, 58, 66], [52, 60, 68]],
    complaint_rate: [[3, 2.5, 2], [3, 2.5, 2]],
    budget_attainment: [BUDGET, BUDGET],
    cx_index: [CX_INDEX, CX_INDEX],
  },
  finance: {
    csat: [[50, 58, 66], [50, 55, 62]],
    ces: [[4.6, 5, 5.4], [4.5, 4.8, 5.2]],
    budget_attainment: [BUDGET, BUDGET],
    cx_index: [CX_INDEX, CX_INDEX],
  },
  hr: {
    budget_attainment: [BUDGET, BUDGET],
    // HR has no surveys of its own: its index is insufficient, and a plan paying on it pays at target
    cx_index: [CX_INDEX, CX_INDEX],
  },
  it: {
    ces: [[4.5, 5, 5.5], [4.4, 4.7, 5.1]],
    budget_attainment: [BUDGET, BUDGET],
    cx_index: [CX_INDEX, CX_INDEX],
  },
};

/** Targets set for one period only: escalations as a year in FY2025 and FY2027, phased by quarter in FY2026. */
const PHASED: { unit: string; metric: string; period: string; band: Band }[] = [
  { unit: 'service', metric: 'escalations', period: 'FY2025', band: [260, 220, 180] },
  { unit: 'service', metric: 'escalations', period: 'FY2026-Q1', band: [80, 65, 50] },
  { unit: 'service', metric: 'escalations', period: 'FY2026-Q2', band: [55, 45, 35] },
  { unit: 'service', metric: 'escalations', period: 'FY2026-Q3', band: [40, 30, 22] },
  { unit: 'service', metric: 'escalations', period: 'FY2026-Q4', band: [36, 28, 20] },
  { unit: 'service', metric: 'escalations', period: 'FY2027', band: [140, 110, 80] },
];

/** The company default weighs the CX metrics most units are measured on; Sales weighs its surveys only. */
export const DEMO_CX_INDEX_WEIGHTS: readonly DemoCxIndexWeight[] = [
  { unit: null, metric: 'nps', weight: '40' },
  { unit: null, metric: 'csat', weight: '20' },
  { unit: null, metric: 'ces', weight: '10' },
  { unit: null, metric: 'complaint_rate', weight: '15' },
  { unit: null, metric: 'on_time_delivery', weight: '15' },
  { unit: 'sales', metric: 'nps', weight: '60' },
  { unit: 'sales', metric: 'csat', weight: '40' },
];

function target(unit: string, metric: string, period: string, [threshold, goal, stretch]: Band): DemoTarget {
  return { metric, unit, period, threshold: String(threshold), target: String(goal), stretch: String(stretch) };
}

/** Every demo target, in a fixed order: units as listed, their metrics, FY2025 before FY2026 before FY2027. */
export function generateDemoTargets(): DemoTarget[] {
  const targets: DemoTarget[] = [];
  for (const [unit, metrics] of Object.entries(YEARLY)) {
    for (const [metric, [fy2025, fy2026]] of Object.entries(metrics)) {
      targets.push(
        target(unit, metric, 'FY2025', fy2025),
        target(unit, metric, 'FY2026', fy2026),
        target(unit, metric, 'FY2027', fy2026),
      );
    }
  }
  for (const { unit, metric, period, band } of PHASED) targets.push(target(unit, metric, period, band));
  return targets;
}
