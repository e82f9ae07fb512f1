import type { VocImport, VocImportStatus } from '@lodestar/contracts';
import { formatInteger } from '../shared/format';

/** The CSV header an export must start with (the columns may come in any order). */
export const VOC_CSV_HEADER = 'response_id,responded_at,account,org_unit,survey,score,cause,comment';

export const VOC_CSV_EXAMPLE =
  'nps-2026-000123,2026-03-14T09:30:00Z,Taiwan Foundry Co.,field-service,nps,6,slow field service,"Waited three days for an engineer."';

export function isFinished(status: VocImportStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}

/** How far the server has read the file, 0–100, rounded down so 100 means "all of it". */
export function importPercent(job: Pick<VocImport, 'status' | 'bytesRead' | 'totalBytes'>): number {
  if (job.status === 'succeeded') return 100;
  if (job.totalBytes <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((job.bytesRead / job.totalBytes) * 100)));
}

/** "12,345 rows · 48 %" */
export function progressText(
  job: Pick<VocImport, 'status' | 'bytesRead' | 'totalBytes' | 'rowsProcessed'>,
): string {
  const rows = `${formatInteger(job.rowsProcessed)} ${job.rowsProcessed === 1 ? 'row' : 'rows'}`;
  return `${rows} · ${importPercent(job)} %`;
}

/** Upload progress 0–100 from an HttpClient progress event (total may be unknown). */
export function uploadPercent(loaded: number, total: number | undefined): number | null {
  if (!total || total <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((loaded / total) * 100)));
}

function count(value: number, one: string, many: string): string {
  return `${formatInteger(value)} ${value === 1 ? one : many}`;
}

/** "Import finished: 19,997 answers inserted, 12 duplicates skipped, 3 rows rejected." */
export function summaryText(job: VocImport): string {
  if (job.status === 'failed') return 'Import failed: nothing was stored.';
  return `Import finished: ${count(job.inserted, 'answer', 'answers')} inserted, ${count(
    job.duplicates,
    'duplicate',
    'duplicates',
  )} skipped, ${count(job.rejected, 'row', 'rows')} rejected.`;
}

export const STATUS_LABELS: Readonly<Record<VocImportStatus, string>> = {
  queued: 'Waiting',
  running: 'Importing',
  succeeded: 'Finished',
  failed: 'Failed',
};

/** Whether a chosen file looks like a CSV export (by type or by name). */
export function isCsvFile(file: Pick<File, 'name' | 'type'>): boolean {
  return /\.csv$/i.test(file.name) || file.type === 'text/csv' || file.type === 'application/vnd.ms-excel';
}
