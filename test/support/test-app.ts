import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Express } from 'express';
import { exportJWK, SignJWT, type JWK } from 'jose';
import request from 'supertest';
import { CLIENT_ASSERTION_TYPE } from '../../gateway/auth/exchange-token.js';
import { ensureDevPki, type DevPkiPaths } from '../../adapters/crypto/dev-pki.js';
import { loadGatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import { dataProtection, loadMasterKey, type DataProtection } from '../../adapters/crypto/data-protection.js';
import { logSigning } from '../../adapters/ledger/checkpoints.js';
import { createLedger, type Ledger } from '../../adapters/ledger/ledger.js';
import { openLedgerStorage } from '../../adapters/ledger/open-ledger-storage.js';
import { loadLogSigningKey } from '../../adapters/ledger/signed-note.js';
import type { KeyObject } from 'node:crypto';
import { DISCLOSURE_LOG } from '../../gateway/disclosure/log-id.js';
import { partnerRepository } from '../../adapters/store/partner-repository.js';
import { demoPartners } from '../../gateway/bootstrap/demo-partners.js';
import { keptCheckpointPath, keyPaths } from '../../gateway/bootstrap/key-paths.js';
import { logIntegrity, type LogIntegrity } from '../../gateway/disclosure/log-integrity.js';
import { loadTrust } from '../../gateway/bootstrap/load-trust.js';
import { registerDemoPartners } from '../../gateway/bootstrap/register-demo-partners.js';
import { refuseRenegotiation, tlsServerOptions } from '../../gateway/bootstrap/tls-options.js';
import type { Clock } from '../../gateway/clock.js';
import type { Config } from '../../gateway/config/config-schema.js';
import { loadConfig } from '../../gateway/config/load-config.js';
import { createApp } from '../../gateway/create-app.js';
import { covenantRegistry, type CovenantRegistry } from '../../gateway/covenant/covenant-registry.js';
import { defaultCovenantDir } from '../../gateway/covenant/record-covenant-version.js';
import { loadContract } from '../../openapi/load-contract.js';
import { captureLogger } from './capture-logger.js';
import { createTestDatabase, type TestDatabase } from './test-store.js';

export interface TestApp {
  app: Express;
  /** With `https: true`: the base URL of a real TLS server (client certificates requested). */
  url: string;
  db: TestDatabase;
  config: Config;
  pki: DevPkiPaths;
  dataDir: string;
  logLines: () => string[];
  clock: Clock & { set(d: Date): void };
  covenants: CovenantRegistry;
  ledger: Ledger;
  dataProtection: DataProtection;
  logSigningKey: KeyObject;
  /** With `replica: true`: how many reads went to the replica so far. */
  reviewReads(): number;
  /** The app's guard over the disclosure log (checks, signs checkpoints as the server's timer does). */
  integrity: LogIntegrity;
  /** Headers that make the request arrive as `partnerId`'s client certificate via the trusted proxy. */
  asPartner(partnerId: string): Record<string, string>;
  /** A client assertion signed with the partner's registered test key. */
  assertion(
    partnerId: string,
    claims?: Record<string, unknown>,
    options?: { kid?: string; lifetimeSeconds?: number },
  ): Promise<string>;
  /** The partner's private assertion key (for tests that sign by hand). */
  assertionKey(partnerId: string): { privateJwk: JWK; kid: string };
  /** Headers for a call as `partnerId` over mTLS with a token naming an actor in `rol` (via POST /token). */
  tokenHeaders(partnerId: string, rol?: string): Promise<Record<string, string>>;
}

const PROXY_HEADER = 'x-ssl-client-cert';

/**
 * Registers before/after hooks that give the calling test file the real app on a fresh database, a dev
 * PKI, the demo partners (each with a certificate and an Ed25519 assertion key), and a clock the test
 * can move. Requests from supertest arrive from loopback, configured as the trusted TLS proxy, so the
 * certificate path is the production one.
 */
export interface TestAppOptions {
  env?: Record<string, string>;
  /** Also serve the app over real HTTPS (for tests of the TLS handshake itself). */
  https?: boolean;
  /**
   * A "read replica" for review queries: a second disclosure-log connection to the same database,
   * counting its reads (`reviewReads`), so a test can see which operations are routed to it.
   */
  replica?: boolean;
  /** The port for `https` (default: any free one); browser tests fix it to know the web origin up front. */
  port?: number;
  /** Runs after the PKI and partners exist and before the app is built (e.g. to write a CRL). */
  prepare?: (t: { dataDir: string; pki: DevPkiPaths; db: TestDatabase }) => Promise<Record<string, string> | undefined>;
}

export function useTestApp(options: TestAppOptions = {}): TestApp {
  const handle = {} as TestApp;
  let server: Server | undefined;
  const assertionKeys = new Map<string, { privateJwk: JWK; kid: string }>();
  let replica: ReturnType<typeof countingReads> | undefined;
  before(async () => {
    const db = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-app-'));
    const { logger, lines } = captureLogger();
    let now = new Date();
    const clock = {
      now: () => new Date(now),
      set: (d: Date) => {
        now = d;
      },
    };
    const { paths: pki } = ensureDevPki(dataDir, demoPartners, clock.now());
    await registerDemoPartners(db.store, pki);
    const partners = partnerRepository(db.store.db);
    for (const p of demoPartners) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const kid = `${p.id}-test`;
      assertionKeys.set(p.id, { privateJwk: { ...(await exportJWK(privateKey)), kid }, kid });
      await partners.addKey(p.id, kid, JSON.stringify({ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA' }));
    }
    const extraEnv = (await options.prepare?.({ dataDir, pki, db })) ?? {};
    const config = loadConfig({
      DATABASE_URL: db.url,
      KNOOPPUNT_DATA_DIR: dataDir,
      KNOOPPUNT_TRUSTED_PROXIES: options.https ? '' : '127.0.0.1,::1',
      KNOOPPUNT_CLIENT_CERT_HEADER: PROXY_HEADER,
      ...options.env,
      ...extraEnv,
    });
    const keys = await loadGatewayKeys(keyPaths(dataDir).gatewaySigning, clock.now());
    const trust = loadTrust(pki.caCert, config.tls.crlFile);
    Object.assign(handle, {
      db,
      config,
      pki,
      dataDir,
      clock,
      logLines: lines,
      covenants: covenantRegistry(config.covenantDir ?? defaultCovenantDir, { logger, clock, pollMs: 200 }),
    });
    handle.ledger = createLedger(openLedgerStorage(db.url), DISCLOSURE_LOG);
    handle.dataProtection = dataProtection(loadMasterKey(keyPaths(dataDir).master));
    handle.logSigningKey = loadLogSigningKey(keyPaths(dataDir).ledgerSigning);
    if (options.replica) replica = countingReads(createLedger(openLedgerStorage(db.url), DISCLOSURE_LOG));
    handle.reviewReads = () => replica?.reads ?? 0;
    const signing = logSigning(db.store, handle.ledger, handle.logSigningKey);
    handle.integrity = logIntegrity({
      ledger: handle.ledger,
      ...signing,
      logger,
      pinPath: keptCheckpointPath(dataDir, handle.ledger.origin),
    });
    handle.app = createApp({
      config,
      logger,
      store: db.store,
      contract: loadContract(),
      clock,
      keys,
      trust,
      covenants: handle.covenants,
      ledger: handle.ledger,
      dataProtection: handle.dataProtection,
      logSigning: signing,
      logIntegrity: handle.integrity,
      ...(replica && { reviewLedger: replica.ledger, reviewStore: { signaal: replica.counting(db.store.signaal) } }),
    });
    if (options.https) {
      server = createServer(
        tlsServerOptions({
          cert: readFileSync(pki.serverCert),
          key: readFileSync(pki.serverKey),
          ca: readFileSync(pki.caCert),
        }),
        handle.app,
      );
      refuseRenegotiation(server);
      await new Promise<void>((resolve) => server!.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
      handle.url = `https://localhost:${(server.address() as { port: number }).port}/api/v1`;
    }
  });
  after(async () => {
    handle.covenants?.stop();
    await handle.ledger?.close();
    await replica?.ledger.close();
    if (server)
      await new Promise<void>((resolve) => {
        server!.close(() => resolve());
        server!.closeAllConnections();
      });
    await handle.db?.drop();
    if (handle.dataDir) rmSync(handle.dataDir, { recursive: true, force: true });
  });
  handle.asPartner = (partnerId) => ({
    [PROXY_HEADER]: encodeURIComponent(readFileSync(handle.pki.partnerCert(partnerId), 'utf8')),
  });
  handle.assertionKey = (partnerId) => assertionKeys.get(partnerId)!;
  handle.assertion = async (partnerId, claims = {}, options = {}) => {
    const { privateJwk, kid } = assertionKeys.get(partnerId)!;
    const { importJWK } = await import('jose');
    const key = await importJWK(privateJwk, 'EdDSA');
    const iat = Math.floor(handle.clock.now().getTime() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: options.kid ?? kid })
      .setIssuer(partnerId)
      .setSubject(partnerId)
      .setAudience(handle.config.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + (options.lifetimeSeconds ?? 120))
      .setJti(crypto.randomUUID())
      .sign(key);
  };
  handle.tokenHeaders = async (partnerId, rol) => {
    const assertion = await handle.assertion(partnerId, rol ? { act: { sub: `${rol}-1`, rol } } : {});
    const res = await request(handle.app).post('/api/v1/token').set(handle.asPartner(partnerId)).type('form').send({
      grant_type: 'client_credentials',
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: assertion,
    });
    if (res.status !== 200) throw new Error(`token for ${partnerId}/${rol}: ${res.status} ${res.text}`);
    return { ...handle.asPartner(partnerId), Authorization: `Bearer ${res.body.access_token}` };
  };
  return handle;
}

/** A ledger whose reads are counted: stands for a read replica in routing tests. */
/** Every call through the returned objects counts as one read of the "replica". */
function countingReads(ledger: Ledger): { ledger: Ledger; reads: number; counting<T extends object>(o: T): T } {
  const counted = {
    reads: 0,
    ledger,
    counting<T extends object>(o: T): T {
      return new Proxy(o, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if (typeof value !== 'function' || prop === 'close') return value;
          return (...args: unknown[]) => {
            counted.reads++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    },
  };
  counted.ledger = counted.counting(ledger);
  return counted;
}
