import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SignedIn } from '../common/access.decorator';
import { ScorecardQuery } from './dto/scorecard-query.dto';
import { ScorecardsService, type Sent } from './scorecards.service';

@ApiTags('scorecards')
@Controller('scorecards')
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  /** The company and every function: CX metrics beside the primary commercial metric and margin, for a month, quarter or fiscal year. */
  @Get('company')
  @SignedIn()
  @ApiOkResponse({ description: 'A CompanyScorecard (see libs/contracts/src/lib/scorecards.ts).' })
  async company(@Query() query: ScorecardQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.scorecards.company(query.period));
  }

  /** One unit and the units below it, with the unit's comments, action plans and the red cells still waiting for a comment. */
  @Get('org-units/:key')
  @SignedIn()
  @ApiOkResponse({ description: 'A UnitScorecard (see libs/contracts/src/lib/scorecards.ts).' })
  async unit(
    @Param('key') key: string,
    @Query() query: ScorecardQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    send(req, res, await this.scorecards.unit(key, query.period));
  }
}

/**
 * Sends the scorecard's JSON as serialised when it was computed, with its entity tag: a browser
 * that asks again with If-None-Match gets 304 until the scorecard changes. It holds no pay data
 * and is the same for every reader, but only for signed-in ones: never kept by shared caches.
 */
function send(req: Request, res: Response, body: Sent<unknown>): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('ETag', body.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    res.send(body.json);
    return;
  }
  res.setHeader('Content-Encoding', 'gzip');
  res.send(body.gzip); // Express answers 304 itself when If-None-Match matches the ETag
}
