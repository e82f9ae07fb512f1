import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ApprovedInvestmentTotal } from './adjusted-figures';

/** The approved CX investments the scorecards add back, read for many units and months at once. */
@Injectable()
export class CxInvestmentFigures {
  constructor(private readonly dataSource: DataSource) {}

  /** Approved investments of every unit in these months, added up per unit, kind and month: one statement. */
  approved(months: readonly string[]): Promise<ApprovedInvestmentTotal[]> {
    if (!months.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT org_unit_id AS "orgUnitId", kind, month, sum(amount)::text AS amount
         FROM cx_investments WHERE status = 'approved' AND month = ANY($1::text[])
        GROUP BY org_unit_id, kind, month`,
      [months],
    );
  }
}
