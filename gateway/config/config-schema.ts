import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const positiveInt = z.coerce.number().int().positive();

/**
 * Every setting Knooppunt reads, with its default. The README's configuration table mirrors this list;
 * `test/unit/gateway/config/load-config.test.ts` fails when the two disagree.
 */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  HOST: z.string().min(1).default('127.0.0.1'),
  KNOOPPUNT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
    .default('file:./data/knooppunt.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KNOOPPUNT_BODY_LIMIT_BYTES: positiveInt.max(50 * 1024 * 1024).default(1024 * 1024),
  KNOOPPUNT_TLS_CERT: z.string().min(1).optional(),
  KNOOPPUNT_TLS_KEY: z.string().min(1).optional(),
  KNOOPPUNT_TLS_CA: z.string().min(1).optional(),
  KNOOPPUNT_TRUSTED_PROXIES: z.string().default(''),
  KNOOPPUNT_CLIENT_CERT_HEADER: z.string().default('x-ssl-client-cert'),
  KNOOPPUNT_CRL_FILE: z.string().min(1).optional(),
  KNOOPPUNT_RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  KNOOPPUNT_ISSUER: z.url({ protocol: /^https$/ }).optional(),
  KNOOPPUNT_TOKEN_TTL_SECONDS: positiveInt.max(3600).default(300),
  KNOOPPUNT_IDENTITY_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  KNOOPPUNT_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
  KNOOPPUNT_COVENANT_DIR: z.string().min(1).optional(),
  KNOOPPUNT_COVENANT_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(2),
  KNOOPPUNT_DEMO_PARTNERS: bool.default(true),
  KNOOPPUNT_SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  KNOOPPUNT_WORKERS: positiveInt.max(64).default(1),
  KNOOPPUNT_DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgresql:// (a read replica of DATABASE_URL)')
    .optional(),
  KNOOPPUNT_SIGNAAL_K: z.coerce.number().int().min(2).max(100).default(10),
  KNOOPPUNT_IMPORT_LIMIT_BYTES: positiveInt.max(100 * 1024 * 1024).default(5 * 1024 * 1024),
  KNOOPPUNT_WEBHOOK_MAX_ATTEMPTS: positiveInt.max(30).default(8),
  KNOOPPUNT_WEBHOOK_TIMEOUT_MS: positiveInt.max(60_000).default(5_000),
  KNOOPPUNT_WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  KNOOPPUNT_WEB_ORIGIN: z.url({ protocol: /^https$/ }).optional(),
  KNOOPPUNT_SESSION_IDLE_MINUTES: positiveInt.max(24 * 60).default(30),
  KNOOPPUNT_SESSION_MAX_HOURS: positiveInt.max(24).default(10),
  KNOOPPUNT_OIDC_ISSUER: z.url().optional(),
  KNOOPPUNT_OIDC_CLIENT_ID: z.string().min(1).optional(),
  KNOOPPUNT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
});

export type ConfigInput = z.input<typeof configSchema>;

/** The validated, frozen configuration. Paths are absolute once loaded. */
export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  bodyLimitBytes: number;
  tls: Readonly<{ certFile?: string; keyFile?: string; caFile?: string; crlFile?: string }>;
  trustedProxies: readonly string[];
  clientCertHeader: string;
  rateLimitPerMinute: number;
  /** This API's public base URL: issuer and audience of tokens. */
  issuer: string;
  tokenTtlSeconds: number;
  clockSkewSeconds: number;
  /** How long a verified certificate / partner record is reused; bounds how late an outside change bites. */
  identityCacheSeconds: number;
  covenantDir?: string;
  /** How often each process looks at its covenant folder; `covenant publiceer` tells every process at once. */
  covenantPollMs: number;
  demoPartners: boolean;
  shutdownTimeoutMs: number;
  /** Gateway processes sharing the port (node:cluster); more than one needs PostgreSQL. */
  workers: number;
  /** A streaming replica for read-heavy review queries (log search, export, aggregates); never for a disclosure. */
  databaseReplicaUrl?: string;
  /** Signaalfunctie: no published count under k (small-cell suppression). */
  signaalK: number;
  /** Largest file a partner may upload to POST /importen. */
  importLimitBytes: number;
  /** Webhooks: attempts before an event goes to the dead-letter list. */
  webhookMaxAttempts: number;
  webhookTimeoutMs: number;
  /** Webhooks to loopback and private addresses (tests, development only: SSRF otherwise). */
  webhookAllowPrivate: boolean;
  /** The staff web application: its origin (WebAuthn relying party, Origin check), sessions and OIDC. */
  web: Readonly<{
    origin: string;
    sessionIdleMs: number;
    sessionMaxMs: number;
    oidc?: Readonly<{ issuer: string; clientId: string; clientSecret?: string }>;
  }>;
}>;
