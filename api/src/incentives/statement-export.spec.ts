import {
  payrollTable,
  STATEMENT_COLUMNS,
  statementTable,
  tableCsv,
  tableSheet,
  type StatementExportSource,
} from './statement-export';

const base: StatementExportSource = {
  id: 'a',
  period: 'FY2026-Q1',
  status: 'RELEASED',
  participant: 'Victor Salas',
  email: 'vp.sales@example.com',
  orgUnit: 'Sales',
  plan: 'Executive plan',
  version: 2,
  annualTargetBonus: '100000.00',
  eligibleDays: 90,
  periodTarget: '24657.534246575342465753',
  totalPayout: '87.5000000000',
  amount: '21575.34',
  adjustments: '-120.50',
  carriedIn: '0.00',
  payable: '21454.84',
  carriedForward: '0.00',
  components: [
    { key: 'quota', payout: '100' },
    { key: 'cx_index', payout: '62.5' },
  ],
};

describe('statement export rows', () => {
  it('adds one payout column per component key of the period, in the order they first appear', () => {
    const table = statementTable([
      base,
      {
        ...base,
        id: 'b',
        components: [
          { key: 'margin', payout: '120.25' },
          { key: 'quota', payout: '80' },
        ],
      },
    ]);
    expect(table.columns.map((column) => column.title)).toEqual([
      ...STATEMENT_COLUMNS.map((column) => column.title),
      'quota payout %',
      'cx_index payout %',
      'margin payout %',
    ]);
    expect(table.rows[0].slice(-3)).toEqual(['100', '62.5', null]);
    expect(table.rows[1].slice(-3)).toEqual(['80', null, '120.25']);
  });

  it('rounds the period target half to even to cents and keeps percentages exact without trailing zeros', () => {
    const [row] = statementTable([{ ...base, periodTarget: '1000.125' }]).rows;
    expect(row[9]).toBe('1000.12');
    expect(statementTable([{ ...base, periodTarget: '1000.135' }]).rows[0][9]).toBe('1000.14');
    expect(row[10]).toBe('87.5');
    expect(row.slice(11, 16)).toEqual(['21575.34', '-120.50', '0.00', '21454.84', '0.00']);
  });

  it('writes RFC 4180 CSV: quoted commas and quotes, CRLF, negative amounts as numbers, formulas defused', () => {
    const csv = tableCsv(
      statementTable([{ ...base, participant: 'Salas, "Vic"', plan: '=HYPERLINK("x")', components: [] }]),
    );
    const [header, line, end] = csv.split('\r\n');
    expect(header).toBe(STATEMENT_COLUMNS.map((column) => column.title).join(','));
    expect(line).toBe(
      'FY2026-Q1,RELEASED,"Salas, ""Vic""",vp.sales@example.com,Sales,"\'=HYPERLINK(""x"")",2,100000.00,90,24657.53,87.5,21575.34,-120.50,0.00,21454.84,0.00',
    );
    expect(end).toBe('');
  });

  it('leaves a cell empty when the trace lacks the value', () => {
    const [row] = statementTable([{ ...base, annualTargetBonus: null, eligibleDays: null }]).rows;
    expect(row[7]).toBeNull();
    expect(row[8]).toBeNull();
  });

  it('turns money into numeric sheet cells shown with two decimals, and text into text', () => {
    const [header, row] = tableSheet(statementTable([base]));
    expect(header[0]).toEqual({ value: 'Period', type: String, fontWeight: 'bold' });
    expect(row[2]).toEqual({ value: 'Victor Salas', type: String });
    expect(row[12]).toEqual({ value: -120.5, type: Number, format: '#,##0.00' });
    expect(row[8]).toEqual({ value: 90, type: Number, format: '0' });
  });

  it('lists payroll lines with the payable in cents and the company currency', () => {
    const table = payrollTable([
      {
        id: 's1',
        period: 'FY2026-Q1',
        name: 'Victor Salas',
        email: 'vp.sales@example.com',
        payable: '21454.8',
      },
    ]);
    expect(tableCsv(table)).toBe(
      'employee_email,employee_name,period,payable,currency,statement_id\r\n' +
        'vp.sales@example.com,Victor Salas,FY2026-Q1,21454.80,EUR,s1\r\n',
    );
  });
});
