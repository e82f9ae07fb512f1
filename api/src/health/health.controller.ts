import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../common/access.decorator';

/**
 * Work the server does after it starts listening and before it should take traffic (the demo's
 * incentive plan is loaded through the server's own API). While it runs, /ready answers 503.
 */
let startupWork: string | null = null;

export function startupWorkBegins(what: string): void {
  startupWork = what;
}

export function startupWorkEnds(): void {
  startupWork = null;
}

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness: the process answers. */
  @Get('health')
  @Public()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers within two seconds. */
  @Get('ready')
  @Public()
  async ready(): Promise<{ status: 'ready' }> {
    if (startupWork) throw new ServiceUnavailableException(`The service is starting: ${startupWork}.`);
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
      return { status: 'ready' };
    } catch {
      throw new ServiceUnavailableException('The database is not reachable; the service is not ready.');
    }
  }
}
