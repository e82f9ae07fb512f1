import { HttpErrorResponse } from '@angular/common/http';
import type { Target } from '@lodestar/contracts';
import {
  afterRemovalText,
  bandText,
  checkWeights,
  defaultTargetYear,
  draftProblem,
  periodColumns,
  targetBatchSummary,
  targetCsvTemplate,
  targetGroups,
  targetMetricGroups,
  targetSaveProblem,
  targetYearOptions,
  weightRows,
} from './target-format';
import { METRICS, target, UNITS } from './target.fixtures';

describe('the fiscal year the targets page opens on', () => {
  // The fiscal year starts in October: FY2027 runs from October 2026 to September 2027.
  it('is the current year up to the end of its third quarter', () => {
    expect(defaultTargetYear(10, 'UTC', new Date('2026-11-23T12:00:00Z'))).toBe('FY2027');
    expect(defaultTargetYear(10, 'UTC', new Date('2027-06-30T12:00:00Z'))).toBe('FY2027');
  });

  it('is the next year from the current one’s fourth quarter on, when its targets are set', () => {
    expect(defaultTargetYear(10, 'UTC', new Date('2027-07-01T12:00:00Z'))).toBe('FY2028');
    expect(defaultTargetYear(1, 'UTC', new Date('2026-10-05T12:00:00Z'))).toBe('FY2027');
  });

  it('offers next year, this year and the two before it, and a year named in the link', () => {
    const today = new Date('2026-11-23T12:00:00Z');
    expect(targetYearOptions(10, 'UTC', today).map((option) => [option.label, option.note])).toEqual([
      ['FY2028', 'next year'],
      ['FY2027', 'this year'],
      ['FY2026', ''],
      ['FY2025', ''],
    ]);
    expect(targetYearOptions(10, 'UTC', today, 'FY2031').map((option) => option.label)[0]).toBe('FY2031');
  });

  it('puts the year and its four quarters in columns, each with its months', () => {
    expect(periodColumns('FY2026', 10).map((column) => [column.short, column.span])).toEqual([
      ['FY2026', 'Oct 2025 – Sep 2026'],
      ['Q1', 'Oct 2025 – Dec 2025'],
      ['Q2', 'Jan 2026 – Mar 2026'],
      ['Q3', 'Apr 2026 – Jun 2026'],
      ['Q4', 'Jul 2026 – Sep 2026'],
    ]);
  });
});

