import { COMPANY_CURRENCY } from '@lodestar/contracts';
import { Money } from '../investments/money';

/**
 * Statements as files: every statement of a quarter for HR's spreadsheet (CSV or Excel), and the
 * released ones as a payroll CSV. Pure: rows in, text or sheet cells out. Money and percentages
 * stay decimal strings until the very cell an Excel workbook needs as a number.
 */

/** One statement as the export reads it from the database. */
export interface StatementExportSource {
  id: string;
  period: string;
  status: string;
  participant: string;
  email: string;
  orgUnit: string;
  plan: string;
  version: number;
  /** From the statement's trace (what it was computed with); null when the trace lacks it. */
  annualTargetBonus: string | null;
  eligibleDays: number | null;
  periodTarget: string;
  totalPayout: string;
  amount: string;
  adjustments: string;
  carriedIn: string;
  payable: string;
  carriedForward: string;
  /** Each component's final payout % from the trace. */
  components: { key: string; payout: string | null }[];
}

export type ColumnKind = 'text' | 'integer' | 'money' | 'percent';

export interface ExportColumn {
  title: string;
  kind: ColumnKind;
}

/** A table of cells as text (null: empty), each column saying what its cells are. */
export interface ExportTable {
  columns: ExportColumn[];
  rows: (string | null)[][];
}

export const STATEMENT_COLUMNS: readonly ExportColumn[] = [
  { title: 'Period', kind: 'text' },
  { title: 'Status', kind: 'text' },
  { title: 'Participant', kind: 'text' },
  { title: 'Email', kind: 'text' },
  { title: 'Org unit', kind: 'text' },
  { title: 'Plan', kind: 'text' },
  { title: 'Version', kind: 'integer' },
  { title: 'Annual target bonus', kind: 'money' },
  { title: 'Eligible days', kind: 'integer' },
  { title: 'Period target', kind: 'money' },
  { title: 'Total payout %', kind: 'percent' },
  { title: 'Amount', kind: 'money' },
  { title: 'Adjustments', kind: 'money' },
  { title: 'Carried in', kind: 'money' },
  { title: 'Payable', kind: 'money' },
  { title: 'Carried forward', kind: 'money' },
];

/** The title of a component's payout column. */
export function componentColumn(key: string): string {
  return `${key} payout %`;
}

export const PAYROLL_COLUMNS: readonly ExportColumn[] = [
  { title: 'employee_email', kind: 'text' },
  { title: 'employee_name', kind: 'text' },
  { title: 'period', kind: 'text' },
  { title: 'payable', kind: 'money' },
  { title: 'currency', kind: 'text' },
  { title: 'statement_id', kind: 'text' },
];

/** One released statement for payroll. */
export interface PayrollSource {
  id: string;
  period: string;
  name: string;
  email: string;
  payable: string;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** Money in cents, rounded half to even (period targets keep full precision until here). */
function cents(value: string | null): string | null {
  if (value === null || !PLAIN_DECIMAL.test(value.trim())) return null;
  return new Money(value.trim()).toFixed(2);
}

/** A percentage as stored, without trailing zeros past the point (`87.5000` → `87.5`). */
function percent(value: string | null): string | null {
  if (value === null || !PLAIN_DECIMAL.test(value.trim())) return null;
  return new Money(value.trim()).toFixed();
}

/**
 * Every statement of a period under `STATEMENT_COLUMNS`, then one column per component key of
 * the period (in the order they first appear), holding that component's payout %; a statement
 * whose plan has no such component leaves it empty.
 */
export function statementTable(statements: readonly StatementExportSource[]): ExportTable {
  const keys: string[] = [];
  for (const statement of statements)
    for (const component of statement.components) if (!keys.includes(component.key)) keys.push(component.key);
  const columns = [
    ...STATEMENT_COLUMNS,
    ...keys.map((key): ExportColumn => ({ title: componentColumn(key), kind: 'percent' })),
  ];
  const rows = statements.map((statement) => {
    const payouts = new Map(statement.components.map((component) => [component.key, component.payout]));
    return [
      statement.period,
      statement.status,
      statement.participant,
      statement.email,
      statement.orgUnit,
      statement.plan,
      String(statement.version),
      cents(statement.annualTargetBonus),
      statement.eligibleDays === null ? null : String(statement.eligibleDays),
      cents(statement.periodTarget),
      percent(statement.totalPayout),
      cents(statement.amount),
      cents(statement.adjustments),
      cents(statement.carriedIn),
      cents(statement.payable),
      cents(statement.carriedForward),
      ...keys.map((key) => percent(payouts.get(key) ?? null)),
    ];
  });
  return { columns, rows };
}

/** Released statements for payroll: one line per statement, its payable amount in cents. */
export function payrollTable(statements: readonly PayrollSource[]): ExportTable {
  return {
    columns: [...PAYROLL_COLUMNS],
    rows: statements.map((statement) => [
      statement.email,
      statement.name,
      statement.period,
      cents(statement.payable),
      COMPANY_CURRENCY,
      statement.id,
    ]),
  };
}

/**
 * RFC 4180 CSV (CRLF line ends, fields with a comma, quote or line break quoted). Numbers are
 * written as the decimal text they are; a text cell starting with = + - @ is defused with a
 * leading apostrophe so a spreadsheet never runs it as a formula.
 */
export function tableCsv(table: ExportTable): string {
  const field = (value: string | null, kind: ColumnKind): string => {
    if (value === null) return '';
    let text = value;
    if ((kind === 'text' || !PLAIN_DECIMAL.test(text)) && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [
    table.columns.map((column) => field(column.title, 'text')),
    ...table.rows.map((row) => row.map((value, index) => field(value, table.columns[index]?.kind ?? 'text'))),
  ];
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

/** A cell as `write-excel-file` takes it. */
export type SheetCell =
  | { value: string; type: StringConstructor; fontWeight?: 'bold' }
  | { value: number; type: NumberConstructor; format?: string }
  | null;

const FORMATS: Record<Exclude<ColumnKind, 'text'>, string> = {
  integer: '0',
  money: '#,##0.00',
  percent: '0.00',
};

/**
 * The table as sheet rows: a bold header, text as text, money as numbers shown with two decimals.
 * A spreadsheet stores numbers as binary doubles; the decimal text is converted at this last step
 * only, already rounded to cents for money.
 */
export function tableSheet(table: ExportTable): SheetCell[][] {
  const header: SheetCell[] = table.columns.map((column) => ({
    value: column.title,
    type: String,
    fontWeight: 'bold',
  }));
  const body = table.rows.map((row) =>
    row.map((value, index): SheetCell => {
      if (value === null) return null;
      const kind = table.columns[index]?.kind ?? 'text';
      if (kind === 'text' || !PLAIN_DECIMAL.test(value)) return { value, type: String };
      return { value: Number(value), type: Number, format: FORMATS[kind] };
    }),
  );
  return [header, ...body];
}

/** Column widths that fit the titles and the longest value, within reason. */
export function sheetWidths(table: ExportTable): { width: number }[] {
  return table.columns.map((column, index) => {
    const longest = table.rows.reduce(
      (most, row) => Math.max(most, row[index]?.length ?? 0),
      column.title.length,
    );
    return { width: Math.min(40, Math.max(10, longest + 2)) };
  });
}
