import type { Request } from 'express';
import { DomainError } from '../errors/domain-error.js';
import { sameToken } from './secret-token.js';
import type { SignedIn } from './session.js';

/** The CSP of every page: scripts and styles only from files this server serves, no framing, forms only here. */
export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/**
 * A changing request must come from this application: its Origin (or, lacking one, its Referer) must be
 * the configured origin. Browsers send Origin on every POST, so a cross-site form or fetch is refused.
 */
export function requireSameOrigin(req: Request, origin: string): void {
  const from = req.get('origin') ?? originOfReferer(req.get('referer'));
  if (from !== origin) throw new DomainError('forbidden', 'Dit formulier komt niet van Knooppunt.');
}

function originOfReferer(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/** The synchronizer token: every form of a signed-in employee carries its session's CSRF token. */
export function requireCsrfToken(form: Record<string, unknown>, user: SignedIn): void {
  const given = form._csrf;
  if (typeof given !== 'string' || !sameToken(given, user.sessie.csrfToken))
    throw new DomainError('forbidden', 'Het formulier is verlopen of ongeldig. Laad de pagina opnieuw.');
}
