import { addMonths, monthLabel } from '@lodestar/contracts';

/**
 * The demo's commercial and operational actuals, from a fixed seed: one value per metric, unit
 * and month over the same 26 months as the demo's survey answers (October 2024, the start of
 * FY2025, to November 2026). The story they tell beside the VoC:
 * - FY2025: Sales beats quota (105–118 % a month) while delivery delays pile up in Operations
 *   (on-time delivery falls from about 90 % to about 70 %, first-time-right drops), complaints per
 *   100 orders climb, escalations rise, renewals and retention soften, and Operations overspends
 *   its budget on expedited freight;
 * - FY2026: the company invests in field engineers and delivery: quota attainment settles around
 *   target, delivery and complaints recover within about seven months, and the CX investments
 *   are carved out of margin, so gross margin is a point or two lower than in FY2025.
 *
 * The figures are drawn with a seeded generator and written as exact decimal strings (money in
 * cents, counts as whole numbers); ratio metrics carry their numerator and denominator.
 */
export interface DemoActual {
  metric: string;
  unit: string;
  month: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
}

export const DEMO_ACTUALS_FIRST_MONTH = { year: 2024, month: 10 };
export const DEMO_ACTUALS_MONTHS = 26;

/** Cost centres and their monthly budgets, for `budget_attainment` (spend ÷ budget, lower is better). */
const COST_CENTRES: { unit: string; budget: number; drift: number }[] = [
  { unit: 'finance', budget: 1_200_000, drift: -0.02 },
  { unit: 'hr', budget: 800_000, drift: -0.03 },
  { unit: 'it', budget: 2_400_000, drift: 0 },
  { unit: 'product', budget: 9_500_000, drift: 0.01 },
  { unit: 'operations', budget: 6_800_000, drift: 0 },
  { unit: 'quality', budget: 1_100_000, drift: -0.01 },
];

/** Mulberry32: a small, fast, deterministic generator (the same kind as the demo's answers use). */
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

/** How bad delivery is in month i (0 = Oct 2024): rises through FY2025, then recovers in FY2026. */
function crisisLevel(i: number): number {
  if (i < 12) return 0.15 + (0.85 * i) / 11;
  return Math.max(0, 1 - (i - 11) / 7);
}

/** How far the FY2026 improvements have come: 0 in FY2025, 1 after nine months of FY2026. */
function recoveryLevel(i: number): number {
  return i >= 12 ? Math.min(1, (i - 11) / 9) : 0;
}

