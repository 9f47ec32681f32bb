import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  createCertificateAuthority,
  issueCertificate,
  serialNumber,
} from '../../../../adapters/crypto/certificate-authority.js';

describe('the dev certificate authority', () => {
  it('draws serials that always encode as minimal positive DER integers', () => {
    for (let i = 0; i < 10_000; i++) {
      const first = parseInt(serialNumber().slice(0, 2), 16);
      assert.ok(first >= 0x40 && first <= 0x7f, `first byte ${first.toString(16)}`);
    }
  });

  it('issues client certificates OpenSSL parses, with the OIN in subject serialNumber', () => {
    const ca = createCertificateAuthority('Test CA', new Date());
    for (let i = 0; i < 40; i++) {
      const cert = new X509Certificate(
        issueCertificate(ca, {
          commonName: 'P',
          organisation: 'P',
          oin: '00000099000000000003',
          usage: 'client',
          notBefore: new Date(),
          days: 1,
        }).certPem,
      );
      assert.match(cert.subject, /serialNumber=00000099000000000003/);
      assert.ok(cert.checkIssued(new X509Certificate(ca.certPem)), 'the certificate is issued by the CA');
    }
  });
});
