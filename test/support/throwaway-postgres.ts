import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * Servers not destroyed yet. Should a test file end without its `after` (a forced exit after a
 * timeout), they are stopped on the way out, so no postgres outlives the test run.
 */
const running = new Map<string, string[]>();
const roots = new Set<string>();
process.on('exit', () => {
  for (const argv of running.values()) {
    try {
      execFileSync(argv[0]!, argv.slice(1), { stdio: 'ignore', timeout: 30_000 });
    } catch {
      // already stopped
    }
  }
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/**
 * A PostgreSQL server of a test's own, in a temp dir on a free loopback port: a test may stop, crash,
 * restart and promote it without touching the server on 5432 that every other test file shares.
 */
export interface ThrowawayPostgres {
  port: number;
  dataDir: string;
  /** A connection URL (trust authentication as `postgres`) to `database` (default `knooppunt`). */
  url(database?: string): string;
  /** `pg_ctl stop`: `fast` ends sessions cleanly, `immediate` is a crash (recovery on the next start). */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** Starts the same data directory again, on the same port. */
  startAgain(): Promise<void>;
  /** A streaming standby of this server (`pg_basebackup -R`), started on a port of its own. */
  standby(settings?: Record<string, string>): Promise<ThrowawayPostgres>;
  /** `pg_ctl promote` on a standby; resolves once it takes writes. */
  promote(): Promise<void>;
  /**
   * `ALTER SYSTEM` + reload: settings that would block its own set-up (`synchronous_standby_names`
   * before a standby exists) are turned on once it is up.
   */
  configure(settings: Record<string, string>): Promise<void>;
  /** One query as `postgres` on `database`. */
  query<T extends object>(sql: string, params?: unknown[], database?: string): Promise<T[]>;
  /** Stops it (immediately, if still running) and removes its directory. Safe to call twice. */
  destroy(): Promise<void>;
}

/** The directory of initdb/pg_ctl/pg_basebackup, or undefined when PostgreSQL's server binaries are absent. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(a) - Number(b));
  const bin = versions.length ? join(root, versions.at(-1)!, 'bin') : undefined;
  return bin && existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_basebackup')) ? bin : undefined;
}

/** initdb and postgres refuse to run as root (as CI does): then they run as the `postgres` user. */
const asRoot = userInfo().uid === 0;

/** Why a throwaway server cannot be started here (a test's skip reason), or undefined when it can. */
export function whyNoThrowawayPostgres(): string | undefined {
  if (!postgresBinaries()) return 'no PostgreSQL server binaries (initdb, pg_basebackup) under /usr/lib/postgresql';
  if (asRoot && !readFileSync('/etc/passwd', 'utf8').includes('\npostgres:'))
    return 'running as root without a postgres user to run initdb and postgres as';
  return undefined;
}

/** The command line of a PostgreSQL tool, as the server's user. */
function toolCommand(tool: string, args: string[]): [string, ...string[]] {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  return asRoot ? ['runuser', '-u', 'postgres', '--', join(bin, tool), ...args] : [join(bin, tool), ...args];
}

async function pgTool(tool: string, args: string[]): Promise<string> {
  const [file, ...argv] = toolCommand(tool, args);
  try {
    return (await run(file, argv, { timeout: 120_000 })).stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A temp dir the server's user owns (initdb wants its data dir empty or absent, mode 0700). */
function ownedTempDir(): string {
  // As root, TMPDIR may be a directory the postgres user cannot enter; /tmp it can.
  const dir = mkdtempSync(join(asRoot ? '/tmp' : tmpdir(), 'knooppunt-pg-'));
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  return dir;
}

let pgUser: { uid: number; gid: number } | undefined;
function postgresUser(): { uid: number; gid: number } {
  if (!pgUser) {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
    if (!line) throw new Error('no postgres user to run the server as');
    const [, , uid, gid] = line.split(':');
    pgUser = { uid: Number(uid), gid: Number(gid) };
  }
  return pgUser;
}

function config(port: number, socketDir: string, settings: Record<string, string>): string {
  const all: Record<string, string> = {
    port: String(port),
    listen_addresses: "'127.0.0.1'",
    unix_socket_directories: `'${socketDir}'`,
    max_connections: '100',
    fsync: 'on',
    wal_level: 'replica',
    max_wal_senders: '4',
    ...settings,
  };
  return `\n# throwaway test server\n${Object.entries(all)
    .map(([k, v]) => `${k} = ${v}`)
    .join('\n')}\n`;
}

function server(root: string, dataDir: string, port: number, all: ThrowawayPostgres[]): ThrowawayPostgres {
  const logFile = join(root, `postgres-${port}.log`);
  let destroyed = false;
  const start = () => {
    running.set(dataDir, toolCommand('pg_ctl', ['stop', '-m', 'immediate', '-D', dataDir]));
    return pgTool('pg_ctl', ['start', '-w', '-t', '90', '-D', dataDir, '-l', logFile]);
  };
  const url = (database = 'knooppunt') => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const self: ThrowawayPostgres = {
    port,
    dataDir,
    url,
    async stop(mode) {
      await pgTool('pg_ctl', ['stop', '-w', '-t', '90', '-m', mode, '-D', dataDir]);
    },
    startAgain: async () => void (await start()),
    async standby(settings = {}) {
      const standbyPort = await freePort();
      const standbyDir = join(root, `standby-${standbyPort}`);
      await pgTool(
        'pg_basebackup',
        ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'].concat([
          '-D',
          standbyDir,
          '-R',
          '-X',
          'stream',
          '-c',
          'fast',
        ]),
      );
      // The primary's settings came along in the copy; these lines, appended last, win.
      appendFileSync(join(standbyDir, 'postgresql.conf'), config(standbyPort, root, settings));
      const standby = server(root, standbyDir, standbyPort, all);
      all.push(standby);
      await standby.startAgain();
      return standby;
    },
    async promote() {
      await pgTool('pg_ctl', ['promote', '-w', '-t', '90', '-D', dataDir]);
      for (let i = 0; i < 300; i++) {
        const [row] = await self.query<{ recovering: boolean }>(
          'SELECT pg_is_in_recovery() AS recovering',
          [],
          'postgres',
        );
        if (row && !row.recovering) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error('the standby did not leave recovery');
    },
    async configure(settings) {
      for (const [name, value] of Object.entries(settings))
        await self.query(`ALTER SYSTEM SET ${name} = ${value}`, [], 'postgres');
      await self.query('SELECT pg_reload_conf()', [], 'postgres');
    },
    async query<T extends object>(sql: string, params: unknown[] = [], database?: string) {
      const c = new pg.Client({ connectionString: url(database) });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows as T[];
      } finally {
        await c.end();
      }
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await self.stop('immediate').catch(() => undefined);
      running.delete(dataDir);
    },
  };
  return self;
}

export interface ThrowawayCluster extends ThrowawayPostgres {
  /** Stops every server of this cluster (primary and standbys) and removes their temp dir. */
  destroyAll(): Promise<void>;
}

/**
 * initdb + start: a fresh cluster with an empty database `knooppunt`, trust authentication on loopback
 * (replication too, for `standby()`). `settings` go into postgresql.conf (values as PostgreSQL writes
 * them, strings quoted). Call `destroyAll()` in `after`, whatever happened.
 */
export async function startThrowawayPostgres(settings: Record<string, string> = {}): Promise<ThrowawayCluster> {
  const root = ownedTempDir();
  roots.add(root);
  const dataDir = join(root, 'primary');
  const port = await freePort();
  const all: ThrowawayPostgres[] = [];
  const primary = server(root, dataDir, port, all);
  all.push(primary);
  const destroyAll = async () => {
    for (const s of all) await s.destroy();
    rmSync(root, { recursive: true, force: true });
    roots.delete(root);
  };
  try {
    await pgTool('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    appendFileSync(join(dataDir, 'postgresql.conf'), config(port, root, settings));
    await primary.startAgain();
    await primary.query('CREATE DATABASE knooppunt', [], 'postgres');
  } catch (err) {
    await destroyAll();
    throw err;
  }
  return Object.assign(primary, { destroyAll });
}
