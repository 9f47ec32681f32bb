import type { Response } from 'express';
import { receiptJson, type PendingDisclosure } from '../disclosure/disclosure-log.js';
import type { AnyReply } from '../operations/operation.js';

/**
 * Sends a disclosure so that its log entry commits to exactly the bytes that leave. The body goes
 * through `res.json`, so the contract validator checks it first; Express serialises it once; those
 * bytes are held back until the ledger has committed their SHA-256, then exactly they are sent, with
 * the receipt in the `Ontvangstbewijs` header (it cannot be inside the bytes it commits to).
 */
async function sendDisclosure(res: Response, pending: PendingDisclosure): Promise<void> {
  const send = res.send;
  let serialised: string | undefined;
  res.send = function hold(this: Response, body?: unknown) {
    // A refusal by the validator sends its problem answer through here: that one passes straight on.
    if (this.statusCode !== 200 || serialised !== undefined || typeof body !== 'string') return send.call(this, body);
    serialised = body;
    return this;
  };
  try {
    res.status(200).json(pending.body);
  } finally {
    res.send = send;
  }
  if (serialised === undefined) return;
  const bytes = Buffer.from(serialised, 'utf8');
  const receipt = await pending.commit(bytes);
  res.setHeader('Ontvangstbewijs', JSON.stringify(receiptJson(receipt)));
  res.type('application/json; charset=utf-8').send(bytes);
}

/**
 * A disclosure rendered as an HTML document: the same rule, log the exact bytes before they leave. The
 * document has no script and no external resource; the policy header says so to the browser too.
 */
async function sendHtmlDisclosure(res: Response, pending: PendingDisclosure): Promise<void> {
  const bytes = Buffer.from(String(pending.body), 'utf8');
  const receipt = await pending.commit(bytes);
  res.setHeader('Ontvangstbewijs', JSON.stringify(receiptJson(receipt)));
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  res.status(200).type('text/html; charset=utf-8').send(bytes);
}

/** Sends what a handler answered: JSON, a download, a replayed stored answer, or a logged disclosure. */
export async function sendReply(res: Response, reply: AnyReply): Promise<void> {
  if ('disclosure' in reply)
    return reply.as === 'html' ? sendHtmlDisclosure(res, reply.disclosure) : sendDisclosure(res, reply.disclosure);
  if ('stored' in reply) {
    if (reply.stored.location) res.location(reply.stored.location);
    res.status(reply.stored.status).json(reply.stored.body);
    return;
  }
  if ('attachment' in reply) {
    res.status(reply.status).attachment(reply.filename);
    if ('text' in reply.attachment) res.type(reply.attachment.type).send(reply.attachment.text);
    else res.json(reply.attachment.json);
    return;
  }
  if (reply.location) res.location(reply.location);
  if ('headers' in reply && reply.headers) res.set(reply.headers);
  res.status(reply.status);
  if ('body' in reply) res.json(reply.body);
  else res.end();
}
