import { randomUUID } from 'node:crypto';
import { inviteMedewerker } from '../../gateway/web/accounts/invite-medewerker.js';
import { SESSION_COOKIE } from '../../gateway/web/cookies.js';
import { newToken, tokenHash } from '../../gateway/web/secret-token.js';
import type { TestApp } from './test-app.js';

/** A signed-in employee for HTTP tests of the web pages: its cookie header, CSRF token and ids. */
let made = 0;

export interface WebSession {
  cookie: string;
  csrf: string;
  medewerkerId: string;
  sessieId: string;
}

/**
 * Creates an employee of `partnerId` in `rol` and a session for it, as a passkey sign-in would (the
 * browser tests do the real sign-in; HTTP tests need only the session it leaves).
 */
export async function webSessionFor(
  t: TestApp,
  partnerId: string,
  rol: string,
  naam = `${rol} ${++made}`,
): Promise<WebSession> {
  const store = t.db.store;
  const { medewerkerId } = await inviteMedewerker({ store, clock: t.clock }, { partnerId, rol, pseudoniem: naam });
  const token = newToken();
  const csrf = newToken();
  const sessieId = randomUUID();
  await store.sessies.create(
    { id: sessieId, tokenHash: tokenHash(token), medewerkerId, csrfToken: csrf },
    t.clock.now(),
  );
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf, medewerkerId, sessieId };
}
