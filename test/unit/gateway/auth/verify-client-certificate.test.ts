import assert from 'node:assert/strict';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import forge from 'node-forge';
import {
  createCertificateAuthority,
  issueCertificate,
  serialNumber,
  type CertificateAuthority,
} from '../../../../adapters/crypto/certificate-authority.js';
import { AuthFailure } from '../../../../gateway/auth/auth-failure.js';
import { verifyClientCertificate } from '../../../../gateway/auth/verify-client-certificate.js';

const now = new Date();
const DAY = 86_400_000;
const OIN = '00000099000000000003';

/** A CA certificate for `name` signed by `parent` (an intermediate), or by itself when no parent is given. */
function caCertificate(name: string, parent?: CertificateAuthority, isCa = true): CertificateAuthority {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - DAY);
  cert.validity.notAfter = new Date(now.getTime() + 30 * DAY);
  const subject = [{ name: 'commonName', value: name }];
  cert.setSubject(subject);
  cert.setIssuer(parent ? parent.cert.subject.attributes : subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: isCa, critical: true },
    { name: 'keyUsage', keyCertSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    ...(parent
      ? [{ name: 'authorityKeyIdentifier', keyIdentifier: parent.cert.generateSubjectKeyIdentifier().getBytes() }]
      : []),
  ]);
  cert.sign(parent?.key ?? key, forge.md.sha256.create());
  return { cert, key, certPem: forge.pki.certificateToPem(cert), keyPem };
}

function clientOf(ca: CertificateAuthority, options: { notBefore?: Date; days?: number } = {}): Buffer {
  const { certPem } = issueCertificate(ca, {
    commonName: 'Politie',
    organisation: 'Politie',
    oin: OIN,
    usage: 'client',
    notBefore: options.notBefore ?? new Date(now.getTime() - DAY),
    days: options.days ?? 30,
  });
  return new X509Certificate(certPem).raw;
}

const x509 = (ca: CertificateAuthority) => new X509Certificate(ca.certPem);

async function refusal(der: Buffer, bundle: CertificateAuthority[]): Promise<string> {
  try {
    await verifyClientCertificate(der, { caBundle: bundle.map(x509) }, now);
  } catch (e) {
    assert.ok(e instanceof AuthFailure, `expected an AuthFailure, got ${String(e)}`);
    return e.reason;
  }
  assert.fail('the certificate was accepted');
}

describe('verifyClientCertificate (chain building by @peculiar/x509)', () => {
  const root = createCertificateAuthority('Knooppunt Test Root', now);
  const intermediate = caCertificate('Knooppunt Test Intermediate', root);

  it('accepts a client certificate issued by a CA of the bundle, with its OIN and fingerprint', async () => {
    const verified = await verifyClientCertificate(clientOf(root), { caBundle: [x509(root)] }, now);
    assert.equal(verified.oin, OIN);
    assert.match(verified.fingerprint, /^[0-9a-f]{64}$/);
  });

  it('accepts one issued by an intermediate when the bundle holds the intermediate and its root', async () => {
    const verified = await verifyClientCertificate(
      clientOf(intermediate),
      { caBundle: [x509(intermediate), x509(root)] },
      now,
    );
    assert.equal(verified.oin, OIN);
  });

  it('refuses one issued by an intermediate when the root is missing from the bundle', async () => {
    assert.equal(await refusal(clientOf(intermediate), [intermediate]), 'certificate-untrusted');
  });

  it('refuses one from another CA', async () => {
    assert.equal(await refusal(clientOf(createCertificateAuthority('Other CA', now)), [root]), 'certificate-untrusted');
  });

  it('refuses one from an impostor CA that copies the trusted CA’s name (key and signature do not match)', async () => {
    const impostor = createCertificateAuthority('Knooppunt Test Root', now);
    assert.equal(await refusal(clientOf(impostor), [root]), 'certificate-untrusted');
  });

  it('refuses one issued by a certificate of the bundle that is not a CA', async () => {
    const notCa = caCertificate('Not a CA', root, false);
    assert.equal(await refusal(clientOf(notCa), [notCa, root]), 'certificate-untrusted');
  });

  it('refuses a CA certificate presented as a client certificate', async () => {
    assert.equal(
      await refusal(new X509Certificate(intermediate.certPem).raw, [intermediate, root]),
      'certificate-untrusted',
    );
  });

  it('refuses an expired and a not-yet-valid certificate that do chain', async () => {
    assert.equal(
      await refusal(clientOf(root, { notBefore: new Date(now.getTime() - 10 * DAY), days: 1 }), [root]),
      'certificate-expired',
    );
    assert.equal(
      await refusal(clientOf(root, { notBefore: new Date(now.getTime() + DAY) }), [root]),
      'certificate-not-yet-valid',
    );
  });

  it('refuses bytes that are no certificate', async () => {
    assert.equal(await refusal(Buffer.from('geen certificaat'), [root]), 'certificate-unparseable');
  });
});
