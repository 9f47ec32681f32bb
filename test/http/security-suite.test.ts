import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { loadGatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import { partnerRepository } from '../../adapters/store/partner-repository.js';
import { issueAccessToken } from '../../gateway/auth/access-token.js';
import { systemActor } from '../../gateway/auth/actor.js';
import { keyPaths } from '../../gateway/bootstrap/key-paths.js';
import { loadContract } from '../../openapi/load-contract.js';
import {
  type BadCertificates,
  hmacWithPublicKey,
  makeBadCertificates,
  unsignedToken,
  writeCrl,
} from '../support/bad-credentials.js';
import { httpsCall, type HttpsCallOptions } from '../support/https-call.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The shared security suite: every operation the contract protects is called with each kind of bad
 * credential over real TLS, and must answer a clean 401/403 problem — never 2xx, never 5xx. New
 * operations are covered the moment they enter the contract.
 */
let bad: BadCertificates;
const t = useTestApp({
  https: true,
  prepare: async ({ dataDir, pki, db }) => {
    bad = await makeBadCertificates(pki, db.store, new Date());
    const crl = join(dataDir, 'revoked.crl.pem');
    await writeCrl(pki, [bad.revoked], crl, new Date());
    await partnerRepository(db.store.db).setStatus('woningcorporatie-demo', 'geschorst');
    return { KNOOPPUNT_CRL_FILE: crl };
  },
});

const cert = (id: string) => ({ cert: readFileSync(t.pki.partnerCert(id)), key: readFileSync(t.pki.partnerKey(id)) });
const keys = () => loadGatewayKeys(keyPaths(t.dataDir).gatewaySigning, t.clock.now());
const baseClaims = () => ({
  iss: t.config.issuer,
  aud: t.config.issuer,
  sub: 'politie-demo',
  exp: Math.floor(Date.now() / 1000) + 300,
});

async function gatewaySigned(claims: Record<string, unknown>): Promise<string> {
  const { kid, key } = (await keys()).signing();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .sign(key);
}

interface BadCase {
  name: string;
  status: 401 | 403;
  options: () => Promise<Partial<HttpsCallOptions>>;
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const badCases: BadCase[] = [
  { name: 'no certificate and no token', status: 401, options: async () => ({}) },
  {
    name: 'a self-signed certificate',
    status: 401,
    options: async () => ({ cert: bad.selfSigned.certPem, key: bad.selfSigned.keyPem }),
  },
  {
    name: 'a certificate from an unknown CA',
    status: 401,
    options: async () => ({ cert: bad.unknownCa.certPem, key: bad.unknownCa.keyPem }),
  },
  {
    name: 'an expired certificate',
    status: 401,
    options: async () => ({ cert: bad.expired.certPem, key: bad.expired.keyPem }),
  },
  {
    name: 'a certificate not yet valid',
    status: 401,
    options: async () => ({ cert: bad.notYetValid.certPem, key: bad.notYetValid.keyPem }),
  },
  {
    name: 'a revoked certificate (CRL)',
    status: 401,
    options: async () => ({ cert: bad.revoked.certPem, key: bad.revoked.keyPem }),
  },
  {
    name: 'a valid but unregistered certificate',
    status: 401,
    options: async () => ({ cert: bad.unregistered.certPem, key: bad.unregistered.keyPem }),
  },
  { name: 'the certificate of a suspended partner', status: 403, options: async () => cert('woningcorporatie-demo') },
  {
    name: "partner A's certificate with partner B's token",
    status: 401,
    options: async () => ({
      ...cert('politie-demo'),
      ...bearer(
        await issueAccessToken(await keys(), t.config.issuer, t.clock, 300, {
          partnerId: 'om-demo',
          actor: systemActor,
        }),
      ),
    }),
  },
  {
    name: 'an expired token',
    status: 401,
    options: async () =>
      bearer(
        await issueAccessToken(await keys(), t.config.issuer, { now: () => new Date(Date.now() - 3_600_000) }, 60, {
          partnerId: 'politie-demo',
          actor: systemActor,
        }),
      ),
  },
  { name: 'a token with alg none', status: 401, options: async () => bearer(unsignedToken(baseClaims())) },
  {
    name: 'an HS256 token keyed with the public key',
    status: 401,
    options: async () => bearer(await hmacWithPublicKey(baseClaims(), String((await keys()).jwks().keys[0]!.x))),
  },
  {
    name: 'a token for another audience',
    status: 401,
    options: async () => bearer(await gatewaySigned({ ...baseClaims(), aud: 'https://elders.example/api/v1' })),
  },
  {
    name: "a partner's own assertion used as a token",
    status: 401,
    options: async () => bearer(await t.assertion('politie-demo')),
  },
  {
    name: 'a token over 8 KB',
    status: 401,
    options: async () => bearer(await gatewaySigned({ ...baseClaims(), pad: 'x'.repeat(9000) })),
  },
  {
    name: 'a garbage Authorization header',
    status: 401,
    options: async () => ({ headers: { authorization: 'Bearer !!!not-a-jwt' } }),
  },
  {
    name: 'Basic credentials',
    status: 401,
    options: async () => ({ headers: { authorization: 'Basic cG9saXRpZTpnZWhlaW0=' } }),
  },
  {
    name: 'a forwarded-certificate header from an untrusted peer',
    status: 401,
    options: async () => ({
      headers: { 'x-ssl-client-cert': encodeURIComponent(readFileSync(t.pki.partnerCert('politie-demo'), 'utf8')) },
    }),
  },
];

function concretePath(template: string): string {
  const values: Record<string, string> = { partnerId: 'politie-demo', fingerprint: 'a'.repeat(64), kid: 'k1' };
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? 'onbekend');
}

const protectedOperations = loadContract().operations.filter((op) => !op.public);

describe('the shared security suite', () => {
  it('covers every protected operation of the contract', () => {
    assert.ok(protectedOperations.length >= 9, `only ${protectedOperations.length} protected operations found`);
  });

  for (const op of protectedOperations) {
    describe(`${op.method} ${op.template}`, () => {
      const call = async (extra: Partial<HttpsCallOptions>) => {
        const withBody = ['POST', 'PATCH', 'PUT'].includes(op.method);
        return httpsCall(`${t.url}${concretePath(op.template)}`, {
          ca: readFileSync(t.pki.caCert),
          method: op.method,
          ...extra,
          headers: {
            accept: 'application/json',
            ...(withBody ? { 'content-type': 'application/json' } : {}),
            ...extra.headers,
          },
          body: withBody ? '{}' : undefined,
        });
      };

      for (const c of badCases) {
        it(`refuses ${c.name} with ${c.status}`, async () => {
          const res = await call(await c.options());
          assert.equal(res.status, c.status, res.body);
          assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
          assert.equal(res.json().code, c.status === 401 ? 'unauthenticated' : 'forbidden');
        });
      }

      it('lets a valid, active partner certificate past authentication (the control)', async () => {
        const res = await call(cert('politie-demo'));
        assert.ok(![401, 500].includes(res.status), `got ${res.status}: ${res.body}`);
      });
    });
  }

  it('recorded every refusal as a security event with its reason', async () => {
    const reasons = new Set(
      (await t.db.store.db.auditEvent.findMany({ where: { soort: 'beveiliging' } })).map((e) => e.reden),
    );
    for (const reason of [
      'no-credentials',
      'certificate-untrusted',
      'certificate-expired',
      'certificate-not-yet-valid',
      'certificate-revoked',
      'certificate-unregistered',
      'partner-suspended',
      'token-partner-mismatch',
      'token-expired',
      'token-invalid',
      'token-too-large',
      'token-malformed',
      'forwarded-certificate-untrusted-peer',
    ]) {
      assert.ok(reasons.has(reason), `no security event for ${reason}`);
    }
  });

  it('never wrote a token or certificate to the log', () => {
    const log = t.logLines().join('\n');
    assert.doesNotMatch(log, /eyJ[A-Za-z0-9_-]{10,}/);
    assert.doesNotMatch(log, /BEGIN CERTIFICATE|MII[A-Za-z0-9+/]{20}/);
  });
});
