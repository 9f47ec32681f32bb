import type { Request, Response } from 'express';

/** The session cookie: `__Host-` so it is bound to this origin, sent over HTTPS only, never readable by script. */
export const SESSION_COOKIE = '__Host-knooppunt-sessie';

/** The value of one cookie of the request, if present. */
export function cookieOf(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function setSessionCookie(res: Response, value: string, sameSite: 'Strict' | 'Lax' = 'Strict'): void {
  res.append('Set-Cookie', `${SESSION_COOKIE}=${value}; Path=/; Secure; HttpOnly; SameSite=${sameSite}`);
}

export function clearSessionCookie(res: Response): void {
  res.append('Set-Cookie', `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0`);
}
