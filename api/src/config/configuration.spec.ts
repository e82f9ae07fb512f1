import * as path from 'node:path';
import { StartupError } from '../db/startup-error';
import { loadConfig } from './configuration';

describe('configuration', () => {
  it('has safe defaults: port 3000, embedded database in .lodestar/pgdata, anchor file beside it', () => {
    const config = loadConfig({}, '/srv/lodestar');
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.pgDataDir).toBe(path.resolve('/srv/lodestar/.lodestar/pgdata'));
    expect(config.auditAnchorFile).toBe(path.resolve('/srv/lodestar/.lodestar/audit-anchor.log'));
    expect(config.cookieSecure).toBe(false);
  });

  it('follows LODESTAR_PGDATA and AUDIT_ANCHOR_FILE', () => {
    const config = loadConfig({ LODESTAR_PGDATA: '/var/lib/lodestar/pg', AUDIT_ANCHOR_FILE: 'off' }, '/srv');
    expect(config.pgDataDir).toBe('/var/lib/lodestar/pg');
    expect(config.auditAnchorFile).toBeNull();
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number from 0 to 65535, not "abc"/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO must be true or false/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres:\/\//],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be debug, info, warn or error/],
  ])('refuses %p with one sentence saying what to fix', (env, message) => {
    expect(() => loadConfig(env)).toThrow(StartupError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
