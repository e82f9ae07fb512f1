import { PARTICIPANT_CSV_COLUMNS } from '@lodestar/contracts';
import { parseCsvRecords, type CsvLineError } from '../common/csv-upload';
import type { RawParticipant } from './participant-rows';

/** The columns a participants file must name (end_date may be left out: no end). */
export const REQUIRED_PARTICIPANT_COLUMNS = PARTICIPANT_CSV_COLUMNS.filter((column) => column !== 'end_date');

/**
 * The participations of a CSV file with the header email, org_unit, annual_target_bonus,
 * start_date and optionally end_date (any order), each with its line (the header is line 1), and
 * the lines that are not valid CSV. A wrong header is refused whole (400).
 */
export async function readParticipantsCsv(
  content: Buffer,
): Promise<{ rows: { ref: number; raw: RawParticipant }[]; errors: CsvLineError[] }> {
  const { records, errors } = await parseCsvRecords(content, {
    known: PARTICIPANT_CSV_COLUMNS,
    required: REQUIRED_PARTICIPANT_COLUMNS,
    describe: `${REQUIRED_PARTICIPANT_COLUMNS.join(', ')} and optionally end_date`,
  });
  return {
    rows: records.map(({ line, cell }) => ({
      ref: line,
      raw: {
        user: cell('email'),
        orgUnit: cell('org_unit'),
        annualTargetBonus: cell('annual_target_bonus'),
        startDate: cell('start_date'),
        endDate: cell('end_date'),
      },
    })),
    errors,
  };
}
