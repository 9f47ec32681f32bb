import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { exportJWK } from 'jose';
import request from 'supertest';
import { issueCertificate, loadCertificateAuthority } from '../../adapters/crypto/certificate-authority.js';
import { certificateFingerprint } from '../../gateway/bootstrap/register-demo-partners.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';
import { demoPartners } from '../../gateway/bootstrap/demo-partners.js';

const t = useTestApp();
let beheer: Record<string, string>;

const nieuwePartner = {
  id: 'wijkteam-noord',
  naam: 'Wijkteam Noord',
  oin: '00000099000000000101',
  soort: 'gemeente',
  regime: 'AVG',
  contactEmail: 'privacy@wijkteam.example',
};

describe('the partner registry API', () => {
  before(async () => {
    beheer = await t.tokenHeaders('zvh-demo', 'beheerder');
  });

  it('lists the partners for a beheerder of the ZVH', async () => {
    const res = await request(t.app).get('/api/v1/partners').set(beheer).expect(200);
    const ids = res.body.partners.map((p: { id: string }) => p.id);
    // Other tests here add partners; the twelve demo partners are there whatever ran before.
    for (const demo of demoPartners) assert.ok(ids.includes(demo.id), `${demo.id} is listed`);
  });

  it('registers a partner with 201 and Location, and refuses the same id or OIN again with 409', async () => {
    const res = await request(t.app).post('/api/v1/partners').set(beheer).send(nieuwePartner);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.headers.location, '/api/v1/partners/wijkteam-noord');
    assert.equal(res.body.status, 'actief');
    assertProblem(await request(t.app).post('/api/v1/partners').set(beheer).send(nieuwePartner), 409, 'conflict');
    assertProblem(
      await request(t.app)
        .post('/api/v1/partners')
        .set(beheer)
        .send({ ...nieuwePartner, id: 'ander-id' }),
      409,
      'conflict',
    );
  });

  it('refuses an invalid OIN or kind with 400 naming the field, and writes nothing', async () => {
    const res = await request(t.app)
      .post('/api/v1/partners')
      .set(beheer)
      .send({ ...nieuwePartner, id: 'fout', oin: '123' });
    assertProblem(res, 400, 'invalid-request');
    assert.ok(
      res.body.invalidParams.some((p: { name: string }) => p.name.includes('oin')),
      'invalidParams names the oin field',
    );
    assertProblem(
      await request(t.app)
        .post('/api/v1/partners')
        .set(beheer)
        .send({ ...nieuwePartner, id: 'fout', soort: 'bakker' }),
      400,
      'invalid-request',
    );
    assert.equal(await t.db.store.db.partner.count({ where: { id: 'fout' } }), 0);
  });

  it('registers a certificate whose OIN is the partner’s, after which the partner can authenticate with it', async () => {
    const ca = loadCertificateAuthority(readFileSync(t.pki.caCert, 'utf8'), readFileSync(t.pki.caKey, 'utf8'));
    const issued = issueCertificate(ca, {
      commonName: 'Wijkteam Noord',
      organisation: 'Wijkteam Noord',
      oin: nieuwePartner.oin,
      usage: 'client',
      notBefore: new Date(Date.now() - 60_000),
      days: 30,
    });
    const headers = { 'x-ssl-client-cert': encodeURIComponent(issued.certPem) };
    assertProblem(await request(t.app).get('/api/v1/partners/ik').set(headers), 401, 'unauthenticated');
    const res = await request(t.app)
      .post('/api/v1/partners/wijkteam-noord/certificaten')
      .set(beheer)
      .send({ pem: issued.certPem });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.fingerprint, certificateFingerprint(issued.certPem));
    assert.equal(
      (await request(t.app).get('/api/v1/partners/ik').set(headers).expect(200)).body.partner.id,
      'wijkteam-noord',
    );

    await request(t.app)
      .delete(`/api/v1/partners/wijkteam-noord/certificaten/${res.body.fingerprint}`)
      .set(beheer)
      .expect(204);
    assertProblem(await request(t.app).get('/api/v1/partners/ik').set(headers), 401, 'unauthenticated');
  });

  it("refuses a certificate carrying another partner's OIN", async () => {
    const pem = readFileSync(t.pki.partnerCert('politie-demo'), 'utf8');
    assertProblem(
      await request(t.app).post('/api/v1/partners/wijkteam-noord/certificaten').set(beheer).send({ pem }),
      400,
      'invalid-request',
    );
  });

  it('suspends and resumes a partner; a suspended partner is refused with 403', async () => {
    const res = await request(t.app)
      .patch('/api/v1/partners/verslavingszorg-demo')
      .set(beheer)
      .send({ status: 'geschorst' });
    assert.equal(res.body.status, 'geschorst');
    assertProblem(
      await request(t.app).get('/api/v1/partners/ik').set(t.asPartner('verslavingszorg-demo')),
      403,
      'forbidden',
    );
    await request(t.app)
      .patch('/api/v1/partners/verslavingszorg-demo')
      .set(beheer)
      .send({ status: 'actief' })
      .expect(200);
    await request(t.app).get('/api/v1/partners/ik').set(t.asPartner('verslavingszorg-demo')).expect(200);
  });

  it('registers a public assertion key and refuses a private one', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const res = await request(t.app)
      .post('/api/v1/partners/wijkteam-noord/sleutels')
      .set(beheer)
      .send({ jwk: { ...(await exportJWK(publicKey)), kid: 'wt-2026' } });
    assert.equal(res.status, 201, res.text);
    assertProblem(
      await request(t.app)
        .post('/api/v1/partners/wijkteam-noord/sleutels')
        .set(beheer)
        .send({ jwk: { ...(await exportJWK(privateKey)), kid: 'wt-priv' } }),
      400,
      'invalid-request',
    );
    const detail = await request(t.app).get('/api/v1/partners/wijkteam-noord').set(beheer).expect(200);
    assert.deepEqual(
      detail.body.sleutels.map((k: { kid: string }) => k.kid),
      ['wt-2026'],
    );
    await request(t.app).delete('/api/v1/partners/wijkteam-noord/sleutels/wt-2026').set(beheer).expect(204);
    assertProblem(
      await request(t.app).delete('/api/v1/partners/wijkteam-noord/sleutels/wt-2026').set(beheer),
      404,
      'not-found',
    );
  });

  it('answers 404 for a partner that does not exist', async () => {
    assertProblem(await request(t.app).get('/api/v1/partners/bestaat-niet').set(beheer), 404, 'not-found');
  });

  it('records every change as an audit event naming the beheerder', async () => {
    // Makes its own changes (on a partner of its own), so it passes alone and in any order.
    const id = 'audit-proef';
    await request(t.app)
      .post('/api/v1/partners')
      .set(beheer)
      .send({ ...nieuwePartner, id, naam: 'Audit Proef', oin: '00000099000000000177' })
      .expect(201);
    await request(t.app).patch(`/api/v1/partners/${id}`).set(beheer).send({ status: 'geschorst' }).expect(200);
    const events = await t.db.store.db.auditEvent.findMany({ where: { soort: 'beheer', partnerId: id } });
    assert.deepEqual(events.map((e) => `${e.reden} by ${e.actor}`).sort(), [
      'partner-geschorst by zvh-demo/beheerder-1',
      'partner-toegevoegd by zvh-demo/beheerder-1',
    ]);
  });

  it('refuses everyone but a beheerder of the ZVH with 403', async () => {
    for (const headers of [
      t.asPartner('zvh-demo'),
      await t.tokenHeaders('zvh-demo', 'procesregisseur'),
      await t.tokenHeaders('politie-demo', 'medewerker'),
      await t.tokenHeaders('politie-demo', 'privacy-officer'),
    ]) {
      assertProblem(await request(t.app).get('/api/v1/partners').set(headers), 403, 'forbidden');
      assertProblem(
        await request(t.app)
          .post('/api/v1/partners')
          .set(headers)
          .send({ ...nieuwePartner, id: 'x' }),
        403,
        'forbidden',
      );
    }
  });
});
