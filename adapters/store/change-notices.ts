import { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * What changed: partners, certificates and keys; the covenant folder. (A CA's revocation list is a file
 * on each host, which every process watches itself.)
 */
export type ChangeTopic = 'identiteit' | 'convenant';

const TOPICS: readonly ChangeTopic[] = ['identiteit', 'convenant'];
const CHANNEL = 'knooppunt_wijziging';

/**
 * Tells every gateway process that something it may have cached changed. A notice carries no data
 * (no id, nothing personal): each process throws away what the topic covers and reads again.
 */
export interface ChangeNotices {
  /** Resolves once the notice is sent (PostgreSQL: committed to `NOTIFY`). */
  publish(topic: ChangeTopic): Promise<void>;
  /** Calls `listener` on every notice of `topic`, from this process or another; returns the unsubscribe. */
  subscribe(topic: ChangeTopic, listener: () => void): () => void;
  close(): Promise<void>;
}

/** One process (SQLite, tests): a notice is an event in this process. */
export function inProcessNotices(): ChangeNotices {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  return {
    publish: async (topic) => void events.emit(topic),
    subscribe(topic, listener) {
      events.on(topic, listener);
      return () => events.off(topic, listener);
    },
    close: async () => void events.removeAllListeners(),
  };
}

/**
 * N processes on PostgreSQL: `LISTEN` on one connection of its own, `NOTIFY` to publish. When that
 * connection drops (database restarted, standby promoted) it reconnects, and on reconnecting it fires
 * every topic: notices sent while it was away are lost, so every cache is thrown away to be safe.
 */
export function postgresNotices(
  connectionString: string,
  options: { onError?: (err: Error) => void; retryMs?: number } = {},
): ChangeNotices {
  const local = inProcessNotices();
  const retryMs = options.retryMs ?? 500;
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const fireAll = () => TOPICS.forEach((t) => void local.publish(t));
  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect(true);
    }, retryMs);
    timer.unref();
  };
  const connect = async (again: boolean) => {
    const c = new pg.Client({ connectionString, application_name: `knooppunt-notices-${process.pid}` });
    c.on('notification', (n) => {
      if (n.channel === CHANNEL && TOPICS.includes(n.payload as ChangeTopic))
        void local.publish(n.payload as ChangeTopic);
    });
    c.on('error', (err) => {
      options.onError?.(err);
      if (client === c) client = undefined;
      void c.end().catch(() => undefined);
      retry();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      options.onError?.(err as Error);
      void c.end().catch(() => undefined);
      retry();
      return;
    }
    if (closed) return void (await c.end());
    client = c;
    if (again) fireAll();
  };
  const ready = connect(false);

  return {
    async publish(topic) {
      await ready;
      // Fires here at once as well: this process must not wait for the round trip to see its own change.
      await local.publish(topic);
      if (client) return void (await client.query('SELECT pg_notify($1, $2)', [CHANNEL, topic]));
      await notifyOnce(connectionString, topic);
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      clearTimeout(timer);
      await local.close();
      await client?.end().catch(() => undefined);
    },
  };
}

/** The notices for a database: PostgreSQL shares them between processes, SQLite has one process. */
export function changeNoticesFor(databaseUrl: string, onError?: (err: Error) => void): ChangeNotices {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? postgresNotices(databaseUrl, { onError }) : inProcessNotices();
}

/**
 * Sends one notice without listening (the CLI, next to running gateways). On SQLite there is no other
 * process to tell: a gateway beside the CLI sees the change when its short cache expires.
 */
export async function notifyOnce(databaseUrl: string, topic: ChangeTopic): Promise<void> {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) return;
  const c = new pg.Client({ connectionString: databaseUrl, application_name: `knooppunt-notify-${process.pid}` });
  c.on('error', () => undefined); // a server gone between statements: the query in flight rejects
  await c.connect();
  try {
    await c.query('SELECT pg_notify($1, $2)', [CHANNEL, topic]);
  } finally {
    await c.end();
  }
}