describe('the targets grid', () => {
  const columns = periodColumns('FY2026', 10);
  const grid = (targets: Target[], added: { orgUnit: string; metric: string }[] = []) =>
    targetGroups(targets, added, METRICS, UNITS, columns, 10, { metric: null, orgUnit: null });
  const texts = (targets: Target[]) =>
    grid(targets).flatMap((group) =>
      group.rows.map((row) => [
        `${group.unitName} · ${row.metric.name}`,
        ...row.cells.map((cell) => (cell.basis ? `${cell.text} (${cell.basis})` : cell.text)),
      ]),
    );

  it('gives a quarter without its own target its year’s band, from the year, for level and ratio metrics', () => {
    expect(texts([target('sales', 'nps', 'FY2026', ['30', '40', '50'])])).toEqual([
      [
        'Sales · Net Promoter Score',
        '30 · 40 · 50',
        '30 · 40 · 50 (from FY2026)',
        '30 · 40 · 50 (from FY2026)',
        '30 · 40 · 50 (from FY2026)',
        '30 · 40 · 50 (from FY2026)',
      ],
    ]);
  });

  it('splits a sum metric’s year evenly over its quarters, and keeps a phased quarter as set', () => {
    const [row] = grid([
      target('service', 'escalations', 'FY2026', ['260', '220', '180']),
      target('service', 'escalations', 'FY2026-Q2', ['55', '45', '35']),
    ])[0].rows;
    expect(row.cells.map((cell) => [cell.text, cell.basis, cell.inherited, !!cell.own])).toEqual([
      ['260 · 220 · 180', null, false, true],
      ['65 · 55 · 45', 'FY2026 ÷ 4', true, false],
      ['55 · 45 · 35', null, false, true],
      ['65 · 55 · 45', 'FY2026 ÷ 4', true, false],
      ['65 · 55 · 45', 'FY2026 ÷ 4', true, false],
    ]);
    expect(row.cells[1].title).toBe(
      'Service · Escalations · FY2026-Q1: 65 · 55 · 45 (threshold · target · stretch), FY2026 ÷ 4.',
    );
  });

  it('adds up four phased quarters of a sum metric into its year', () => {
    const [row] = grid(
      (
        [
          ['Q1', ['80', '65', '50']],
          ['Q2', ['55', '45', '35']],
          ['Q3', ['40', '30', '22']],
          ['Q4', ['36', '28', '20']],
        ] as [string, [string, string, string]][]
      ).map(([quarter, band]) => target('service', 'escalations', `FY2026-${quarter}`, band)),
    )[0].rows;
    expect([row.cells[0].text, row.cells[0].basis, row.cells[0].inherited]).toEqual([
      '211 · 168 · 127',
      'sum of Q1–Q4',
      true,
    ]);
  });

  it('leaves a cell without any band empty, and lists added rows, units in tree order, metrics as in the picker', () => {
    const groups = grid(
      [
        target('service', 'csat', 'FY2026-Q3', ['40', '50', '60']),
        target('sales', 'revenue', 'FY2026', ['480000000', '510000000', '550000000']),
        target('sales', 'cx_index', 'FY2026', ['50', '100', '150']),
      ],
      [{ orgUnit: 'company', metric: 'nps' }],
    );
    expect(groups.map((group) => [group.unitName, group.rows.map((row) => row.metric.key)])).toEqual([
      ['Helix Lithography Systems', ['nps']],
      ['Sales', ['cx_index', 'revenue']],
      ['Service', ['csat']],
    ]);
    expect(groups[0].rows[0].cells.map((cell) => cell.text)).toEqual(['–', '–', '–', '–', '–']);
    expect(groups[1].rows[1].cells[0].text).toBe('€480M · €510M · €550M');
    expect(groups[2].rows[0].cells.map((cell) => cell.text)).toEqual(['–', '–', '–', '40 · 50 · 60 %', '–']);
  });

  it('keeps the rows of the metric and unit chosen', () => {
    const targets = [
      target('sales', 'nps', 'FY2026', ['30', '40', '50']),
      target('service', 'nps', 'FY2026', ['20', '30', '40']),
      target('sales', 'csat', 'FY2026', ['50', '56', '64']),
    ];
    const rows = targetGroups(targets, [], METRICS, UNITS, columns, 10, { metric: 'nps', orgUnit: 'sales' });
    expect(rows.flatMap((group) => group.rows.map((row) => row.key))).toEqual(['sales\u0000nps']);
  });

  it('says what a quarter falls back on once its own target is removed', () => {
    const [row] = grid([
      target('service', 'escalations', 'FY2026', ['260', '220', '180']),
      target('service', 'escalations', 'FY2026-Q2', ['55', '45', '35']),
    ])[0].rows;
    expect(afterRemovalText(row, 'FY2026-Q2', 10)).toBe('FY2026-Q2 then takes 65 · 55 · 45 (FY2026 ÷ 4).');
    expect(afterRemovalText(row, 'FY2026', 10)).toBe('FY2026 then has no target.');
  });

  it('groups every metric by category for the pickers, the CX index first', () => {
    expect(
      targetMetricGroups(METRICS).map((group) => [group.label, group.metrics.map((metric) => metric.key)]),
    ).toEqual([
      ['CX', ['cx_index', 'nps', 'csat', 'escalations', 'complaint_rate']],
      ['Commercial', ['revenue']],
    ]);
  });
});

