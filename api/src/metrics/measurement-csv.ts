import { MEASUREMENT_CSV_COLUMNS, type MeasurementImportError } from '@lodestar/contracts';
import type { Request } from 'express';
import { MAX_CSV_FILE_BYTES, parseCsvRecords, readCsvUpload, type CsvUpload } from '../common/csv-upload';
import type { RawMeasurement } from './measurement-row';

/** Measurement files are small (a few thousand rows): they are read whole, up to this size. */
export const MAX_MEASUREMENT_FILE_BYTES = MAX_CSV_FILE_BYTES;

export type MeasurementUpload = CsvUpload;

/** Reads a multipart body: the file in the field `file` (at most 10 MB) and the text fields, e.g. `reason`. */
export function readMeasurementUpload(req: Request): Promise<MeasurementUpload> {
  return readCsvUpload(req, { defaultFileName: 'measurements.csv', otherFields: ' (and an optional field "reason")' });
}

export interface CsvMeasurementRow {
  /** The physical line the row starts on (the header is line 1). */
  line: number;
  raw: RawMeasurement;
}

/**
 * Parses a measurements CSV: a header naming metric, org_unit, period and any of value,
 * numerator, denominator, note in any order (a byte-order mark is allowed), then one row per
 * metric, unit and month. Empty cells are absent values. Lines that are not valid CSV (a broken
 * quote, a wrong number of cells) come back as errors with their line numbers.
 */
export async function parseMeasurementCsv(content: Buffer): Promise<{ rows: CsvMeasurementRow[]; errors: MeasurementImportError[] }> {
  const { records, errors } = await parseCsvRecords(content, {
    known: MEASUREMENT_CSV_COLUMNS,
    required: ['metric', 'org_unit', 'period'],
    describe: 'metric, org_unit, period and any of value, numerator, denominator, note',
  });
  const rows = records.map(({ line, cell }) => ({
    line,
    raw: {
      metric: cell('metric') ?? '',
      orgUnit: cell('org_unit') ?? '',
      period: cell('period') ?? '',
      value: cell('value'),
      numerator: cell('numerator'),
      denominator: cell('denominator'),
      note: cell('note'),
    },
  }));
  return { rows, errors };
}
