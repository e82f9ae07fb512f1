import './module-alias';
import 'reflect-metadata';
import { Client } from 'pg';
import { createApp } from './app.factory';
import { JsonLogger } from './common/json-logger';
import { AppConfig, loadConfig } from './config/configuration';
import { migrate } from './db/data-source';
import { EmbeddedPostgres } from './db/embedded-postgres';
import { DEMO_PASSWORD, DEMO_USERS } from './db/seed/demo-company';
import { seedDemoIncentives } from './db/seed/demo-incentives';
import { startupWorkBegins, startupWorkEnds } from './health/health.controller';
import { seedDemoCompany } from './db/seed/seed-demo';
import { StartupError } from './db/startup-error';

/** Turns a database connection failure into one sentence saying what to do. */
function explainDatabaseError(error: unknown, url: string): string | undefined {
  const e = error as { code?: string; message?: string };
  let where = 'the database server';
  try {
    const parsed = new URL(url);
    where = `the PostgreSQL server at ${parsed.hostname}:${parsed.port || 5432}`;
  } catch {
    /* keep the generic name */
  }
  switch (e?.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return `Cannot reach ${where} (${e.code}): start it, or fix DATABASE_URL.`;
    case '28P01':
    case '28000':
      return `${where} refused the user name or password in DATABASE_URL: fix them.`;
    case '3D000':
      return `The database named in DATABASE_URL does not exist on ${where}: create it (createdb NAME) or fix the URL.`;
    case '42501':
      return `The user in DATABASE_URL may not create tables: grant it ownership of the database or use another user.`;
    default:
      return undefined;
  }
}

async function assertServerVersion(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>('SHOW server_version_num');
    if (Number(rows[0].v) < 150000) {
      throw new StartupError(
        `Lodestar needs PostgreSQL 15 or newer, and DATABASE_URL points at version ${rows[0].v}: upgrade it or unset DATABASE_URL.`,
      );
    }
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n\n`);
    process.exit(1);
  }
  const logger = new JsonLogger(config.logLevel);
  let embedded: EmbeddedPostgres | undefined;
  let stopping = false;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`Received ${signal}: stopping.`, 'Lodestar');
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let url = config.databaseUrl;
  try {
    if (!url) {
      embedded = new EmbeddedPostgres({
        dataDir: config.pgDataDir,
        port: config.pgPort,
        database: 'lodestar',
        log: (message) => logger.log(message, 'Database'),
      });
      url = await embedded.start();
    } else {
      await assertServerVersion(url);
    }
    const applied = await migrate(url);
    if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`, 'Database');
    const seeded = config.seedDemo ? await seedDemoCompany(url, config.auditAnchorFile) : false;
    if (seeded) logger.log('Loaded the demo company.', 'Database');
    app = await createApp(config, url, logger);
    // The demo's incentive plan goes through the server's own API (four eyes, freezing, period
    // close), so it is loaded once the server listens, with /ready answering 503 meanwhile; it
    // does nothing when the plan exists.
    if (config.seedDemo) startupWorkBegins('loading the demo incentive plan');
    await app.listen(config.port, config.host);
    if (config.seedDemo) {
      const self = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
      if (await seedDemoIncentives(`http://${self}:${config.port}`))
        logger.log('Loaded the demo incentive plan and its statements.', 'Database');
      startupWorkEnds();
    }
  } catch (error) {
    const sentence = error instanceof StartupError ? error.message : explainDatabaseError(error, url ?? '');
    const listenError = (error as { code?: string }).code === 'EADDRINUSE';
    const message = listenError
      ? `Port ${config.port} is already in use: stop the other program or set PORT to a free port.`
      : (sentence ?? `Lodestar could not start: ${(error as Error).message}`);
    process.stderr.write(`\n${message}\n\n`);
    if (!sentence && !listenError) logger.debug((error as Error).stack ?? String(error), 'Lodestar');
    await embedded?.stop();
    process.exit(1);
  }

  const address = `http://localhost:${config.port}`;
  const lines = [
    '',
    `Lodestar is running at ${address}  (API ${address}/api/v1, OpenAPI ${address}/api/docs)`,
    config.databaseUrl
      ? 'Database: DATABASE_URL'
      : `Database: embedded PostgreSQL, data in ${config.pgDataDir}`,
  ];
  if (config.seedDemo) {
    lines.push(`Demo sign-ins (password "${DEMO_PASSWORD}" for all):`);
    for (const user of DEMO_USERS.slice(0, 11))
      lines.push(
        `  ${user.email.padEnd(28)} ${user.roles.filter((r) => r !== 'MEMBER').join(', ') || 'MEMBER'}`,
      );
    lines.push('  … and vp.<function>@example.com for every function (EXECUTIVE)');
  }
  lines.push('Press Ctrl+C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

void main();
