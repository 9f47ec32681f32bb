import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeCrl } from '../support/bad-credentials.js';
import { httpsCall } from '../support/https-call.js';
import { useTestApp } from '../support/test-app.js';

let crlFile = '';
const t = useTestApp({
  https: true,
  prepare: async ({ dataDir, pki }) => {
    crlFile = join(dataDir, 'ca.crl.pem');
    await writeCrl(pki, [], crlFile, new Date());
    // A minute: far longer than the test waits, so only noticing the new CRL can make the refusal timely.
    return { KNOOPPUNT_CRL_FILE: crlFile, KNOOPPUNT_IDENTITY_CACHE_SECONDS: '60' };
  },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const asPolitie = () => ({
  ca: readFileSync(t.pki.caCert),
  cert: readFileSync(t.pki.partnerCert('politie-demo')),
  key: readFileSync(t.pki.partnerKey('politie-demo')),
});

describe('a new certificate revocation list', () => {
  it('refuses a certificate it revokes within seconds, though the certificate was verified and cached before', async () => {
    const whoAmI = () => httpsCall(`${t.url}/partners/ik`, { ...asPolitie(), headers: { accept: 'application/json' } });
    assert.equal((await whoAmI()).status, 200, 'accepted, and now in the identity cache for a minute');
    await writeCrl(
      t.pki,
      [{ certPem: readFileSync(t.pki.partnerCert('politie-demo'), 'utf8'), keyPem: '' }],
      crlFile,
      new Date(),
    );
    let last = 200;
    for (let waited = 0; waited < 15_000 && last === 200; waited += 250) {
      await sleep(250);
      last = (await whoAmI()).status;
    }
    assert.ok(
      [401, 403].includes(last),
      `the revoked certificate is refused well before the cache expires, not ${last}`,
    );
  });
});
