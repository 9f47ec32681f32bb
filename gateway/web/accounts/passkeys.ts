import { randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { tokenHash } from '../secret-token.js';

type Transports = NonNullable<Parameters<typeof verifyAuthenticationResponse>[0]['credential']['transports']>;
type Deps = Pick<UseCaseDeps, 'store' | 'clock'> & { origin: string };

const CHALLENGE_TTL_MS = 5 * 60_000;
const refused = () => new DomainError('unauthenticated', 'Inloggen met deze passkey lukte niet. Probeer het opnieuw.');
const rpIdOf = (origin: string) => new URL(origin).hostname;

async function keepChallenge(deps: Deps, doel: string, waarde: string, gegevens = ''): Promise<string> {
  const id = randomUUID();
  const verlooptOp = new Date(deps.clock.now().getTime() + CHALLENGE_TTL_MS);
  await deps.store.medewerkers.putChallenge({ id, doel, waarde, gegevens, verlooptOp });
  return id;
}

/** Options to create a passkey for the employee an unused, unexpired invitation names. */
export async function registrationOptions(deps: Deps, invitationToken: string) {
  const medewerkerId = await deps.store.medewerkers.invitationHolder(tokenHash(invitationToken), deps.clock.now());
  const medewerker = medewerkerId ? await deps.store.medewerkers.byId(medewerkerId) : null;
  if (!medewerker) throw new DomainError('not-found', 'Deze uitnodiging is onbekend, al gebruikt of verlopen.');
  const options = await generateRegistrationOptions({
    rpName: 'Knooppunt',
    rpID: rpIdOf(deps.origin),
    userName: medewerker.pseudoniem,
    userID: new TextEncoder().encode(medewerker.id),
    attestationType: 'none',
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  return { options, challengeId: await keepChallenge(deps, 'registratie', options.challenge, medewerker.id) };
}

/** Checks the new passkey, uses up the invitation and stores the key; returns the employee to sign in. */
export async function registerPasskey(
  deps: Deps,
  input: { invitationToken: string; challengeId: string; response: RegistrationResponseJSON },
): Promise<string> {
  const challenge = await deps.store.medewerkers.takeChallenge(input.challengeId, 'registratie', deps.clock.now());
  if (!challenge) throw refused();
  const verified = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge.waarde,
    expectedOrigin: deps.origin,
    expectedRPID: rpIdOf(deps.origin),
    requireUserVerification: true,
  }).catch(() => undefined);
  if (!verified?.verified || !verified.registrationInfo) throw refused();
  const medewerkerId = await deps.store.medewerkers.redeemInvitation(
    tokenHash(input.invitationToken),
    deps.clock.now(),
  );
  if (medewerkerId !== challenge.gegevens)
    throw new DomainError('not-found', 'Deze uitnodiging is onbekend, al gebruikt of verlopen.');
  const { credential } = verified.registrationInfo;
  await deps.store.medewerkers.addPasskey(
    {
      id: credential.id,
      medewerkerId,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      teller: credential.counter,
      transports: (credential.transports ?? []).join(','),
    },
    deps.clock.now(),
  );
  return medewerkerId;
}

/** Options to sign in with any passkey of this site (discoverable credentials: no user name to type). */
export async function authenticationOptions(deps: Deps) {
  const options = await generateAuthenticationOptions({ rpID: rpIdOf(deps.origin), userVerification: 'required' });
  return { options, challengeId: await keepChallenge(deps, 'inloggen', options.challenge) };
}

/** Checks a passkey assertion; returns the employee it belongs to. */
export async function authenticate(
  deps: Deps,
  input: { challengeId: string; response: AuthenticationResponseJSON },
): Promise<string> {
  const challenge = await deps.store.medewerkers.takeChallenge(input.challengeId, 'inloggen', deps.clock.now());
  const passkey =
    typeof input.response?.id === 'string' ? await deps.store.medewerkers.passkey(input.response.id) : null;
  if (!challenge || !passkey) throw refused();
  const verified = await verifyAuthenticationResponse({
    response: input.response,
    expectedChallenge: challenge.waarde,
    expectedOrigin: deps.origin,
    expectedRPID: rpIdOf(deps.origin),
    requireUserVerification: true,
    credential: {
      id: passkey.id,
      publicKey: Buffer.from(passkey.publicKey, 'base64url'),
      counter: passkey.teller,
      transports: passkey.transports ? (passkey.transports.split(',') as Transports) : undefined,
    },
  }).catch(() => undefined);
  if (!verified?.verified) throw refused();
  await deps.store.medewerkers.setCounter(passkey.id, verified.authenticationInfo.newCounter);
  return passkey.medewerkerId;
}
