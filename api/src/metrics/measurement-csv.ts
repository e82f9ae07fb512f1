import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { MEASUREMENT_CSV_COLUMNS, type MeasurementImportError } from '@lodestar/contracts';
import busboy from 'busboy';
import { parse, type CsvError, type Info } from 'csv-parse';
import type { Request } from 'express';
import type { RawMeasurement } from './measurement-row';

/** Measurement files are small (a few thousand rows): they are read whole, up to this size. */
export const MAX_MEASUREMENT_FILE_BYTES = 10 * 1024 * 1024;

const REQUIRED = ['metric', 'org_unit', 'period'] as const;

export interface MeasurementUpload {
  fileName: string;
  content: Buffer;
  /** The multipart text fields, e.g. `reason`. */
  fields: Record<string, string>;
}

/** Reads a multipart body: the file in the field `file` (at most 10 MB) and the text fields. */
export function readMeasurementUpload(req: Request): Promise<MeasurementUpload> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(new BadRequestException('Send the CSV as multipart/form-data with the file in the field "file" (and an optional field "reason").'));
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_MEASUREMENT_FILE_BYTES, fieldSize: 64 * 1024 } });
    } catch {
      reject(new BadRequestException('The multipart body could not be read: send the CSV in the field "file".'));
      return;
    }
    const fields: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let fileName: string | undefined;
    let truncated = false;
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || fileName !== undefined) {
        stream.resume();
        return;
      }
      fileName = info.filename || 'measurements.csv';
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (truncated = true));
    });
    parser.on('error', () => reject(new BadRequestException('The multipart body is malformed: send the CSV in the field "file".')));
    parser.on('close', () => {
      if (truncated) reject(new PayloadTooLargeException('The file is larger than 10 MB: split it into several imports.'));
      else if (fileName === undefined) reject(new BadRequestException('No file was sent: put the CSV in the multipart field "file".'));
      else resolve({ fileName, content: Buffer.concat(chunks), fields });
    });
    req.pipe(parser);
  });
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
  const errors: MeasurementImportError[] = [];
  let headerProblem: string | undefined;
  const records = await new Promise<{ record: Record<string, string>; info: Info }[]>((resolve, reject) => {
    const parser = parse(
      content,
      {
        columns: (header: string[]) => {
          const names = header.map((name) => name.trim().toLowerCase());
          const unknown = names.filter((name) => !(MEASUREMENT_CSV_COLUMNS as readonly string[]).includes(name));
          const missing = REQUIRED.filter((column) => !names.includes(column));
          const repeated = names.filter((name, index) => names.indexOf(name) !== index);
          const problems = [
            missing.length ? `it lacks ${missing.join(', ')}` : '',
            unknown.length ? `it names unknown columns ${unknown.map((name) => `"${name}"`).join(', ')}` : '',
            repeated.length ? `it repeats ${repeated.join(', ')}` : '',
          ].filter(Boolean);
          if (problems.length) {
            headerProblem = `The header line is not right (${problems.join('; ')}): it must name metric, org_unit, period and any of value, numerator, denominator, note, in any order.`;
            throw new Error(headerProblem);
          }
          return names;
        },
        bom: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        info: true,
      },
      (error, output: { record: Record<string, string>; info: Info }[] | undefined) => (error ? reject(error) : resolve(output ?? [])),
    );
    parser.on('skip', (error: CsvError & { lines?: number }) => {
      errors.push({ line: error.lines ?? 0, message: `the line is not valid CSV (${error.message.replace(/^Invalid Record Length: /, '')})` });
    });
  }).catch((error: unknown) => {
    if (headerProblem) throw new BadRequestException({ message: headerProblem, errors: [{ line: 1, message: headerProblem }] });
    throw new BadRequestException(`The file could not be read as CSV: ${(error as Error).message}`);
  });
  const rows = records.map(({ record, info }) => {
    const cell = (name: string): string | null => {
      const value = record[name];
      return value === undefined || value.trim() === '' ? null : value;
    };
    return {
      line: info.lines - newlinesIn(record),
      raw: {
        metric: cell('metric') ?? '',
        orgUnit: cell('org_unit') ?? '',
        period: cell('period') ?? '',
        value: cell('value'),
        numerator: cell('numerator'),
        denominator: cell('denominator'),
        note: cell('note'),
      },
    };
  });
  return { rows, errors };
}

/** Line breaks inside quoted values: a record starts this many lines before the one it ends on. */
function newlinesIn(record: Record<string, string>): number {
  let count = 0;
  for (const key in record) {
    const value = record[key];
    for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) count++;
  }
  return count;
}
