import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exportJWK, SignJWT } from 'jose';
import { CLIENT_ASSERTION_TYPE } from '../../gateway/auth/exchange-token.js';
import { runCli } from '../../gateway/cli/knooppunt.js';
import { httpsCall, type HttpsAnswer } from '../support/https-call.js';
import { startGatewayProcess, partnerTls, type GatewayProcess } from '../support/gateway-process.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/test-store.js';

const skip =
  testProvider() !== 'postgresql' && 'N processes share state through PostgreSQL; run with DATABASE_URL=postgresql://…';
const ISSUER = 'https://knooppunt.test/api/v1';
const RATE_LIMIT = 40;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` answers something other than undefined, or fails after `ms`. */
async function eventually<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(100);
  }
}

describe('two gateway processes on one PostgreSQL', { skip }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-cluster-'));
  const covenantDir = join(dataDir, 'convenanten');
  const example = new URL('../../policies/covenants/zvh-demo-2026.1.yaml', import.meta.url);
  let db: TestDatabase;
  let a: GatewayProcess;
  let b: GatewayProcess;
  const call = (
    p: GatewayProcess,
    partner: string,
    path: string,
    init: { method?: string; body?: unknown; token?: string } = {},
  ) =>
    httpsCall(`${p.url}${path}`, {
      ...partnerTls(dataDir, partner),
      method: init.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
        ...(init.token && { authorization: `Bearer ${init.token}` }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  before(async () => {
    db = await createTestDatabase();
    mkdirSync(covenantDir);
    copyFileSync(example, join(covenantDir, 'zvh-demo-2026.1.yaml'));
    const env = {
      KNOOPPUNT_COVENANT_DIR: covenantDir,
      // An hour: only the notice, not a process's own look at the folder, can bring a new version in time.
      KNOOPPUNT_COVENANT_POLL_SECONDS: '3600',
      KNOOPPUNT_DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      KNOOPPUNT_ISSUER: ISSUER,
      KNOOPPUNT_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      // Far longer than the test waits: only an invalidation can make the other process refuse in time.
      KNOOPPUNT_IDENTITY_CACHE_SECONDS: '60',
    };
    a = await startGatewayProcess(env); // first: creates the dev PKI and the demo partners
    b = await startGatewayProcess(env);
  });
  after(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A client assertion of `partner`'s actor with `rol`, signed with a key registered for the test. */
  async function assertion(partner: string, rol: string): Promise<string> {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const kid = `${partner}-cluster-${rol}-${crypto.randomUUID()}`;
    await db.store.partners.addKey(
      partner,
      kid,
      JSON.stringify({ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA' }),
    );
    return new SignJWT({ act: { sub: `${rol}-1`, rol } })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setIssuer(partner)
      .setSubject(partner)
      .setAudience(ISSUER)
      .setIssuedAt()
      .setExpirationTime('2m')
      .setJti(crypto.randomUUID())
      .sign(privateKey);
  }

  const exchange = (p: GatewayProcess, partner: string, signed: string) =>
    httpsCall(`${p.url}/token`, {
      ...partnerTls(dataDir, partner),
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: signed,
      }).toString(),
    });

  async function token(p: GatewayProcess, partner: string, rol: string): Promise<string> {
    const res = await exchange(p, partner, await assertion(partner, rol));
    assert.equal(res.status, 200, `token at ${p.url}: ${res.body}`);
    return res.json<{ access_token: string }>().access_token;
  }

  it('refuses at process B an assertion already exchanged at process A (one jti store)', async () => {
    const signed = await assertion('om-demo', 'medewerker');
    assert.equal((await exchange(a, 'om-demo', signed)).status, 200, 'the first exchange, at A, succeeds');
    const replay = await exchange(b, 'om-demo', signed);
    assert.ok([400, 401].includes(replay.status), `the replay at B is refused, not ${replay.status}: ${replay.body}`);
  });

  it('refuses a partner at process B right after process A suspended it', async () => {
    const warm = await call(b, 'politie-demo', '/partners/ik');
    assert.equal(warm.status, 200, `politie is known to B before the suspension: ${warm.body}`);
    const beheer = await token(a, 'zvh-demo', 'beheerder');
    const suspended = await call(a, 'zvh-demo', '/partners/politie-demo', {
      method: 'PATCH',
      body: { status: 'geschorst' },
      token: beheer,
    });
    assert.equal(suspended.status, 200, `A suspends politie: ${suspended.body}`);
    const refused = await eventually('B refuses the suspended partner', 10_000, async () => {
      const r = await call(b, 'politie-demo', '/partners/ik');
      return r.status === 200 ? undefined : r;
    });
    assert.ok([401, 403].includes(refused.status), `B refuses politie with 401/403, not ${refused.status}`);
  });

  it('spends one rate-limit budget per partner across both processes', async () => {
    const answers: HttpsAnswer[] = [];
    for (let i = 0; i < RATE_LIMIT; i++) answers.push(await call(i % 2 ? a : b, 'rvdk-demo', '/partners/ik'));
    assert.deepEqual(
      answers.filter((r) => r.status !== 200).map((r) => r.status),
      [],
      'the budget covers exactly the limit, spread over both processes',
    );
    const over = await call(a, 'rvdk-demo', '/partners/ik');
    assert.equal(over.status, 429, 'the next request is over the shared budget, though A alone saw only half');
    assert.ok(Number(over.headers['retry-after']) >= 1, 'with a Retry-After');
  });

  it('puts a covenant version published through the CLI into force in both processes at once', async () => {
    const beheer = { a: await token(a, 'zvh-demo', 'beheerder'), b: await token(b, 'zvh-demo', 'beheerder') };
    const inForce = async (p: GatewayProcess, t: string) => {
      const res = await call(p, 'zvh-demo', '/convenanten', { token: t });
      assert.equal(res.status, 200, res.body);
      return res.json<{ inWerking: string | null }>().inWerking;
    };
    assert.equal(await inForce(a, beheer.a), 'zvh-demo@2026.1', 'A starts on the example');
    assert.equal(await inForce(b, beheer.b), 'zvh-demo@2026.1', 'B starts on the example');
    const next = join(dataDir, 'zvh-demo-2026.2.yaml');
    writeFileSync(
      next,
      readFileSync(example, 'utf8')
        .replace('versie: "2026.1"', 'versie: "2026.2"')
        .replace('geldigVanaf: "2026-01-01"', 'geldigVanaf: "2026-02-01"'),
    );
    const out: string[] = [];
    const code = await runCli(['covenant', 'publiceer', next], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      env: { DATABASE_URL: db.url, KNOOPPUNT_DATA_DIR: dataDir, KNOOPPUNT_COVENANT_DIR: covenantDir },
    });
    assert.equal(code, 0, out.join('\n'));
    for (const [name, p, t] of [
      ['A', a, beheer.a],
      ['B', b, beheer.b],
    ] as const) {
      const version = await eventually(`${name} has the new version in force`, 10_000, async () => {
        const v = await inForce(p, t);
        return v === 'zvh-demo@2026.2' ? v : undefined;
      });
      assert.equal(version, 'zvh-demo@2026.2', `${name} switched without waiting an hour for its own poll`);
    }
  });

  it('runs an import uploaded at A once, on whichever process takes the job, and B reports it done', async () => {
    const csv = [
      'Dossiernummer;BSN;Voornamen;Tussenvoegsel;Achternaam;Geboortedatum;Postcode;Relatie tot hoofdpersoon;Reden melding;Leefgebieden;Signalen',
      'C1;;Ans;;Clusterimport;01-02-1961;;;Reden;emotioneel-welzijn;',
      'C2;;Bas;;Clusterimport;01-02-1962;;;Reden;emotioneel-welzijn;',
      'C2;;Cor;;Clusterimport;01-02-1992;;kind;;;',
    ].join('\n');
    const uploaded = await httpsCall(`${a.url}/importen?profiel=gemeente-demo`, {
      ...partnerTls(dataDir, 'gemeente-demo'),
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'text/csv',
        authorization: `Bearer ${await token(a, 'gemeente-demo', 'medewerker')}`,
      },
      body: csv,
    });
    assert.equal(uploaded.status, 202, uploaded.body);
    const id = uploaded.json<{ id: string }>().id;
    const atB = await token(b, 'gemeente-demo', 'medewerker');
    const done = await eventually('B reports the import finished', 30_000, async () => {
      const r = await call(b, 'gemeente-demo', `/importen/${id}`, { token: atB });
      const s = r.json<{ status: string; aangemaakt: number }>();
      return s.status === 'klaar' || s.status === 'mislukt' ? s : undefined;
    });
    assert.deepEqual([done.status, done.aangemaakt], ['klaar', 2], 'two households, two casussen');
    const casussen = await db.store.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "Casus" WHERE "aanmelderId" = 'gemeente-demo'`,
    );
    assert.equal(Number(casussen[0]!.n), 2, 'and not two per process');
  });

  /** OS pids of the gateway processes holding the checkpointer lease, read from PostgreSQL. */
  async function checkpointers(): Promise<number[]> {
    const rows = await db.store.db.$queryRawUnsafe<{ application_name: string }[]>(
      `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'knooppunt-checkpointer-%'
          AND a.datname = current_database()`,
    );
    return rows.map((r) => Number(r.application_name.split('-').pop()));
  }

  it('has one checkpointer, and the other process takes over within seconds when it is killed', async () => {
    const [holder] = await eventually('one process holds the checkpointer lease', 20_000, async () => {
      const pids = await checkpointers();
      return pids.length > 0 ? pids : undefined;
    });
    assert.deepEqual(await checkpointers(), [holder], 'exactly one checkpointer');
    assert.ok([a.pid, b.pid].includes(holder!), 'the holder is one of the two gateways');
    const [dead, survivor] = holder === a.pid ? [a, b] : [b, a];
    dead.child.kill('SIGKILL');
    await dead.stop();
    const next = await eventually('the survivor holds the lease', 20_000, async () => {
      const pids = await checkpointers();
      return pids.length === 1 && pids[0] === survivor.pid ? pids : undefined;
    });
    assert.deepEqual(next, [survivor.pid], 'the surviving process took the checkpointer lease over');
  });
});
