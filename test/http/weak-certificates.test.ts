import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { partnerRepository } from '../../adapters/store/partner-repository.js';
import { certificateFingerprint } from '../../gateway/bootstrap/register-demo-partners.js';
import { oinOf } from '../support/bad-credentials.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';
import { clientCertificateWith } from '../support/weak-certificates.js';

const t = useTestApp();
let beheer: Record<string, string>;

const weak = {
  'SHA-1 signature': { digest: 'sha1', bits: 2048, reason: 'certificate-weak-signature' },
  'MD5 signature': { digest: 'md5', bits: 2048, reason: 'certificate-weak-signature' },
  'RSA-1024 key': { digest: 'sha256', bits: 1024, reason: 'certificate-weak-key' },
} as const;

describe('client certificates with weak signatures or keys', () => {
  before(async () => {
    beheer = await t.tokenHeaders('zvh-demo', 'beheerder');
  });

  for (const [what, spec] of Object.entries(weak)) {
    it(`refuses a ${what} at registration, naming the reason`, async () => {
      const { certPem } = clientCertificateWith(t.pki, oinOf('politie-demo'), spec);
      const res = await request(t.app)
        .post('/api/v1/partners/politie-demo/certificaten')
        .set(beheer)
        .send({ pem: certPem });
      assertProblem(res, 400, 'invalid-request');
      assert.match(res.text, new RegExp(spec.reason), `the reason is ${spec.reason}: ${res.text}`);
    });

    it(`refuses a ${what} at every connection, even when it is registered`, async () => {
      const { certPem } = clientCertificateWith(t.pki, oinOf('om-demo'), spec);
      const x = new X509Certificate(certPem);
      // Registered straight in the registry (as one might have been before this check existed).
      await partnerRepository(t.db.store.db).addCertificate('om-demo', {
        fingerprint: certificateFingerprint(certPem),
        subject: x.subject,
        serienummer: x.serialNumber,
        geldigVanaf: new Date(x.validFrom),
        geldigTot: new Date(x.validTo),
      });
      const before = await t.db.store.db.auditEvent.count({ where: { reden: spec.reason } });
      const res = await request(t.app).get('/api/v1/partners/ik').set('x-ssl-client-cert', encodeURIComponent(certPem));
      assertProblem(res, 401, 'unauthenticated');
      const after = await t.db.store.db.auditEvent.count({ where: { reden: spec.reason } });
      assert.equal(after, before + 1, `refusal audited as ${spec.reason}`);
    });
  }

  it('accepts the same certificate with SHA-256 and a 2048-bit key', async () => {
    const { certPem } = clientCertificateWith(t.pki, oinOf('politie-demo'), { digest: 'sha256', bits: 2048 });
    const res = await request(t.app)
      .post('/api/v1/partners/politie-demo/certificaten')
      .set(beheer)
      .send({ pem: certPem });
    assert.equal(res.status, 201, res.text);
  });
});
