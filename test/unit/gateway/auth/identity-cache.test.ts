import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identityCache } from '../../../../gateway/auth/identity-cache.js';

const partner = {
  id: 'politie-demo',
  naam: 'P',
  oin: '00000099000000000003',
  soort: 'politie',
  regime: 'Wpg',
  contactNaam: null,
  contactEmail: null,
  status: 'actief',
  assertieZonderCertificaat: false,
};
const certificate = { oin: partner.oin, fingerprint: 'ab'.repeat(32), thumbprintS256: 'x' };
const t0 = new Date('2026-11-22T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('the identity cache', () => {
  it('returns a remembered certificate within its TTL', () => {
    const cache = identityCache(5000);
    cache.rememberCertificate({ partner, certificate, notBefore: 0, notAfter: at(3_600_000).getTime() }, t0);
    assert.equal(cache.certificate(certificate.fingerprint, at(4999))?.partner.id, 'politie-demo');
  });

  it('forgets it after the TTL, so outside changes bite within that time', () => {
    const cache = identityCache(5000);
    cache.rememberCertificate({ partner, certificate, notBefore: 0, notAfter: at(3_600_000).getTime() }, t0);
    assert.equal(cache.certificate(certificate.fingerprint, at(5001)), undefined);
  });

  it('never serves a certificate outside its validity, whatever the TTL', () => {
    const cache = identityCache(60_000);
    cache.rememberCertificate({ partner, certificate, notBefore: 0, notAfter: at(1000).getTime() }, t0);
    assert.equal(cache.certificate(certificate.fingerprint, at(1001)), undefined);
  });

  it('remembers nothing with a TTL of 0, and forgets everything on clear()', () => {
    const off = identityCache(0);
    off.rememberPartner(partner, t0);
    assert.equal(off.partner('politie-demo', t0), undefined);
    const on = identityCache(5000);
    on.rememberPartner(partner, t0);
    on.clear();
    assert.equal(on.partner('politie-demo', t0), undefined);
  });
});
