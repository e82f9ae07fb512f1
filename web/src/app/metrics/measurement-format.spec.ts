import { HttpErrorResponse } from '@angular/common/http';
import type { MeasurementGrid, MetricDefinition } from '@lodestar/contracts';
import {
  batchSummaryText,
  cellTitle,
  editableDecimal,
  formatMeasurement,
  gridHasValues,
  importErrorsOf,
  measurementCsvTemplate,
  measurementMetricGroups,
  metricSummary,
  monthValue,
  parseDecimalInput,
  saveProblemText,
  trendRow,
} from './measurement-format';

const metric = (overrides: Partial<MetricDefinition>): MetricDefinition => ({
  key: 'quota_attainment',
  name: 'Quota attainment',
  description: null,
  category: 'COMMERCIAL',
  unit: 'percent',
  direction: 'higher',
  aggregation: 'ratio',
  survey: null,
  builtIn: true,
  ...overrides,
});

const QUOTA = metric({});
const REVENUE = metric({ key: 'revenue', name: 'Revenue', unit: 'currency', aggregation: 'sum' });
const ESCALATIONS = metric({
  key: 'escalations',
  name: 'Escalations',
  category: 'CX',
  unit: 'count',
  aggregation: 'sum',
});
const COMPLAINTS = metric({ key: 'complaint_rate', category: 'CX', unit: 'count', aggregation: 'ratio' });

describe('measurement formatting', () => {
  it('shows ratios as a percentage with one decimal, money without cents and counts as whole numbers', () => {
    expect(formatMeasurement('125', QUOTA)).toBe('125.0 %');
    expect(formatMeasurement('87.456', QUOTA)).toBe('87.5 %');
    expect(formatMeasurement('1250000.40', REVENUE)).toBe('€1,250,000');
    expect(formatMeasurement('12', ESCALATIONS)).toBe('12');
    expect(formatMeasurement('2.456', COMPLAINTS)).toBe('2.5');
    expect(formatMeasurement(null, QUOTA)).toBe('—');
  });

  it('takes a month’s ratio from its own numerator and denominator when no value is sent', () => {
    expect(monthValue({ value: null, numerator: '1250000', denominator: '1000000' }, QUOTA)).toBe(125);
    expect(monthValue({ value: '118', numerator: '1180000', denominator: '1000000' }, QUOTA)).toBe(118);
    expect(monthValue({ value: null, numerator: '5', denominator: '0' }, QUOTA)).toBeNull();
    expect(monthValue({ value: null, numerator: null, denominator: null }, REVENUE)).toBeNull();
  });

  it('names the ratio behind a cell and its restatement in the cell’s title', () => {
    expect(
      cellTitle(
        { value: '125', numerator: '1250000', denominator: '1000000', version: 2 },
        QUOTA,
        'Key Accounts',
        '2025-11',
      ),
    ).toBe(
      'Key Accounts · November 2025: 125.0 % (bookings 1,250,000 ÷ quota 1,000,000), restated (version 2)',
    );
    expect(cellTitle(null, QUOTA, 'Key Accounts', '2025-11')).toBe(
      'Key Accounts · November 2025: no value yet. Press Enter to type one.',
    );
  });

  it('offers only the metrics that hold measurements, grouped by category, with unit and aggregation', () => {
    const nps = metric({
      key: 'nps',
      category: 'CX',
      unit: 'score',
      aggregation: 'response_weighted',
      survey: 'nps',
    });
    const groups = measurementMetricGroups([QUOTA, nps, ESCALATIONS, REVENUE]);
    expect(groups.map((group) => [group.label, group.metrics.map((item) => item.key)])).toEqual([
      ['CX', ['escalations']],
      ['Commercial', ['quota_attainment', 'revenue']],
    ]);
    expect(metricSummary(QUOTA)).toBe('percent · ratio of sums');
    expect(metricSummary(REVENUE)).toBe('money (EUR) · sum of months');
  });

  it('reads what a person types as a decimal string, or refuses it', () => {
    expect(parseDecimalInput('1,250,000')).toBe('1250000');
    expect(parseDecimalInput(' 1 250 000.5 ')).toBe('1250000.5');
    expect(parseDecimalInput('87.5%')).toBe('87.5');
    expect(parseDecimalInput('.5')).toBe('0.5');
    expect(parseDecimalInput('-3')).toBe('-3');
    expect(parseDecimalInput('12,5')).toBeNull();
    expect(parseDecimalInput('abc')).toBeNull();
    expect(parseDecimalInput('')).toBeNull();
    expect(editableDecimal('1250000.00')).toBe('1250000');
    expect(editableDecimal('37.50')).toBe('37.5');
  });

  it('reads the rejected lines of a refused import from the problem', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: '1 line of the file is wrong: nothing was stored.',
        errors: [{ line: 3, message: 'org_unit "nowhere" is not a unit key' }, 'not a line'],
      },
    });
    expect(importErrorsOf(error)).toEqual([{ line: 3, message: 'org_unit "nowhere" is not a unit key' }]);
    expect(importErrorsOf(new HttpErrorResponse({ status: 400, error: { detail: 'x' } }))).toEqual([]);
    expect(importErrorsOf(new Error('x'))).toEqual([]);
  });

  it('shows the one reason a typed-in month was refused, without the batch’s row number', () => {
    const refused = new HttpErrorResponse({
      status: 400,
      error: {
        detail:
          '1 of 1 measurements are not valid, so none was stored: measurements[0]: denominator must be greater than 0',
        errors: ['measurements[0]: denominator must be greater than 0'],
      },
    });
    expect(saveProblemText(refused)).toBe('Denominator must be greater than 0.');
    expect(
      saveProblemText(
        new HttpErrorResponse({ status: 403, error: { detail: 'Only CX leads record values.' } }),
      ),
    ).toBe('Only CX leads record values.');
  });

  it('summarises a batch and builds a template with the header and two example rows', () => {
    expect(batchSummaryText({ received: 4, created: 3, restated: 1, unchanged: 0 })).toBe(
      '3 months created, 1 restated, 0 unchanged.',
    );
    const lines = measurementCsvTemplate('2025-10').trim().split('\n');
    expect(lines[0]).toBe('metric,org_unit,period,value,numerator,denominator,note');
    expect(lines).toHaveLength(3);
    expect(lines[1].startsWith('quota_attainment,key-accounts,2025-10,,1250000,1000000,')).toBe(true);
    expect(lines[2]).toBe('revenue,key-accounts,2025-10,1250000,,,');
  });

  it('shapes a unit’s months for the chart and tells an empty grid apart', () => {
    const grid: MeasurementGrid = {
      metric: 'quota_attainment',
      period: 'FY2026',
      aggregation: 'ratio',
      months: ['2025-10', '2025-11'],
      rows: [
        {
          orgUnit: 'sales',
          name: 'Sales',
          depth: 1,
          cells: [null, { value: '110', numerator: '1100', denominator: '1000', version: 1 }],
          total: '110',
        },
      ],
    };
    expect(trendRow(grid, 'sales', QUOTA)?.points).toEqual([
      { period: '2025-10', value: null, text: '—' },
      { period: '2025-11', value: 110, text: '110.0 %' },
    ]);
    expect(gridHasValues(grid)).toBe(true);
    expect(gridHasValues({ ...grid, rows: [{ ...grid.rows[0], cells: [null, null] }] })).toBe(false);
  });
});
