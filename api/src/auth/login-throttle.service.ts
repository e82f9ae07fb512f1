import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ConfigurationService } from '../config/configuration.service';

/**
 * Counts failed sign-ins per e-mail and per client address in a sliding window. Past the limit
 * further attempts get 429 until the oldest failure leaves the window. In memory: one API
 * process; replicas would move this to PostgreSQL.
 */
@Injectable()
export class LoginThrottleService {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly config: ConfigurationService) {}

  private get windowMs(): number {
    return this.config.get('loginThrottleWindowMinutes') * 60_000;
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Throws 429 when either the e-mail or the client has used up its failed attempts. */
  assertAllowed(email: string, client: string, now = Date.now()): void {
    const checks: [string, number][] = [
      [`email:${email}`, this.config.get('loginMaxFailuresPerEmail')],
      [`client:${client}`, this.config.get('loginMaxFailuresPerClient')],
    ];
    for (const [key, limit] of checks) {
      const recent = this.recent(key, now);
      if (recent.length >= limit) {
        const retryAfter = Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000));
        const minutes = Math.ceil(retryAfter / 60);
        const error = new HttpException(
          `Too many failed sign-in attempts: wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or ask an administrator to reset your password.`,
          HttpStatus.TOO_MANY_REQUESTS,
        );
        Object.assign(error, { headers: { 'Retry-After': String(retryAfter) } });
        throw error;
      }
    }
  }

  recordFailure(email: string, client: string, now = Date.now()): void {
    for (const key of [`email:${email}`, `client:${client}`]) {
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  recordSuccess(email: string): void {
    this.failures.delete(`email:${email}`);
  }
}
