import {
  readableNote,
  definitionMap,
  formatMetricValue,
  gridColumns,
  gridRow,
  metricInfo,
  sparkline,
} from './scorecard-format';
import {
  cell,
  COMPANY_ROW,
  CX_COLUMNS,
  DEFINITIONS,
  FINANCE_ROW,
  OPERATIONS_ROW,
  SALES_ROW,
} from './scorecard.fixtures';

const definitions = definitionMap(DEFINITIONS);
const info = (key: string) => metricInfo(key, definitions);

describe('scorecard values', () => {
  it('writes NPS as a signed integer, percentages with one decimal and counts whole', () => {
    expect(formatMetricValue(18.4, info('nps'))).toBe('+18');
    expect(formatMetricValue(-4.6, info('nps'))).toBe('-5');
    expect(formatMetricValue(112.44, info('quota_attainment'))).toBe('112.4 %');
    expect(formatMetricValue(41, info('escalations'))).toBe('41');
    expect(formatMetricValue(null, info('nps'))).toBe('—');
  });

  it('writes money with its currency, in full or compact for the grid', () => {
    expect(formatMetricValue(152_345_000, info('revenue'))).toBe('€152,345,000');
    expect(formatMetricValue(152_345_000, info('revenue'), true)).toBe('€152M');
  });

  it('knows the built-in metrics before their definitions arrive', () => {
    expect(metricInfo('complaint_rate', new Map())).toEqual(
      expect.objectContaining({ unit: 'count', direction: 'lower', aggregation: 'ratio' }),
    );
    expect(formatMetricValue(2.84, metricInfo('complaint_rate', new Map()))).toBe('2.8');
  });
});

describe('CX index notes', () => {
  it('names the metrics left out by their short names', () => {
    expect(
      readableNote(
        'ces (insufficient sample) and complaint_rate (no target) left out; weights renormalised over 75 %.',
        definitions,
      ),
    ).toBe(
      'CES (insufficient sample) and Complaints /100 (no target) left out; weights renormalised over 75 %.',
    );
    expect(readableNote(null, definitions)).toBeNull();
  });
});

describe('sparkline', () => {
  const trend = [
    { period: 'FY2025-Q1', actual: 30 },
    { period: 'FY2025-Q2', actual: null },
    { period: 'FY2025-Q3', actual: 20 },
    { period: 'FY2025-Q4', actual: 10 },
  ];

  it('draws the periods with a value, breaking the line where one is missing, and says them in words', () => {
    const line = sparkline(trend, info('nps'), 35, 50, 14);
    expect(line?.path).toBe('M2,4 M32.7,8 L48,12');
    expect(line?.last).toEqual({ x: 48, y: 12 });
    expect(line?.targetY).toBe(2);
    expect(line?.text).toBe('FY2025-Q1 +30, FY2025-Q2 —, FY2025-Q3 +20, FY2025-Q4 +10');
  });

  it('draws nothing with fewer than two values', () => {
    expect(sparkline([{ period: 'FY2025-Q4', actual: 10 }], info('nps'), null)).toBeNull();
  });
});

describe('grid rows', () => {
  const columns = gridColumns(CX_COLUMNS, definitions);

  it('puts the commercial columns first, then the CX index and the CX metrics', () => {
    expect(columns.map((column) => column.label)).toEqual([
      'Primary',
      'Margin / budget',
      'CX index',
      'NPS',
      'CSAT',
      'On-time delivery',
      'Escalations',
    ]);
    expect(columns.find((column) => column.groupStart)?.id).toBe('cx_index');
  });

  it('gives each cell its value, target, status word and icon, and a sentence for screen readers', () => {
    const row = gridRow(SALES_ROW, columns, definitions, CX_COLUMNS);
    const [primary, margin, cxIndex, nps, csat, onTime] = row.cells;
    expect(primary).toEqual(
      expect.objectContaining({
        caption: 'Quota',
        value: '112.4\u202f%',
        target: '100.0\u202f%',
        status: 'green',
        statusLabel: 'On target',
        statusIcon: 'ok',
      }),
    );
    expect(margin.caption).toBe('Gross margin');
    expect(cxIndex).toEqual(
      expect.objectContaining({ value: '62', statusLabel: 'At risk', statusIcon: 'warning' }),
    );
    expect(nps).toEqual(
      expect.objectContaining({
        value: '+22',
        margin: '± 6.1',
        target: '+35',
        statusLabel: 'Off track',
        statusIcon: 'error',
      }),
    );
    expect(nps.summary).toBe(
      'Sales · Net Promoter Score: +22 ± 6.1 (95 % margin of error); n = 820; target +35 (threshold +25, stretch +45); ' +
        'off track, short of the threshold; trend FY2024-Q1 —, FY2024-Q2 —, FY2024-Q3 —, FY2024-Q4 —, FY2025-Q1 +30, ' +
        'FY2025-Q2 +28, FY2025-Q3 +26, FY2025-Q4 +22.',
    );
    expect(csat.withinMargin).toBe(true);
    expect(csat.summary).toContain('within margin of error of target');
    expect(onTime).toEqual(expect.objectContaining({ metric: null, value: '—' }));
    expect(onTime.summary).toBe('Sales · On-time delivery: not measured for this unit.');
  });

  it('shows margin with approved CX investments added back beside the plain figure', () => {
    const row = {
      ...SALES_ROW,
      margin: cell('gross_margin', 44.5, [42, 44, 46], {
        status: 'green',
        adjusted: { metric: 'adjusted_margin', actual: 46.1, score: 125, status: 'green' },
      }),
    };
    const margin = gridRow(row, columns, definitions, CX_COLUMNS).cells[1];
    expect(margin.value).toBe('44.5\u202f%');
    expect(margin.adjusted).toBe('46.1\u202f%');
    expect(margin.summary).toContain('46.1\u202f% with approved CX investments added back');
    expect(gridRow(SALES_ROW, columns, definitions, CX_COLUMNS).cells[1].adjusted).toBeNull();
  });

  it('shows an insufficient sample as such instead of a status', () => {
    const nps = gridRow(FINANCE_ROW, columns, definitions, CX_COLUMNS).cells[3];
    expect(nps).toEqual(expect.objectContaining({ insufficient: true, status: null, withinMargin: false }));
    expect(nps.summary).toContain('n = 12; insufficient sample');
  });

  it('says when a unit has no margin metric and when the CX index left components out', () => {
    const operations = gridRow(OPERATIONS_ROW, columns, definitions, CX_COLUMNS);
    expect(operations.cells[1].summary).toBe('Operations · Margin or budget: none for this unit.');
    expect(operations.cells[0].summary).toContain('lower is better');
    const company = gridRow(COMPANY_ROW, columns, definitions, CX_COLUMNS, true);
    expect(company.total).toBe(true);
    expect(company.cells[0].value).toBe('€152M');
    expect(company.cells[2].note).toBe('Escalations left out (no target); weights renormalised over 80 %.');
  });
});
