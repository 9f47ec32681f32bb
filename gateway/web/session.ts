import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { MedewerkerRecord } from '../../adapters/store/medewerker-repository.js';
import type { PartnerRecord } from '../../adapters/store/partner-repository.js';
import type { SessieRecord } from '../../adapters/store/sessie-repository.js';
import type { CallerIdentity } from '../auth/identify-caller.js';
import { clearSessionCookie, cookieOf, SESSION_COOKIE, setSessionCookie } from './cookies.js';
import { newToken, tokenHash } from './secret-token.js';
import type { WebDeps } from './web-deps.js';
import { actorRolOf, isWebRol, type WebRol } from './web-roles.js';

/** A signed-in employee: the session, who it is, its partner and role, and the caller the use cases see. */
export interface SignedIn {
  sessie: SessieRecord;
  medewerker: MedewerkerRecord;
  partner: PartnerRecord;
  rol: WebRol;
  caller: CallerIdentity;
}

/**
 * The session of this request, or undefined: unknown, ended, idle too long, too old, or its employee
 * or partner no longer active. A live session is touched, which moves its idle deadline.
 */
export async function currentSession(req: Request, deps: WebDeps): Promise<SignedIn | undefined> {
  const token = cookieOf(req, SESSION_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const { store, clock } = deps.ops.useCases;
  const sessie = await store.sessies.byTokenHash(tokenHash(token));
  if (!sessie || sessie.beeindigdOp) return undefined;
  const now = clock.now().getTime();
  if (now - sessie.laatstGebruiktOp.getTime() > deps.config.web.sessionIdleMs) return undefined;
  if (now - sessie.aangemaaktOp.getTime() > deps.config.web.sessionMaxMs) return undefined;
  const medewerker = await store.medewerkers.byId(sessie.medewerkerId);
  if (!medewerker || medewerker.status !== 'actief' || !isWebRol(medewerker.rol)) return undefined;
  const partner = await store.partners.findById(medewerker.partnerId);
  if (!partner || partner.status !== 'actief') return undefined;
  await store.sessies.touch(sessie.id, clock.now());
  const actor = { id: medewerker.id, rol: actorRolOf(medewerker.rol) };
  return { sessie, medewerker, partner, rol: medewerker.rol, caller: { partner, actor } };
}

/**
 * Signs an employee in: always a new session with a new random id (a cookie planted before sign-in is
 * never promoted: no session fixation), and any session the browser held before is ended.
 */
export async function startSession(
  req: Request,
  res: Response,
  deps: WebDeps,
  medewerkerId: string,
  sameSite: 'Strict' | 'Lax' = 'Strict',
): Promise<void> {
  const { store, clock } = deps.ops.useCases;
  const previous = cookieOf(req, SESSION_COOKIE);
  if (previous) {
    const old = await store.sessies.byTokenHash(tokenHash(previous));
    if (old) await store.sessies.end(old.id, clock.now());
  }
  const token = newToken();
  await store.sessies.create(
    { id: randomUUID(), tokenHash: tokenHash(token), medewerkerId, csrfToken: newToken() },
    clock.now(),
  );
  setSessionCookie(res, token, sameSite);
}

/** Ends this session (or, with `everywhere`, every session of the employee) and clears the cookie. */
export async function endSession(res: Response, deps: WebDeps, signedIn: SignedIn, everywhere: boolean): Promise<void> {
  const { store, clock } = deps.ops.useCases;
  if (everywhere) await store.sessies.endAllOf(signedIn.medewerker.id, clock.now());
  else await store.sessies.end(signedIn.sessie.id, clock.now());
  clearSessionCookie(res);
}
