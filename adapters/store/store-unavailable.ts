/**
 * Prisma error codes that mean "the database could not do it now", not "this request is wrong":
 * unreachable or closed (P1001, P1002, P1017), timed out (P1008 — also SQLITE_BUSY through the
 * better-sqlite3 adapter), pool exhausted (P2024), transaction not started or expired in time (P2028),
 * write conflict or deadlock (P2034).
 */
const TRANSIENT_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2034']);

/** Driver-adapter error kinds of the same nature (Prisma 7 surfaces them with the cause attached). */
const TRANSIENT_KINDS = new Set([
  'SocketTimeout',
  'DatabaseNotReachable',
  'ConnectionClosed',
  'TooManyConnections',
  'TransactionWriteConflict',
  'TransactionAlreadyClosed',
]);

const PRISMA_INIT_ERRORS = new Set(['PrismaClientInitializationError', 'PrismaClientRustPanicError']);

/** Node / pg connection failures that reach us unwrapped. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '53300']);

/**
 * PostgreSQL SQLSTATEs of a server that is going, coming back or changing role: shutting down (57P01),
 * ended by a crash of another backend (57P02), starting up or in recovery (57P03), connection
 * exceptions (class 08), and a read-only server (25006: a standby not yet promoted, or the old primary
 * behind a proxy not yet switched). None says anything about the request.
 */
const SERVER_GOING = /^(57P0[123]|08...|25006|53300)$/;

/**
 * node-postgres's own words when the server went away under a pooled connection (restart, failover):
 * plain Errors without a code, passed through by the Prisma adapter.
 */
const PG_GONE =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection terminated due to connection timeout/;

/**
 * Whether an error from the store means the database is (for now) unavailable. The HTTP edge maps
 * this to 503 with Retry-After instead of a 500.
 */
export function isStoreUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, name, kind, message } = e as { code?: unknown; name?: unknown; kind?: unknown; message?: unknown };
    if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || SOCKET_CODES.has(code) || SERVER_GOING.test(code)))
      return true;
    if (typeof name === 'string' && PRISMA_INIT_ERRORS.has(name)) return true;
    if (typeof kind === 'string' && TRANSIENT_KINDS.has(kind)) return true;
    if (typeof message === 'string' && (/SQLITE_BUSY|database is locked/.test(message) || PG_GONE.test(message)))
      return true;
    // Prisma 7 wraps a server error it has no code for as P2039, the adapter's error in `meta`.
    const { cause, meta } = e as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    e = cause ?? meta?.driverAdapterError;
  }
  return false;
}
