import { monthsOf, quarterOfMonth } from '@lodestar/contracts';
import { cxResult, histogramFromScores, pareto } from '@lodestar/cx-metrics';
import { generateDemoVoc } from './demo-voc';
import { DEMO_FISCAL_CALENDAR } from './demo-company';

const answers = generateDemoVoc();
const start = DEMO_FISCAL_CALENDAR.startMonth;

function npsOf(period: string, units?: string[]): number {
  const months = new Set(monthsOf(period, start));
  const scores = answers
    .filter((a) => a.survey === 'nps' && months.has(a.respondedAt.slice(0, 7)) && (!units || units.includes(a.unit)))
    .map((a) => a.score);
  return cxResult(histogramFromScores('nps', scores)).value as number;
}

describe('the demo voice of the customer', () => {
  it('is the same on every run and holds at least 50,000 unique answers over two fiscal years', () => {
    expect(generateDemoVoc().slice(0, 50)).toEqual(answers.slice(0, 50));
    expect(answers.length).toBeGreaterThanOrEqual(50_000);
    expect(new Set(answers.map((a) => a.responseId)).size).toBe(answers.length);
    const quarters = new Set(answers.map((a) => quarterOfMonth(a.respondedAt.slice(0, 7), start)));
    for (const q of ['FY2025-Q1', 'FY2025-Q4', 'FY2026-Q1', 'FY2026-Q4']) expect(quarters).toContain(q);
  });

  it('tells the story: NPS falls through FY2025 and recovers past it in FY2026', () => {
    expect(npsOf('FY2025-Q1')).toBeGreaterThan(npsOf('FY2025-Q4') + 10);
    expect(npsOf('FY2026-Q4')).toBeGreaterThan(npsOf('FY2025-Q4') + 20);
    expect(npsOf('FY2026')).toBeGreaterThan(npsOf('FY2025'));
  });

  it('hurts Service and Operations most in the bad year', () => {
    const service = npsOf('FY2025-Q4', ['field-service', 'customer-support']);
    const product = npsOf('FY2025-Q4', ['platform-engineering', 'euv-line']);
    expect(product).toBeGreaterThan(service + 15);
  });

  it('puts delivery delays and slow field service on top of the FY2025 Pareto', () => {
    const months = new Set(monthsOf('FY2025', start));
    const causes: Record<string, number> = {};
    for (const a of answers) {
      if (a.survey === 'nps' && a.score <= 6 && months.has(a.respondedAt.slice(0, 7))) causes[a.cause ?? ''] = (causes[a.cause ?? ''] ?? 0) + 1;
    }
    const top = pareto(causes).slice(0, 3).map((row) => row.cause);
    expect(top).toEqual(expect.arrayContaining(['delivery delay', 'slow field service']));
  });
});
