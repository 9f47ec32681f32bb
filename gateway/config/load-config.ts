import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { configSchema, type Config } from './config-schema.js';

/** A setting that is missing or wrong; start-up stops with this message. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Source = Record<string, string | undefined>;

function readConfigFile(path: string): Source {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`KNOOPPUNT_CONFIG_FILE ${path}: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`KNOOPPUNT_CONFIG_FILE ${path}: must be a JSON object of settings`);
  }
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
}

function onlyKnown(source: Source): Source {
  const known = new Set(Object.keys(configSchema.shape));
  const unknown = Object.keys(source).filter(
    (k) => k.startsWith('KNOOPPUNT_') && !known.has(k) && k !== 'KNOOPPUNT_CONFIG_FILE',
  );
  if (unknown.length > 0) throw new ConfigError(`unknown setting ${unknown.join(', ')}`);
  return Object.fromEntries(Object.entries(source).filter(([k, v]) => known.has(k) && v !== undefined && v !== ''));
}

/** SQLite URLs are resolved against the working directory once, so later code never guesses. */
function absoluteDatabaseUrl(url: string, cwd: string): string {
  if (!url.startsWith('file:')) return url;
  const path = url.slice('file:'.length);
  return path === ':memory:' || isAbsolute(path) ? url : `file:${resolve(cwd, path)}`;
}

/**
 * Reads the configuration once: an optional JSON file (KNOOPPUNT_CONFIG_FILE), overridden by the
 * environment, validated and frozen. Any wrong or unknown setting throws a ConfigError naming it.
 */
export function loadConfig(env: Source = process.env, cwd: string = process.cwd()): Config {
  const fromFile = env.KNOOPPUNT_CONFIG_FILE ? readConfigFile(resolve(cwd, env.KNOOPPUNT_CONFIG_FILE)) : {};
  const result = configSchema.safeParse({ ...onlyKnown(fromFile), ...onlyKnown(env) });
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${issues.join('; ')}`);
  }
  const s = result.data;
  // Each SQLite process would keep its own rate limits, caches and checkpointer: one process only.
  if (s.KNOOPPUNT_WORKERS > 1 && !/^postgres(ql)?:\/\//.test(s.DATABASE_URL))
    throw new ConfigError('KNOOPPUNT_WORKERS above 1 needs a PostgreSQL DATABASE_URL');
  const path = (p: string | undefined) => (p === undefined ? undefined : resolve(cwd, p));
  return Object.freeze({
    port: s.PORT,
    host: s.HOST,
    dataDir: resolve(cwd, s.KNOOPPUNT_DATA_DIR),
    databaseUrl: absoluteDatabaseUrl(s.DATABASE_URL, cwd),
    logLevel: s.LOG_LEVEL,
    bodyLimitBytes: s.KNOOPPUNT_BODY_LIMIT_BYTES,
    tls: Object.freeze({
      certFile: path(s.KNOOPPUNT_TLS_CERT),
      keyFile: path(s.KNOOPPUNT_TLS_KEY),
      caFile: path(s.KNOOPPUNT_TLS_CA),
      crlFile: path(s.KNOOPPUNT_CRL_FILE),
    }),
    trustedProxies: Object.freeze(
      s.KNOOPPUNT_TRUSTED_PROXIES.split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    ),
    clientCertHeader: s.KNOOPPUNT_CLIENT_CERT_HEADER.toLowerCase(),
    rateLimitPerMinute: s.KNOOPPUNT_RATE_LIMIT_PER_MINUTE,
    issuer: (s.KNOOPPUNT_ISSUER ?? `https://localhost:${s.PORT}/api/v1`).replace(/\/$/, ''),
    tokenTtlSeconds: s.KNOOPPUNT_TOKEN_TTL_SECONDS,
    clockSkewSeconds: s.KNOOPPUNT_CLOCK_SKEW_SECONDS,
    identityCacheSeconds: s.KNOOPPUNT_IDENTITY_CACHE_SECONDS,
    covenantDir: path(s.KNOOPPUNT_COVENANT_DIR),
    covenantPollMs: s.KNOOPPUNT_COVENANT_POLL_SECONDS * 1000,
    demoPartners: s.KNOOPPUNT_DEMO_PARTNERS,
    shutdownTimeoutMs: s.KNOOPPUNT_SHUTDOWN_TIMEOUT_MS,
    workers: s.KNOOPPUNT_WORKERS,
    databaseReplicaUrl: s.KNOOPPUNT_DATABASE_REPLICA_URL,
    signaalK: s.KNOOPPUNT_SIGNAAL_K,
    importLimitBytes: s.KNOOPPUNT_IMPORT_LIMIT_BYTES,
    webhookMaxAttempts: s.KNOOPPUNT_WEBHOOK_MAX_ATTEMPTS,
    webhookTimeoutMs: s.KNOOPPUNT_WEBHOOK_TIMEOUT_MS,
    webhookAllowPrivate: s.KNOOPPUNT_WEBHOOK_ALLOW_PRIVATE,
    web: Object.freeze({
      origin: new URL(s.KNOOPPUNT_WEB_ORIGIN ?? s.KNOOPPUNT_ISSUER ?? `https://localhost:${s.PORT}`).origin,
      sessionIdleMs: s.KNOOPPUNT_SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: s.KNOOPPUNT_SESSION_MAX_HOURS * 3_600_000,
      oidc:
        s.KNOOPPUNT_OIDC_ISSUER && s.KNOOPPUNT_OIDC_CLIENT_ID
          ? Object.freeze({
              issuer: s.KNOOPPUNT_OIDC_ISSUER,
              clientId: s.KNOOPPUNT_OIDC_CLIENT_ID,
              clientSecret: s.KNOOPPUNT_OIDC_CLIENT_SECRET,
            })
          : undefined,
    }),
  });
}
