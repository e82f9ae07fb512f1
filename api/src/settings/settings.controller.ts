import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FiscalCalendar } from '@lodestar/contracts';
import { Roles, SignedIn } from '../common/access.decorator';
import { CurrentUser, RequestUser } from '../common/request-user';
import { FiscalCalendarDto } from './dto/fiscal-calendar.dto';
import { FiscalCalendarService } from './fiscal-calendar.service';

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly calendar: FiscalCalendarService) {}

  /** Readable by every signed-in user: every screen needs it to name periods. */
  @Get('fiscal-calendar')
  @SignedIn()
  getFiscalCalendar(): Promise<FiscalCalendar> {
    return this.calendar.get();
  }

  @Put('fiscal-calendar')
  @Roles('ADMIN')
  setFiscalCalendar(@CurrentUser() actor: RequestUser, @Body() body: FiscalCalendarDto): Promise<FiscalCalendar> {
    return this.calendar.set(actor, body);
  }
}
