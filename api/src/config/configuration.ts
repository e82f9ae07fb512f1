import * as path from 'node:path';
import { StartupError } from '../db/startup-error';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Everything Lodestar reads from the environment, validated once at start. See `.env.example`. */
export interface AppConfig {
  port: number;
  host: string;
  /** An external PostgreSQL; when null the embedded one is started. */
  databaseUrl: string | null;
  /** Data folder of the embedded PostgreSQL. */
  pgDataDir: string;
  pgPort: number;
  seedDemo: boolean;
  /** Append-only file that receives the audit chain's head; null turns it off. */
  auditAnchorFile: string | null;
  sessionTtlHours: number;
  cookieSecure: boolean;
  logLevel: LogLevel;
  /** Folder of the built web app, served at `/`; null when the API runs alone. */
  webRoot: string | null;
  loginMaxFailuresPerEmail: number;
  loginMaxFailuresPerClient: number;
  loginThrottleWindowMinutes: number;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new StartupError(`${name} must be a whole number from ${min} to ${max}, not "${raw}": fix it or unset it.`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new StartupError(`${name} must be true or false, not "${env[name]}": fix it or unset it.`);
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const databaseUrl = env['DATABASE_URL']?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new StartupError('DATABASE_URL must start with postgres:// or postgresql://: fix it, or unset it to use the embedded database.');
  }
  const dataDir = path.resolve(cwd, env['LODESTAR_DATA_DIR']?.trim() || '.lodestar');
  const pgDataDir = path.resolve(cwd, env['LODESTAR_PGDATA']?.trim() || path.join(dataDir, 'pgdata'));
  const anchor = env['AUDIT_ANCHOR_FILE']?.trim();
  const logLevel = (env['LOG_LEVEL']?.trim() || 'info') as LogLevel;
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new StartupError(`LOG_LEVEL must be debug, info, warn or error, not "${env['LOG_LEVEL']}".`);
  }
  const webRoot = env['WEB_ROOT']?.trim();
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env['HOST']?.trim() || '0.0.0.0',
    databaseUrl,
    pgDataDir,
    pgPort: integer(env, 'LODESTAR_PG_PORT', 54329, 1024, 65535),
    seedDemo: flag(env, 'SEED_DEMO', databaseUrl === null),
    auditAnchorFile:
      anchor === 'off' ? null : path.resolve(cwd, anchor || path.join(path.dirname(pgDataDir), 'audit-anchor.log')),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    cookieSecure: flag(env, 'COOKIE_SECURE', false),
    logLevel,
    webRoot: webRoot === 'off' ? null : path.resolve(cwd, webRoot || 'web/dist/browser'),
    loginMaxFailuresPerEmail: integer(env, 'LOGIN_MAX_FAILURES_PER_EMAIL', 5, 1, 1000),
    loginMaxFailuresPerClient: integer(env, 'LOGIN_MAX_FAILURES_PER_CLIENT', 20, 1, 100000),
    loginThrottleWindowMinutes: integer(env, 'LOGIN_THROTTLE_WINDOW_MINUTES', 15, 1, 24 * 60),
  };
}