describe('checking a band before it is saved', () => {
  it('gives the API’s sentence for a badly ordered band', () => {
    expect(draftProblem('higher', { threshold: '40', target: '40', stretch: '50' })).toBe(
      'Threshold 40 must be below target 40 for a higher-is-better metric.',
    );
    expect(draftProblem('lower', { threshold: '2', target: '2.5', stretch: '3' })).toBe(
      'Threshold 2 must be above target 2.5 and stretch 3 must be below target 2.5 for a lower-is-better metric.',
    );
  });

  it('says nothing about a good band or one not fully typed yet', () => {
    expect(draftProblem('lower', { threshold: '3', target: '2.5', stretch: '2' })).toBeNull();
    expect(draftProblem('higher', { threshold: '40', target: '', stretch: '50' })).toBeNull();
  });

  it('shows the API’s one message about a refused target without its batch prefix', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: {
        detail: '1 of 1 targets are not valid, so none was stored: targets[0]: …',
        errors: ['targets[0]: metric "nope" is not a metric key (GET /api/v1/metrics lists them)'],
      },
    });
    expect(targetSaveProblem(error)).toBe(
      'Metric "nope" is not a metric key (GET /api/v1/metrics lists them).',
    );
  });

  it('formats bands by the metric’s unit', () => {
    expect(bandText({ threshold: 90, target: 100, stretch: 120 }, { unit: 'percent' })).toBe(
      '90 · 100 · 120 %',
    );
    expect(bandText({ threshold: 4.5, target: 4.25, stretch: 4 }, { unit: 'score' })).toBe('4.5 · 4.25 · 4');
  });
});

describe('the targets CSV', () => {
  it('has the header and example rows for the year on screen', () => {
    expect(targetCsvTemplate('FY2028').split('\n').slice(0, 2)).toEqual([
      'metric,org_unit,period,threshold,target,stretch',
      'nps,sales,FY2028,30,40,50',
    ]);
  });

  it('sums up an import', () => {
    expect(targetBatchSummary({ received: 4, created: 3, updated: 1, unchanged: 0 })).toBe(
      '3 targets created, 1 updated, 0 unchanged.',
    );
    expect(targetBatchSummary({ received: 1, created: 1, updated: 0, unchanged: 0 })).toBe(
      '1 target created, 0 updated, 0 unchanged.',
    );
  });
});

describe('CX index weights', () => {
  const rows = weightRows(METRICS, [
    { metric: 'nps', weight: '60' },
    { metric: 'csat', weight: '40.00' },
  ]);

  it('lists every CX metric but the index, surveys first, filled with the weights given', () => {
    expect(rows.map((row) => [row.metric, row.text])).toEqual([
      ['nps', '60'],
      ['csat', '40'],
      ['complaint_rate', ''],
      ['escalations', ''],
    ]);
  });

  it('totals the weights and sends the metrics that have one', () => {
    expect(checkWeights(rows)).toEqual({
      total: 100,
      weights: [
        { metric: 'nps', weight: '60' },
        { metric: 'csat', weight: '40' },
      ],
      unreadable: [],
      problem: null,
    });
  });

  it('refuses weights that do not add up to 100 % with the API’s sentence', () => {
    const short = rows.map((row) => (row.metric === 'csat' ? { ...row, text: '30' } : row));
    expect(checkWeights(short)).toMatchObject({
      total: 90,
      problem: 'The weights add up to 90 %, not 100 %.',
    });
    const over = [...short, { metric: 'escalations', name: 'Escalations', text: '12.5' }];
    expect(checkWeights(over).problem).toBe('The weights add up to 102.5 %, not 100 %.');
  });

  it('names a weight that is not a number', () => {
    const wrong = rows.map((row) => (row.metric === 'csat' ? { ...row, text: 'lots' } : row));
    expect(checkWeights(wrong).problem).toBe(
      'The weight of CSAT is not a number: type a percentage such as 12.5.',
    );
  });
});
