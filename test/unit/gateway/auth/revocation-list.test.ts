import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ensureDevPki } from '../../../../adapters/crypto/dev-pki.js';
import { demoPartners } from '../../../../gateway/bootstrap/demo-partners.js';
import { revocationListFromFile } from '../../../../gateway/auth/revocation-list.js';
import { writeCrl } from '../../../support/bad-credentials.js';

const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-crl-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
const { paths: pki } = ensureDevPki(dataDir, demoPartners, new Date());
const crlFile = join(dataDir, 'ca.crl.pem');
const ca = new X509Certificate(readFileSync(pki.caCert));
const politie = new X509Certificate(readFileSync(pki.partnerCert('politie-demo')));
/** A whole second, as copies that keep times (cp -p, rsync -t, tar) and 1-second file systems give. */
const sameTime = new Date('2026-12-01T08:00:00Z');
const keepTime = () => utimesSync(crlFile, sameTime, sameTime);

describe('a certificate revocation list file', () => {
  it('is read anew when replaced by a file that keeps the old modification time (cp -p, rsync -t, tar)', async () => {
    await writeCrl(pki, [], crlFile, new Date());
    keepTime();
    const list = revocationListFromFile(crlFile, [ca]);
    assert.equal(await list.isRevoked(politie.issuer, politie.serialNumber), false, 'not revoked at first');
    await writeCrl(pki, [{ certPem: politie.toString(), keyPem: '' }], crlFile, new Date());
    keepTime();
    assert.equal(
      await list.isRevoked(politie.issuer, politie.serialNumber),
      true,
      'the new list revokes it, though its file carries the old time',
    );
  });

  it('fails closed when replaced by a file that is not a CRL, whatever its time', async () => {
    await writeCrl(pki, [], crlFile, new Date());
    keepTime();
    const list = revocationListFromFile(crlFile, [ca]);
    assert.equal(await list.isRevoked(politie.issuer, politie.serialNumber), false, 'not revoked at first');
    writeFileSync(crlFile, 'not a crl at all, but of another length');
    keepTime();
    await assert.rejects(list.isRevoked(politie.issuer, politie.serialNumber), /revocation list unavailable/);
  });
  it('fails closed when the list is past its nextUpdate: revocations since then cannot be known', async () => {
    // Made 30 days ago, valid for a week: the CA (or the copy to this host) stopped three weeks ago.
    await writeCrl(pki, [], crlFile, new Date(Date.now() - 30 * 86_400_000));
    const list = revocationListFromFile(crlFile, [ca]);
    await assert.rejects(list.isRevoked(politie.issuer, politie.serialNumber), /revocation list unavailable/);
    await assert.rejects(list.check(), /out of date/, 'and the start-up check says why');
  });
});
