import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, SignJWT } from 'jose';
import request from 'supertest';
import { rotateGatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import { partnerRepository } from '../../adapters/store/partner-repository.js';
import { CLIENT_ASSERTION_TYPE } from '../../gateway/auth/exchange-token.js';
import { keyPaths } from '../../gateway/bootstrap/key-paths.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const form = (assertion: string) => ({
  grant_type: 'client_credentials',
  client_assertion_type: CLIENT_ASSERTION_TYPE,
  client_assertion: assertion,
});

/** POST /token with `partnerId`'s client certificate (required unless its registration says otherwise). */
async function token(
  partnerId: string,
  claims: Record<string, unknown> = {},
  headers: Record<string, string> = t.asPartner(partnerId),
): Promise<request.Response> {
  return request(t.app)
    .post('/api/v1/token')
    .set(headers)
    .type('form')
    .send(form(await t.assertion(partnerId, claims)));
}

describe('POST /api/v1/token', () => {
  it('exchanges a signed assertion (form-encoded, as RFC 7523 has it) for a short-lived token naming the actor', async () => {
    const res = await token('politie-demo', { act: { sub: 'agent-4711', rol: 'medewerker' } });
    assert.equal(res.status, 200, res.text);
    const ik = await request(t.app)
      .get('/api/v1/partners/ik')
      .set(t.asPartner('politie-demo'))
      .set('Authorization', `Bearer ${res.body.access_token}`)
      .expect(200);
    assert.equal(ik.body.partner.id, 'politie-demo');
    assert.deepEqual(ik.body.actor, { id: 'agent-4711', rol: 'medewerker' });
    assert.deepEqual(ik.body.authenticatie, { certificaat: true, token: true });
  });

  it('refuses an exchange without the client certificate by default, and audits it under the proven partner', async () => {
    const res = await token('politie-demo', {}, {});
    assertProblem(res, 401, 'unauthenticated');
    const rows = await t.db.store.db.auditEvent.findMany({ where: { reden: 'assertion-without-certificate' } });
    assert.equal(rows.length, 1, 'one security event for the refusal');
    assert.equal(rows[0]!.partnerId, 'politie-demo', 'the assertion verified, so the partner is proven');
  });

  it('issues a marked, unbound token without a certificate only where the registration allows it, and honours it only while it does', async () => {
    const partners = partnerRepository(t.db.store.db);
    await partners.setAssertionWithoutCertificate('woningcorporatie-demo', true);
    const res = await token('woningcorporatie-demo', { act: { sub: 'agent-4711', rol: 'medewerker' } }, {});
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.token_type, 'Bearer');
    assert.equal(res.body.expires_in, t.config.tokenTtlSeconds);
    const claims = decodeJwt(res.body.access_token);
    assert.equal(claims.sub, 'woningcorporatie-demo');
    assert.equal(claims.cnf, undefined, 'not bound to a certificate');
    assert.equal(claims.knp_zonder_certificaat, true, 'marked as issued without a certificate');
    assert.deepEqual(claims.act, { sub: 'agent-4711', rol: 'medewerker' });
    const bearer = `Bearer ${res.body.access_token}`;
    const ik = await request(t.app).get('/api/v1/partners/ik').set('Authorization', bearer).expect(200);
    assert.deepEqual(ik.body.authenticatie, { certificaat: false, token: true });
    await partners.setAssertionWithoutCertificate('woningcorporatie-demo', false);
    t.clock.set(new Date(t.clock.now().getTime() + 10_000)); // past the identity cache
    assertProblem(await request(t.app).get('/api/v1/partners/ik').set('Authorization', bearer), 401, 'unauthenticated');
    t.clock.set(new Date(t.clock.now().getTime() - 10_000));
  });

  it('accepts the same request as JSON', async () => {
    const res = await request(t.app)
      .post('/api/v1/token')
      .set(t.asPartner('om-demo'))
      .send(form(await t.assertion('om-demo')));
    assert.equal(res.status, 200, res.text);
  });

  it('binds the token to the client certificate when the exchange runs over mTLS (RFC 8705)', async () => {
    const res = await token('politie-demo', {}, t.asPartner('politie-demo'));
    assert.equal(res.status, 200, res.text);
    const cnf = decodeJwt(res.body.access_token).cnf as Record<string, string>;
    assert.match(cnf['x5t#S256']!, /^[A-Za-z0-9_-]{43}$/);
    const bearer = `Bearer ${res.body.access_token}`;
    await request(t.app)
      .get('/api/v1/partners/ik')
      .set(t.asPartner('politie-demo'))
      .set('Authorization', bearer)
      .expect(200);
    assertProblem(await request(t.app).get('/api/v1/partners/ik').set('Authorization', bearer), 401, 'unauthenticated');
  });

  it('refuses a replayed assertion (same jti)', async () => {
    const assertion = await t.assertion('politie-demo');
    const cert = t.asPartner('politie-demo');
    await request(t.app).post('/api/v1/token').set(cert).type('form').send(form(assertion)).expect(200);
    assertProblem(
      await request(t.app).post('/api/v1/token').set(cert).type('form').send(form(assertion)),
      401,
      'unauthenticated',
    );
  });

  it('refuses an expired assertion, and one that claims to live longer than five minutes', async () => {
    const past = new Date(t.clock.now().getTime() - 10 * 60_000);
    const now = t.clock.now();
    t.clock.set(past);
    const old = await t.assertion('politie-demo');
    t.clock.set(now);
    assertProblem(await request(t.app).post('/api/v1/token').type('form').send(form(old)), 401, 'unauthenticated');
    const long = await t.assertion('politie-demo', {}, { lifetimeSeconds: 301 });
    assertProblem(
      await request(t.app).post('/api/v1/token').set(t.asPartner('politie-demo')).type('form').send(form(long)),
      401,
      'unauthenticated',
    );
    assert.equal(await t.db.store.db.auditEvent.count({ where: { reden: 'assertion-too-long-lived' } }), 1);
  });

  it('tolerates clock skew within the configured bound', async () => {
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() + 30_000));
    const fromTheFuture = await t.assertion('politie-demo');
    t.clock.set(now);
    await request(t.app)
      .post('/api/v1/token')
      .set(t.asPartner('politie-demo'))
      .type('form')
      .send(form(fromTheFuture))
      .expect(200);
  });

  it('refuses an assertion issued more than 60 s ahead of our clock, even a year ahead with a short life', async () => {
    const now = t.clock.now();
    for (const aheadMs of [61_000 + 1000, 365 * 24 * 3600_000]) {
      t.clock.set(new Date(now.getTime() + aheadMs));
      const future = await t.assertion('politie-demo', {}, { lifetimeSeconds: 60 });
      t.clock.set(now);
      const res = await request(t.app)
        .post('/api/v1/token')
        .set(t.asPartner('politie-demo'))
        .type('form')
        .send(form(future));
      assertProblem(res, 401, 'unauthenticated');
    }
    const reasons = await t.db.store.db.auditEvent.findMany({ where: { reden: 'assertion-from-the-future' } });
    assert.equal(reasons.length, 2, 'both refusals audited with their reason');
  });

  it('audits an assertion with a bad signature as unverified: no partner, the claimed issuer in details', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA', kid: t.assertionKey('ggz-demo').kid })
      .setIssuer('ggz-demo')
      .setSubject('ggz-demo')
      .setAudience(t.config.issuer)
      .setIssuedAt()
      .setExpirationTime('2m')
      .setJti(crypto.randomUUID())
      .sign(privateKey);
    assertProblem(await request(t.app).post('/api/v1/token').type('form').send(form(forged)), 401, 'unauthenticated');
    const unknownKid = await t.assertion('ggz-demo', {}, { kid: 'niet-geregistreerd' });
    assertProblem(
      await request(t.app).post('/api/v1/token').type('form').send(form(unknownKid)),
      401,
      'unauthenticated',
    );
    const rows = await t.db.store.db.auditEvent.findMany({ where: { soort: 'beveiliging', details: { not: null } } });
    const claimed = rows.filter((r) => JSON.parse(r.details!).claimedIssuer === 'ggz-demo');
    assert.equal(claimed.length, 2, `both forgeries audited as claims: ${JSON.stringify(rows)}`);
    assert.ok(
      claimed.every((r) => r.partnerId === null && JSON.parse(r.details!).verified === false),
      "never written into ggz-demo's own trail",
    );
    const inTrail = await t.db.store.db.auditEvent.count({ where: { partnerId: 'ggz-demo', soort: 'beveiliging' } });
    assert.equal(inTrail, 0, 'ggz-demo has no security events of its own');
  });

  it('refuses an assertion for another audience', async () => {
    const { privateJwk, kid } = t.assertionKey('politie-demo');
    const key = await importJWK(privateJwk, 'EdDSA');
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setIssuer('politie-demo')
      .setSubject('politie-demo')
      .setAudience('https://ander-knooppunt.example/api/v1')
      .setIssuedAt()
      .setExpirationTime('2m')
      .setJti(crypto.randomUUID())
      .sign(key);
    assertProblem(await request(t.app).post('/api/v1/token').type('form').send(form(forged)), 401, 'unauthenticated');
  });

  it('refuses an assertion signed with a key the partner never registered', async () => {
    const forged = await t.assertion('politie-demo', {}, { kid: 'onbekend' });
    assertProblem(await request(t.app).post('/api/v1/token').type('form').send(form(forged)), 401, 'unauthenticated');
  });

  it("refuses partner B's assertion over partner A's certificate", async () => {
    const res = await request(t.app)
      .post('/api/v1/token')
      .set(t.asPartner('politie-demo'))
      .type('form')
      .send(form(await t.assertion('om-demo')));
    assertProblem(res, 401, 'unauthenticated');
  });

  it('refuses a suspended partner with 403', async () => {
    await partnerRepository(t.db.store.db).setStatus('dji-demo', 'geschorst');
    assertProblem(await token('dji-demo'), 403, 'forbidden');
    await partnerRepository(t.db.store.db).setStatus('dji-demo', 'actief');
  });

  it('gives the procesregisseur and beheerder roles only to actors of the ZVH', async () => {
    assertProblem(await token('politie-demo', { act: { sub: 'a1', rol: 'procesregisseur' } }), 403, 'forbidden');
    assert.equal((await token('zvh-demo', { act: { sub: 'r1', rol: 'procesregisseur' } })).status, 200);
  });

  it('refuses an actor id that looks like personal data (an e-mail address)', async () => {
    assertProblem(
      await token('politie-demo', { act: { sub: 'jan.jansen@politie.nl', rol: 'medewerker' } }),
      401,
      'unauthenticated',
    );
  });

  it('answers 400 for a request that is not a client-credentials grant', async () => {
    const res = await request(t.app)
      .post('/api/v1/token')
      .type('form')
      .send({ grant_type: 'password', username: 'x', password: 'y' });
    assertProblem(res, 400, 'invalid-request');
  });

  it('answers 415 for a body that is neither a form nor JSON', async () => {
    assertProblem(
      await request(t.app).post('/api/v1/token').set('Content-Type', 'text/plain').send('hallo'),
      415,
      'unsupported-media-type',
    );
  });
});

