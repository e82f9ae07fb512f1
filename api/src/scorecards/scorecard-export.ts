import type { CompanyScorecard, ScorecardCell, ScorecardRow } from '@lodestar/contracts';

/** One line per unit and metric: what an analyst wants in a spreadsheet, the same numbers as the screen. */
export const EXPORT_COLUMNS = [
  'Period',
  'Unit',
  'Unit key',
  'Role',
  'Metric',
  'Actual',
  'Threshold',
  'Target',
  'Stretch',
  'Score',
  'Attainment %',
  'Status',
  'n',
  'Margin of error',
  'Within margin of target',
  'Adjusted metric',
  'Adjusted actual',
] as const;

export type ExportValue = string | number | boolean | null;

function cellLine(
  period: string,
  row: ScorecardRow,
  role: string,
  name: string,
  cell: ScorecardCell,
): ExportValue[] {
  return [
    period,
    row.name,
    row.orgUnit,
    role,
    name,
    cell.actual,
    cell.threshold,
    cell.target,
    cell.stretch,
    cell.score,
    cell.attainment,
    cell.insufficientSample ? 'insufficient sample' : cell.status,
    cell.n,
    cell.marginOfError,
    cell.n === null ? null : cell.withinMarginOfTarget,
    cell.adjusted?.metric ?? null,
    cell.adjusted?.actual ?? null,
  ];
}

/** The company scorecard as rows under `EXPORT_COLUMNS`: the company first, then every function. */
export function scorecardTable(
  scorecard: CompanyScorecard,
  metricNames: Map<string, string>,
): ExportValue[][] {
  const name = (key: string) => metricNames.get(key) ?? key;
  const lines: ExportValue[][] = [];
  for (const row of [scorecard.company, ...scorecard.functions]) {
    if (row.primary)
      lines.push(
        cellLine(scorecard.period, row, 'primary commercial', name(row.primary.metric), row.primary),
      );
    if (row.margin)
      lines.push(cellLine(scorecard.period, row, 'margin or budget', name(row.margin.metric), row.margin));
    lines.push([
      scorecard.period,
      row.name,
      row.orgUnit,
      'CX index',
      'CX index',
      row.cxIndex.value,
      null,
      null,
      null,
      row.cxIndex.value,
      null,
      row.cxIndex.insufficient ? 'insufficient' : row.cxIndex.status,
      null,
      null,
      null,
      null,
      row.cxIndex.note,
    ]);
    row.cx.forEach((cell) => lines.push(cellLine(scorecard.period, row, 'CX', name(cell.metric), cell)));
  }
  return lines;
}

/** RFC 4180 CSV; numbers as JavaScript writes them (a dot, no grouping); formulas defused. */
export function toCsv(header: readonly string[], rows: ExportValue[][]): string {
  const field = (value: ExportValue): string => {
    if (value === null) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : '';
    let text = String(value);
    // a cell starting with = + - @ would run as a formula when opened in a spreadsheet
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((line) => line.map(field).join(',')).join('\r\n') + '\r\n';
}
