import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importJWK, SignJWT, type JWK } from 'jose';
import { devPkiPaths } from '../../adapters/crypto/dev-pki.js';
import type { Config } from '../config/config-schema.js';
import { UsageError } from './partners-command.js';

export const assertionUsage = `knooppunt assertion --partner <id> [--actor <pseudoniem> --rol <rol>] [--key <jwk.json>]
  prints a client assertion for POST /token, signed with the partner's dev key (data/pki/partners/<id>.assertion-key.json)`;

/** Signs a client assertion the way a partner system would, so integrators can try the token flow by hand. */
export async function assertionCommand(args: string[], config: Config, out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      partner: { type: 'string' },
      actor: { type: 'string' },
      rol: { type: 'string' },
      key: { type: 'string' },
    },
  });
  if (!values.partner || (values.actor === undefined) !== (values.rol === undefined))
    throw new UsageError(assertionUsage);
  const jwk = JSON.parse(
    readFileSync(values.key ?? devPkiPaths(config.dataDir).partnerAssertionKey(values.partner), 'utf8'),
  ) as JWK;
  const key = await importJWK(jwk, jwk.alg ?? 'EdDSA');
  const assertion = await new SignJWT(values.actor ? { act: { sub: values.actor, rol: values.rol } } : {})
    .setProtectedHeader({ alg: jwk.alg ?? 'EdDSA', kid: jwk.kid })
    .setIssuer(values.partner)
    .setSubject(values.partner)
    .setAudience(config.issuer)
    .setIssuedAt()
    .setExpirationTime('2m')
    .setJti(randomUUID())
    .sign(key);
  out(assertion);
  return 0;
}