describe('GET /api/v1/jwks.json and key rotation', () => {
  it('publishes the key that verifies issued tokens', async () => {
    const jwks = (await request(t.app).get('/api/v1/jwks.json').expect(200)).body;
    const issued = (await token('ggz-demo')).body.access_token as string;
    const { payload } = await jwtVerify(issued, createLocalJWKSet(jwks), {
      issuer: t.config.issuer,
      audience: t.config.issuer,
    });
    assert.equal(payload.sub, 'ggz-demo');
    assert.ok(
      jwks.keys.every((k: Record<string, unknown>) => k.d === undefined),
      'no private key material',
    );
  });

  it('rotates without downtime: new tokens use the new key, tokens of the old key keep working', async () => {
    const before = (await token('ggz-demo')).body.access_token as string;
    const oldKid = decodeProtectedHeader(before).kid;
    const newKid = await rotateGatewayKeys(keyPaths(t.dataDir).gatewaySigning, t.clock.now());
    await new Promise((r) => setTimeout(r, 1100));
    await request(t.app).get('/api/v1/jwks.json');
    await new Promise((r) => setTimeout(r, 50));
    const after = (await token('ggz-demo')).body.access_token as string;
    assert.equal(decodeProtectedHeader(after).kid, newKid);
    assert.notEqual(newKid, oldKid);
    const cert = t.asPartner('ggz-demo');
    await request(t.app).get('/api/v1/partners/ik').set(cert).set('Authorization', `Bearer ${before}`).expect(200);
    await request(t.app).get('/api/v1/partners/ik').set(cert).set('Authorization', `Bearer ${after}`).expect(200);
    const kids = (await request(t.app).get('/api/v1/jwks.json')).body.keys.map((k: { kid: string }) => k.kid);
    assert.ok(
      kids.includes(oldKid) && kids.includes(newKid),
      `the JWKS publishes both the old (${oldKid}) and the new key (${newKid}), got ${kids.join(', ')}`,
    );
  });
});
