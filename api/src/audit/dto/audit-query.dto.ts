import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto';

export class AuditQueryDto extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Entity type, e.g. user, org-unit, fiscal-calendar' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ description: 'Actor e-mail or user id' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  actor?: string;

  @ApiPropertyOptional({ description: 'From this instant (ISO 8601), inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time, e.g. 2026-03-01' })
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this instant (ISO 8601), exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time, e.g. 2026-04-01' })
  to?: string;
}
