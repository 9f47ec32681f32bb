import { DomainError } from '../../errors/domain-error.js';
import { finishOidc, startOidc } from '../accounts/oidc.js';
import { cookieOf } from '../cookies.js';
import { startSession } from '../session.js';
import type { PageRequest, WebPage } from '../web-page.js';

/** Binds the flow to this browser; Lax because the provider's redirect back is a cross-site navigation. */
const STATE_COOKIE = '__Host-knooppunt-oidc';

function settingsOf({ deps }: Pick<PageRequest, 'deps'>) {
  const oidc = deps.config.web.oidc;
  if (!oidc) throw new DomainError('not-found', 'Inloggen via uw organisatie is hier niet ingesteld.');
  return oidc;
}

export const oidcStart: WebPage = {
  method: 'GET',
  path: '/inloggen/oidc',
  access: 'public',
  async handle(r) {
    const { url, state } = await startOidc({ ...r.deps.ops.useCases, origin: r.deps.config.web.origin }, settingsOf(r));
    r.res.append('Set-Cookie', `${STATE_COOKIE}=${state}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=600`);
    return { redirect: url };
  },
};

/**
 * The provider sends the browser back here. The session cookie is SameSite=Lax for this sign-in only:
 * a Strict cookie set while arriving cross-site would not go with the redirect to the start page.
 */
export const oidcCallback: WebPage = {
  method: 'GET',
  path: '/inloggen/oidc/terug',
  access: 'public',
  async handle(r) {
    const origin = r.deps.config.web.origin;
    const current = new URL(r.req.originalUrl, origin);
    r.res.append('Set-Cookie', `${STATE_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0`);
    const medewerkerId = await finishOidc(
      { ...r.deps.ops.useCases, origin },
      settingsOf(r),
      current,
      cookieOf(r.req, STATE_COOKIE),
    );
    await startSession(r.req, r.res, r.deps, medewerkerId, 'Lax');
    return { redirect: '/' };
  },
};
