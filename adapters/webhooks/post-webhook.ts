import { lookup } from 'node:dns/promises';
import { request } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './refuse-private-address.js';

export interface PostWebhookOptions {
  timeoutMs: number;
  /** Loopback and private addresses (tests and development only). */
  allowPrivate: boolean;
  /** Extra trusted CA (a test receiver's self-signed certificate). */
  ca?: string;
}

/** Why a delivery failed, as a short code for the outbox and the audit trail (never the response body). */
export class DeliveryError extends Error {}

async function resolveChecked(host: string, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  const literal = host.replace(/^\[|\]$/g, '');
  const found = isIP(literal)
    ? [{ address: literal, family: isIP(literal) }]
    : await lookup(literal, { all: true }).catch(() => {
        throw new DeliveryError('dns');
      });
  // Every address must be public: a name that also resolves to 127.0.0.1 would otherwise be a way in.
  if (!allowPrivate && found.some((a) => isPrivateAddress(a.address))) throw new DeliveryError('adres-niet-toegestaan');
  return found[0]!;
}

/**
 * POSTs `body` to an https URL and answers the status. Guards against server-side request forgery and
 * slow receivers: https only, no credentials in the URL, the address is resolved once, checked and then
 * connected to (no second lookup an attacker's DNS could answer differently), redirects are not
 * followed (a 3xx is a failure), the response body is discarded unread, and the whole exchange has a
 * deadline.
 */
export async function postWebhook(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
  options: PostWebhookOptions,
): Promise<number> {
  const target = new URL(url);
  if (target.protocol !== 'https:' || target.username || target.password)
    throw new DeliveryError('url-niet-toegestaan');
  const checked = await resolveChecked(target.hostname, options.allowPrivate);
  const pinned: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all)
      (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [checked]);
    else cb(null, checked.address, checked.family);
  };
  return new Promise<number>((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(body.length) },
        lookup: pinned,
        ca: options.ca,
        timeout: options.timeoutMs,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (res) => {
        res.resume();
        res.destroy();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy(new DeliveryError('timeout')));
    req.on('error', (e) =>
      reject(e instanceof DeliveryError ? e : new DeliveryError(e.name === 'AbortError' ? 'timeout' : 'verbinding')),
    );
    req.end(body);
  });
}
