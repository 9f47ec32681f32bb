import pg from 'pg';

/**
 * A role only one process may play at a time (the checkpoint signer). `holds()` answers whether this
 * process plays it now, taking it when it is free.
 */
export interface Lease {
  holds(): Promise<boolean>;
  release(): Promise<void>;
}

/** SQLite: one process, it always holds the lease. */
export function soleLease(): Lease {
  return { holds: async () => true, release: async () => undefined };
}

/** Stable 64-bit keys of the advisory locks, one per role (the same in every process). */
export const LEASE_KEYS = { checkpointer: 4_812_310_001 } as const;

/**
 * PostgreSQL: a session advisory lock on a connection of its own. The lock lives as long as that
 * connection: when the holder dies (even SIGKILL) the server sees its socket close and frees it, and
 * the next `holds()` of another process takes it. No expiry to tune, no clock to trust. When the
 * connection breaks (database restart) this process stops holding at once and competes again.
 * `application_name` names the process, so an operator (and the test) can see who holds it in `pg_stat_activity`.
 */
export function advisoryLease(connectionString: string, key: number, role: string): Lease {
  let client: pg.Client | undefined;
  let held = false;
  const drop = () => {
    const c = client;
    client = undefined;
    held = false;
    void c?.end().catch(() => undefined);
  };
  const connection = async (): Promise<pg.Client> => {
    if (client) return client;
    const c = new pg.Client({ connectionString, application_name: `knooppunt-${role}-${process.pid}` });
    const lost = () => {
      if (client === c) drop();
    };
    c.on('error', lost);
    c.on('end', lost);
    await c.connect();
    client = c;
    return c;
  };
  return {
    async holds() {
      if (held) return true;
      try {
        const c = await connection();
        const { rows } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
        held = rows[0]?.ok === true;
      } catch {
        drop();
      }
      return held;
    },
    async release() {
      const c = client;
      client = undefined;
      held = false;
      await c?.end().catch(() => undefined);
    },
  };
}

export function leaseFor(databaseUrl: string, key: number, role: string): Lease {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? advisoryLease(databaseUrl, key, role) : soleLease();
}
