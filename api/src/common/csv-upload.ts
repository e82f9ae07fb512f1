import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import busboy from 'busboy';
import { parse, type CsvError, type Info } from 'csv-parse';
import type { Request } from 'express';

/** Files of figures typed or exported by people (measurements, targets) are read whole, up to this size. */
export const MAX_CSV_FILE_BYTES = 10 * 1024 * 1024;

export interface CsvUpload {
  fileName: string;
  content: Buffer;
  /** The multipart text fields, e.g. `reason`. */
  fields: Record<string, string>;
}

export interface CsvUploadOptions {
  /** The name used when the part has none, e.g. `targets.csv`. */
  defaultFileName: string;
  /** Added to the sentence asking for multipart, e.g. ` (and an optional field "reason")`. */
  otherFields?: string;
}

/** A rejected line of an import. The header is line 1. */
export interface CsvLineError {
  line: number;
  message: string;
}

/** Reads a multipart body: the file in the field `file` (at most 10 MB) and the text fields. */
export function readCsvUpload(req: Request, options: CsvUploadOptions): Promise<CsvUpload> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(
      new BadRequestException(`Send the CSV as multipart/form-data with the file in the field "file"${options.otherFields ?? ''}.`),
    );
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_CSV_FILE_BYTES, fieldSize: 64 * 1024 } });
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
      fileName = info.filename || options.defaultFileName;
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

export interface CsvHeader {
  /** Every column the file may name. */
  known: readonly string[];
  /** The columns it must name. */
  required: readonly string[];
  /** How the header should look, e.g. `metric, org_unit, period and any of value, note`. */
  describe: string;
}

export interface CsvRecord {
  /** The physical line the record starts on (the header is line 1). */
  line: number;
  /** A cell by its (lower-case) column name; empty and absent cells are null. */
  cell(name: string): string | null;
}

/**
 * Parses a CSV whose header names columns in any order (names are trimmed and compared in lower
 * case; a byte-order mark is allowed). A header naming unknown or repeated columns, or lacking a
 * required one, is refused as a whole (400, line 1). Lines that are not valid CSV (a broken quote,
 * a wrong number of cells) come back as errors with their line numbers; empty lines are skipped.
 */
export async function parseCsvRecords(content: Buffer, header: CsvHeader): Promise<{ records: CsvRecord[]; errors: CsvLineError[] }> {
  const errors: CsvLineError[] = [];
  let headerProblem: string | undefined;
  const parsed = await new Promise<{ record: Record<string, string>; info: Info }[]>((resolve, reject) => {
    const parser = parse(
      content,
      {
        columns: (names: string[]) => {
          const columns = names.map((name) => name.trim().toLowerCase());
          const unknown = columns.filter((name) => !header.known.includes(name));
          const missing = header.required.filter((column) => !columns.includes(column));
          const repeated = columns.filter((name, index) => columns.indexOf(name) !== index);
          const problems = [
            missing.length ? `it lacks ${missing.join(', ')}` : '',
            unknown.length ? `it names unknown columns ${unknown.map((name) => `"${name}"`).join(', ')}` : '',
            repeated.length ? `it repeats ${repeated.join(', ')}` : '',
          ].filter(Boolean);
          if (problems.length) {
            headerProblem = `The header line is not right (${problems.join('; ')}): it must name ${header.describe}, in any order.`;
            throw new Error(headerProblem);
          }
          return columns;
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
  const records = parsed.map(({ record, info }) => ({
    line: info.lines - newlinesIn(record),
    cell: (name: string): string | null => {
      const value = record[name];
      return value === undefined || value.trim() === '' ? null : value;
    },
  }));
  return { records, errors };
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
