import { BadRequestException, Injectable } from '@nestjs/common';
import {
  NOMINATION_CATEGORIES,
  type Leaderboard,
  type LeaderboardRow,
  type NominationCategory,
  type QuarterAnalytics,
  type RecognitionAnalytics,
  addQuarters,
  quartersBetween,
} from '@lodestar/contracts';
import { DataSource } from 'typeorm';
import {
  concentrationFlags,
  preventionShare,
  quartersOf,
  ranked,
  topTenPercentShare,
} from './recognition-rules';
import { RecognitionSettingsService } from './recognition-settings.service';

/** At most this many quarters in one analytics answer (five fiscal years). */
const MAX_QUARTERS = 20;

interface AwardRow {
  quarter: string;
  category: NominationCategory;
  points: number;
  nomineeKind: 'PERSON' | 'TEAM';
  nomineeUserId: string | null;
  orgUnitId: string;
}

/** The leaderboard and the programme analytics: read-only views over awarded nominations. */
@Injectable()
export class RecognitionInsightsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly programme: RecognitionSettingsService,
  ) {}

  /**
   * People and units by points awarded in a fiscal quarter or year (the current quarter by
   * default). A unit's points are those of awards to it as a team and to people in it.
   */
  async leaderboard(period?: string): Promise<Leaderboard> {
    const label = period ?? (await this.programme.currentQuarter());
    const quarters = quartersOf(label);
    const [people, units]: LeaderboardRow[][] = await Promise.all([
      this.dataSource.query(
        `SELECT u.id AS key, u.name, sum(n.points)::int AS points, count(*)::int AS awards
           FROM nominations n JOIN users u ON u.id = n.nominee_user_id
          WHERE n.status = 'AWARDED' AND n.quarter = ANY($1) AND n.nominee_kind = 'PERSON'
          GROUP BY u.id, u.name ORDER BY points DESC, u.name, u.id`,
        [quarters],
      ),
      this.dataSource.query(
        `SELECT o.key, o.name, sum(n.points)::int AS points, count(*)::int AS awards
           FROM nominations n JOIN org_units o ON o.id = n.org_unit_id
          WHERE n.status = 'AWARDED' AND n.quarter = ANY($1)
          GROUP BY o.key, o.name ORDER BY points DESC, o.name, o.key`,
        [quarters],
      ),
    ]);
    return { period: label, people: ranked(people), units: ranked(units) };
  }

  /**
   * Per quarter from `from` to `to` (the last four quarters by default): awards by category and
   * the share of PREVENTION, budget use per unit, and the spread of recognition; and the
   * nominators who send most of their nominations to the same nominee.
   */
  async analytics(from?: string, to?: string): Promise<RecognitionAnalytics> {
    const last = to ?? (await this.programme.currentQuarter());
    const first = from ?? addQuarters(last, -3);
    const quarters = quartersBetween(first, last);
    if (!quarters.length)
      throw new BadRequestException(`from (${first}) must not be later than to (${last}).`);
    if (quarters.length > MAX_QUARTERS) {
      throw new BadRequestException(
        `Ask for at most ${MAX_QUARTERS} quarters at a time; ${first} to ${last} is ${quarters.length}.`,
      );
    }
    const db = this.dataSource;
    const [awards, recognisedPeople, [{ units, people }], budgets, sent]: [
      AwardRow[],
      { quarter: string; people: number }[],
      { units: number; people: number }[],
      { quarter: string; orgUnit: string; orgUnitName: string; budget: number; used: number }[],
      {
        nominatorId: string;
        nominatorName: string;
        nomineeKey: string;
        nomineeKind: 'PERSON' | 'TEAM';
        nomineeName: string;
      }[],
    ] = await Promise.all([
      db.query(
        `SELECT quarter, category, points, nominee_kind AS "nomineeKind", nominee_user_id AS "nomineeUserId", org_unit_id AS "orgUnitId"
           FROM nominations WHERE status = 'AWARDED' AND quarter = ANY($1)`,
        [quarters],
      ),
      // people recognised: by name, or as members of an awarded team (its unit and the units below it)
      db.query(
        `WITH RECURSIVE awarded AS (
             SELECT quarter, nominee_kind, nominee_user_id, org_unit_id FROM nominations WHERE status = 'AWARDED' AND quarter = ANY($1)),
           team_units AS (
             SELECT quarter, org_unit_id AS id FROM awarded WHERE nominee_kind = 'TEAM'
             UNION SELECT t.quarter, o.id FROM org_units o JOIN team_units t ON o.parent_id = t.id)
         SELECT quarter, count(DISTINCT person)::int AS people FROM (
             SELECT quarter, nominee_user_id AS person FROM awarded WHERE nominee_kind = 'PERSON'
             UNION SELECT t.quarter, u.id FROM team_units t JOIN users u ON u.org_unit_id = t.id AND u.active) recognised
          GROUP BY quarter`,
        [quarters],
      ),
      db.query(
        `SELECT (SELECT count(*) FROM org_units)::int AS units, (SELECT count(*) FROM users WHERE active)::int AS people`,
      ),
      db.query(
        `SELECT q.quarter, o.key AS "orgUnit", o.name AS "orgUnitName", coalesce(b.points, s.default_quarter_budget) AS budget,
                (SELECT coalesce(sum(n.points), 0)::int FROM nominations n
                  WHERE n.org_unit_id = o.id AND n.quarter = q.quarter AND n.status IN ('AWARDED','AWAITING_SECOND_APPROVAL')) AS used
           FROM unnest($1::text[]) AS q(quarter) CROSS JOIN org_units o CROSS JOIN recognition_settings s
           LEFT JOIN recognition_budgets b ON b.org_unit_id = o.id AND b.quarter = q.quarter
          ORDER BY o.name`,
        [quarters],
      ),
      db.query(
        `SELECT n.nominated_by AS "nominatorId", nb.name AS "nominatorName", n.nominee_kind AS "nomineeKind",
                CASE WHEN n.nominee_kind = 'PERSON' THEN n.nominee_user_id::text ELSE o.key END AS "nomineeKey",
                CASE WHEN n.nominee_kind = 'PERSON' THEN nu.name ELSE o.name END AS "nomineeName"
           FROM nominations n JOIN users nb ON nb.id = n.nominated_by JOIN org_units o ON o.id = n.org_unit_id
           LEFT JOIN users nu ON nu.id = n.nominee_user_id
          WHERE n.quarter = ANY($1)`,
        [quarters],
      ),
    ]);
    const perQuarter = quarters.map((quarter): QuarterAnalytics => {
      const own = awards.filter((award) => award.quarter === quarter);
      const byCategory = Object.fromEntries(
        NOMINATION_CATEGORIES.map((category) => [
          category,
          own.filter((award) => award.category === category).length,
        ]),
      ) as Record<NominationCategory, number>;
      const perRecipient = new Map<string, number>();
      for (const award of own) {
        const key =
          award.nomineeKind === 'PERSON' ? `person ${award.nomineeUserId}` : `team ${award.orgUnitId}`;
        perRecipient.set(key, (perRecipient.get(key) ?? 0) + award.points);
      }
      const recognisedUnits = new Set(own.map((award) => award.orgUnitId)).size;
      const recognised = recognisedPeople.find((row) => row.quarter === quarter)?.people ?? 0;
      return {
        quarter,
        awards: own.length,
        points: own.reduce((sum, award) => sum + award.points, 0),
        preventionShare: preventionShare(own.map((award) => award.category)),
        byCategory,
        budgetUse: budgets
          .filter((row) => row.quarter === quarter)
          .map(({ orgUnit, orgUnitName, budget, used }) => ({ orgUnit, orgUnitName, budget, used })),
        unitsRecognisedShare: units ? recognisedUnits / units : 0,
        peopleRecognisedShare: people ? recognised / people : 0,
        topTenPercentShare: topTenPercentShare([...perRecipient.values()]),
      };
    });
    const flags = concentrationFlags(sent).map((flag) => {
      const nominator = sent.find((row) => row.nominatorId === flag.nominatorId);
      const nominee = sent.find((row) => row.nomineeKey === flag.nomineeKey);
      return {
        nominator: { id: flag.nominatorId, name: nominator?.nominatorName ?? '' },
        nominee: {
          kind: nominee?.nomineeKind ?? 'PERSON',
          key: flag.nomineeKey,
          name: nominee?.nomineeName ?? '',
        },
        nominations: flag.nominations,
        toNominee: flag.toNominee,
        share: flag.share,
      };
    });
    return { from: first, to: last, quarters: perQuarter, flags };
  }
}