/** An amount of money as an exact decimal string with cents, e.g. 45120000.37 → "45120000.37". */
function money(amount: number): string {
  const cents = Math.round(amount * 100);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A count as a whole number, never below zero. */
function count(amount: number): string {
  return String(Math.max(0, Math.round(amount)));
}

export function generateDemoActuals(): DemoActual[] {
  const rand = random(20241001);
  const jitter = (spread: number) => (rand() * 2 - 1) * spread;
  const rows: DemoActual[] = [];
  const sum = (metric: string, unit: string, month: string, value: string) =>
    rows.push({ metric, unit, month, value, numerator: null, denominator: null });
  const ratio = (metric: string, unit: string, month: string, numerator: string, denominator: string) =>
    rows.push({ metric, unit, month, value: null, numerator, denominator });

  for (let i = 0; i < DEMO_ACTUALS_MONTHS; i++) {
    const { year, month: calendarMonth } = addMonths(DEMO_ACTUALS_FIRST_MONTH.year, DEMO_ACTUALS_FIRST_MONTH.month, i);
    const month = monthLabel(year, calendarMonth);
    const fiscalYear = i < 12 ? 2025 : i < 24 ? 2026 : 2027;
    const crisis = crisisLevel(i);
    const recovery = recoveryLevel(i);
    // equipment orders land at quarter ends: the third month of a quarter weighs most
    const season = i % 3 === 2 ? 1.3 : 0.85;

    // Sales: bookings against quota. FY2025 beats quota every month; from FY2026 around target.
    const quota = (fiscalYear === 2025 ? 42_000_000 : fiscalYear === 2026 ? 48_000_000 : 52_000_000) * season;
    const attainment = fiscalYear === 2025 ? Math.min(1.18, Math.max(1.05, 1.115 + jitter(0.06))) : Math.min(1.04, Math.max(0.95, 0.995 + jitter(0.04)));
    ratio('quota_attainment', 'sales', month, money(quota * attainment), money(quota));

    // Revenue follows shipments; the company adds service contracts and upgrades to Sales' revenue.
    const salesRevenue = (36_000_000 + 380_000 * i) * (0.92 + 0.16 * rand()) * (i % 3 === 2 ? 1.15 : 0.93);
    const serviceRevenue = (9_000_000 + 90_000 * i) * (0.95 + 0.1 * rand());
    const companyRevenue = salesRevenue + serviceRevenue;
    sum('revenue', 'sales', month, money(salesRevenue));
    sum('revenue', 'company', month, money(companyRevenue));
    // Gross margin: FY2026 carries the CX investments (extra field engineers for key accounts).
    const salesMargin = (fiscalYear === 2025 ? 0.445 : 0.426) + jitter(0.008);
    const companyMargin = (fiscalYear === 2025 ? 0.465 : 0.449) + jitter(0.006);
    ratio('gross_margin', 'sales', month, money(salesRevenue * salesMargin), money(salesRevenue));
    ratio('gross_margin', 'company', month, money(companyRevenue * companyMargin), money(companyRevenue));

    // Marketing: pipeline generated against its target.
    const pipelineTarget = 120_000_000 + 1_000_000 * i;
    ratio('pipeline_attainment', 'marketing', month, money(pipelineTarget * ((fiscalYear === 2025 ? 1.04 : 1.01) + jitter(0.05))), money(pipelineTarget));

    // Service: contract value renewed of the value up for renewal; escalations count.
    const upForRenewal = 6_500_000 + 1_500_000 * rand();
    ratio('renewal_rate', 'service', month, money(upForRenewal * (0.95 - 0.09 * crisis + 0.01 * recovery + jitter(0.01))), money(upForRenewal));
    sum('escalations', 'service', month, count(10 + 22 * crisis - 3 * recovery + jitter(3)));

    // Operations: shipments on time, and installs and repairs right the first time.
    const shipments = 130 + Math.floor(rand() * 41);
    ratio('on_time_delivery', 'operations', month, count(shipments * (0.94 - 0.24 * crisis + 0.02 * recovery + jitter(0.012))), String(shipments));
    const installs = 60 + Math.floor(rand() * 21);
    ratio('first_time_right', 'operations', month, count(installs * (0.95 - 0.1 * crisis + 0.02 * recovery + jitter(0.015))), String(installs));

    // Quality: complaints per 100 orders.
    const orders = 380 + Math.floor(rand() * 61);
    ratio('complaint_rate', 'quality', month, count((orders * (1.6 + 2.6 * crisis - 0.3 * recovery + jitter(0.25))) / 100), String(orders));

    // Cost centres: spend against budget; Operations pays for expedited freight during the crisis.
    for (const centre of COST_CENTRES) {
      const budget = centre.budget * (fiscalYear === 2025 ? 1 : 1.04);
      const overrun = centre.unit === 'operations' && fiscalYear === 2025 ? 0.09 * crisis : 0;
      ratio('budget_attainment', centre.unit, month, money(budget * (0.975 + centre.drift + overrun + jitter(0.025))), money(budget));
    }

    // Company: gross revenue retention of recurring revenue, and accounts lost.
    const recurring = 14_000_000 + 120_000 * i;
    ratio('retention', 'company', month, money(recurring * (0.988 - 0.03 * crisis + 0.004 * recovery + jitter(0.003))), money(recurring));
    const accounts = 180 + Math.floor(i / 3);
    ratio('churn', 'company', month, count(accounts * (0.003 + 0.012 * crisis) * (0.6 + 0.8 * rand())), String(accounts));
  }
  return rows;
}
