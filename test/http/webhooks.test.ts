import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet, flattenedVerify, type JSONWebKeySet } from 'jose';
import request from 'supertest';
import { loadGatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import { keyPaths } from '../../gateway/bootstrap/key-paths.js';
import { deliverMeldingen, type DeliveryDeps } from '../../gateway/meldingen/deliver-meldingen.js';
import type { Meldingen } from '../../gateway/meldingen/meldingen.js';
import { outbox } from '../../gateway/meldingen/outbox.js';
import { DomainError } from '../../gateway/errors/domain-error.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp({ env: { KNOOPPUNT_WEBHOOK_MAX_ATTEMPTS: '3' } });
const as = {} as Record<'politie' | 'ggz' | 'beheerder', Record<string, string>>;
const HOUR = 60 * 60 * 1000;

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
const received: Received[] = [];
let answer = 200;
let receiver: Server;
let url = '';
let casus = '';
let meldingen: Meldingen;
let deps: DeliveryDeps;

const deliver = (at: Date) => deliverMeldingen(deps, at);
const later = (ms: number) => new Date(t.clock.now().getTime() + ms);

describe('webhooks through the outbox', () => {
  before(async () => {
    receiver = createServer(
      { cert: readFileSync(t.pki.serverCert), key: readFileSync(t.pki.serverKey) },
      (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({ headers: req.headers, body: Buffer.concat(chunks) });
          res.statusCode = answer;
          res.end('MARKER-RESPONSE-BODY');
        });
      },
    );
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    url = `https://localhost:${(receiver.address() as { port: number }).port}/hook`;
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    as.ggz = await t.tokenHeaders('ggz-demo', 'medewerker');
    as.beheerder = await t.tokenHeaders('zvh-demo', 'beheerder');
    meldingen = outbox(t.db.store, t.clock);
    deps = {
      store: t.db.store,
      keys: await loadGatewayKeys(keyPaths(t.dataDir).gatewaySigning, t.clock.now()),
      maxAttempts: t.config.webhookMaxAttempts,
      post: { timeoutMs: 5000, allowPrivate: true, ca: readFileSync(t.pki.caCert, 'utf8') },
      random: () => 0.5,
    };
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.politie)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'MARKER-REDEN-WEBHOOK',
        leefgebieden: ['druggebruik'],
        betrokkenen: [
          { ref: 'p', voornamen: 'MARKER-NAAM-WEBHOOK', achternaam: 'Haakmans', geboortedatum: '1980-01-01' },
        ],
      });
    assert.equal(res.status, 201, res.text);
    casus = res.body.casus;
    for (const who of [as.politie, as.ggz])
      await request(t.app)
        .put('/api/v1/webhook')
        .set(who)
        .send({ url, soorten: ['uitnodiging', 'kennisgeving'] })
        .expect(200);
  });
  after(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('delivers an event signed with the key published at /jwks.json, after a failure and a backoff', async () => {
    received.length = 0;
    await meldingen.plaats({
      partnerId: 'politie-demo',
      soort: 'uitnodiging',
      casusId: casus,
      data: { rol: 'deelnemer' },
    });
    answer = 503;
    const first = await deliver(t.clock.now());
    assert.deepEqual(first, { afgeleverd: 0, mislukt: 1, dood: 0 }, 'the first attempt fails');
    answer = 200;
    assert.deepEqual(await deliver(later(1000)), { afgeleverd: 0, mislukt: 0, dood: 0 }, 'not retried at once');
    assert.deepEqual(await deliver(later(HOUR)), { afgeleverd: 1, mislukt: 0, dood: 0 }, 'retried after the backoff');
    assert.equal(received.length, 2, 'two attempts reached the receiver');
    const last = received[1]!;
    const event = JSON.parse(last.body.toString('utf8'));
    assert.equal(event.soort, 'uitnodiging');
    assert.equal(event.casus, casus);
    assert.deepEqual(event.data, { rol: 'deelnemer' });
    const [head, empty, signature] = String(last.headers['knooppunt-signature']).split('.');
    assert.equal(empty, '', 'the JWS is detached');
    const jwks = (await request(t.app).get('/api/v1/jwks.json').expect(200)).body as JSONWebKeySet;
    // Detached (RFC 7515 appendix F): the receiver puts the body it got back in, base64url-encoded.
    const verified = await flattenedVerify(
      { protected: head!, signature: signature!, payload: last.body.toString('base64url') },
      createLocalJWKSet(jwks),
    );
    assert.equal(verified.protectedHeader?.jti, event.id, 'the signature names the event id');
    assert.equal(typeof verified.protectedHeader?.iat, 'number', 'and the time');
    assert.equal(last.headers['knooppunt-melding-id'], event.id);
    const tampered = Buffer.from(last.body.toString('utf8').replace('deelnemer', 'beheerder'));
    await assert.rejects(
      flattenedVerify(
        { protected: head!, signature: signature!, payload: tampered.toString('base64url') },
        createLocalJWKSet(jwks),
      ),
      'a changed body does not verify',
    );
  });

  it('puts an event on the dead-letter list after the last attempt; the beheerder replays it and it is delivered', async () => {
    received.length = 0;
    await meldingen.plaats({
      partnerId: 'politie-demo',
      soort: 'kennisgeving',
      casusId: casus,
      data: { verzoek: 'r-1' },
    });
    answer = 500;
    let at = t.clock.now();
    for (let i = 0; i < 3; i++) {
      await deliver(at);
      at = new Date(at.getTime() + 7 * HOUR);
    }
    const list = await request(t.app).get('/api/v1/beheer/webhooks/dode-brieven').set(as.beheerder);
    assert.equal(list.status, 200, list.text);
    const dead = list.body.dodeBrieven.find((d: { soort: string }) => d.soort === 'kennisgeving');
    assert.ok(dead, `the event is a dead letter: ${list.text}`);
    assert.equal(dead.pogingen, 3);
    assert.equal(dead.laatsteFout, 'status-500');
    assert.deepEqual(await deliver(at), { afgeleverd: 0, mislukt: 0, dood: 0 }, 'a dead letter is not tried again');
    await request(t.app).post(`/api/v1/beheer/webhooks/dode-brieven/${dead.id}/opnieuw`).set(as.beheerder).expect(202);
    answer = 200;
    assert.deepEqual(await deliver(at), { afgeleverd: 1, mislukt: 0, dood: 0 }, 'the replayed event is delivered');
    assert.equal(received.length, 4);
    const again = await request(t.app).get('/api/v1/beheer/webhooks/dode-brieven').set(as.beheerder);
    assert.equal(again.body.dodeBrieven.length, 0, 'the dead-letter list is empty again');
  });

  it('sends a partner nothing about a casus it does not take part in', async () => {
    received.length = 0;
    await meldingen.plaats({ partnerId: 'ggz-demo', soort: 'uitnodiging', casusId: casus, data: { rol: 'deelnemer' } });
    assert.deepEqual(await deliver(later(30 * HOUR)), { afgeleverd: 0, mislukt: 0, dood: 0 });
    assert.equal(received.length, 0, 'the receiver heard nothing');
  });

  it('sends nothing for a change that rolled back', async () => {
    received.length = 0;
    await assert.rejects(
      t.db.store.transaction(async (tx) => {
        await meldingen.plaats({ partnerId: 'politie-demo', soort: 'uitnodiging', casusId: casus, data: {} }, tx);
        throw new Error('rollback');
      }),
      /rollback/,
    );
    assert.deepEqual(await deliver(later(30 * HOUR)), { afgeleverd: 0, mislukt: 0, dood: 0 });
    assert.equal(received.length, 0, 'the receiver heard nothing');
  });

  it('refuses an event that carries anything but ids and codes', async () => {
    await assert.rejects(
      meldingen.plaats({
        partnerId: 'politie-demo',
        soort: 'kennisgeving',
        casusId: casus,
        data: { naam: 'Jan de Vries' },
      }),
      (e: unknown) => e instanceof DomainError && e.code === 'invalid-request',
    );
  });

  it('refuses loopback and private addresses unless the test setting allows them (SSRF)', async () => {
    received.length = 0;
    await meldingen.plaats({ partnerId: 'politie-demo', soort: 'uitnodiging', casusId: casus, data: {} });
    const strict = { ...deps, post: { ...deps.post, allowPrivate: false } };
    assert.deepEqual(await deliverMeldingen(strict, later(40 * HOUR)), { afgeleverd: 0, mislukt: 1, dood: 0 });
    assert.equal(received.length, 0, 'no request reached the loopback receiver');
    const audit = await t.db.store.audit.recent('webhook-aflevering');
    assert.equal(audit[0]?.reden, 'adres-niet-toegestaan');
  });

  it('writes each attempt to the audit trail with ids only', async () => {
    const audit = await t.db.store.audit.recent('webhook-aflevering');
    assert.ok(audit.length >= 6, `every attempt is recorded (${audit.length})`);
    const text = JSON.stringify(audit);
    for (const marker of ['MARKER-NAAM', 'MARKER-REDEN', 'Haakmans', 'MARKER-RESPONSE-BODY'])
      assert.doesNotMatch(text, new RegExp(marker), `${marker} is not in the audit trail`);
  });

  it('lets only ZVH beheerders see every subscription and the dead letters, and a partner set only its own endpoint', async () => {
    assertProblem(await request(t.app).get('/api/v1/beheer/webhooks/dode-brieven').set(as.politie), 403, 'forbidden');
    assertProblem(await request(t.app).get('/api/v1/beheer/webhooks').set(as.politie), 403, 'forbidden');
    const all = await request(t.app).get('/api/v1/beheer/webhooks').set(as.beheerder);
    assert.equal(all.status, 200, all.text);
    assert.deepEqual(
      all.body.abonnementen.map((a: { partner: string }) => a.partner),
      ['ggz-demo', 'politie-demo'],
      'each partner registered its own endpoint',
    );
    assertProblem(
      await request(t.app)
        .post('/api/v1/beheer/webhooks/dode-brieven/00000000-0000-4000-8000-000000000000/opnieuw')
        .set(as.beheerder),
      404,
      'not-found',
    );
    const res = await request(t.app)
      .put('/api/v1/webhook')
      .set(as.politie)
      .send({ url: 'http://insecure.example/hook', soorten: ['uitnodiging'] });
    assertProblem(res, 400, 'invalid-request');
  });
});
