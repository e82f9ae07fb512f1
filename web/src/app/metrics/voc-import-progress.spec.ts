import type { VocImport } from '@lodestar/contracts';
import { importPercent, isCsvFile, progressText, summaryText, uploadPercent } from './voc-import-progress';

const job = (overrides: Partial<VocImport>): VocImport => ({
  id: '6f1c2a57-9f3e-4d7a-8a55-0c6ad1e0b111',
  status: 'running',
  fileName: 'answers.csv',
  bytesRead: 0,
  totalBytes: 1000,
  rowsProcessed: 0,
  inserted: 0,
  duplicates: 0,
  rejected: 0,
  errors: [],
  failure: null,
  createdAt: '2026-11-23T10:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  ...overrides,
});

describe('import progress', () => {
  it('is the share of the file read, rounded down so 100 % means all of it', () => {
    expect(importPercent(job({ bytesRead: 480, totalBytes: 1000 }))).toBe(48);
    expect(importPercent(job({ bytesRead: 999, totalBytes: 1000 }))).toBe(99);
    expect(importPercent(job({ bytesRead: 1000, totalBytes: 1000 }))).toBe(100);
    expect(importPercent(job({ bytesRead: 5, totalBytes: 0 }))).toBe(0);
    expect(importPercent(job({ status: 'succeeded', bytesRead: 0, totalBytes: 0 }))).toBe(100);
  });

  it('reads as rows and percent', () => {
    expect(progressText(job({ rowsProcessed: 12345, bytesRead: 480 }))).toBe('12,345 rows · 48 %');
    expect(progressText(job({ rowsProcessed: 1, bytesRead: 10 }))).toBe('1 row · 1 %');
  });

  it('turns upload events into a percentage when the size is known', () => {
    expect(uploadPercent(250, 1000)).toBe(25);
    expect(uploadPercent(250, undefined)).toBeNull();
    expect(uploadPercent(2000, 1000)).toBe(100);
  });

  it('sums up a finished import, and a failed one', () => {
    expect(summaryText(job({ status: 'succeeded', inserted: 19997, duplicates: 1, rejected: 3 }))).toBe(
      'Import finished: 19,997 answers inserted, 1 duplicate skipped, 3 rows rejected.',
    );
    expect(summaryText(job({ status: 'failed', failure: 'The header lacks the column score.' }))).toBe(
      'Import failed: nothing was stored.',
    );
  });

  it('accepts CSV files by name or type', () => {
    expect(isCsvFile({ name: 'export.CSV', type: '' })).toBe(true);
    expect(isCsvFile({ name: 'export', type: 'text/csv' })).toBe(true);
    expect(
      isCsvFile({
        name: 'export.xlsx',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    ).toBe(false);
  });
});
