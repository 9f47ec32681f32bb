import type { GatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import type { Repositories } from '../../adapters/store/repositories.js';
import type { UitgaandRecord } from '../../adapters/store/uitgaand-repository.js';
import { DeliveryError, postWebhook, type PostWebhookOptions } from '../../adapters/webhooks/post-webhook.js';
import { backoffMs } from './backoff.js';
import { SIGNATURE_HEADER, signMelding } from './sign-melding.js';

export interface DeliveryDeps {
  store: Repositories;
  keys: GatewayKeys;
  maxAttempts: number;
  post: PostWebhookOptions;
  random?: () => number;
}

export interface DeliveryRound {
  afgeleverd: number;
  mislukt: number;
  dood: number;
}

/** The body a partner receives: ids and codes only (checked when the event was placed). */
function bodyOf(u: UitgaandRecord): Buffer {
  return Buffer.from(
    JSON.stringify({
      id: u.id,
      soort: u.soort,
      partner: u.partnerId,
      casus: u.casusId,
      data: JSON.parse(u.data) as unknown,
      aangemaaktOp: u.aangemaaktOp.toISOString(),
    }),
  );
}

async function attempt(deps: DeliveryDeps, u: UitgaandRecord, url: string, now: Date): Promise<string | null> {
  const body = bodyOf(u);
  try {
    const status = await postWebhook(
      url,
      body,
      {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: await signMelding(deps.keys, body, u.id, now),
        'Knooppunt-Melding-Id': u.id,
      },
      deps.post,
    );
    return status >= 200 && status < 300 ? null : `status-${status}`;
  } catch (err) {
    return err instanceof DeliveryError ? err.message : 'fout';
  }
}

/**
 * One round of the outbox: every due event is POSTed with a detached JWS to its partner's endpoint;
 * a failure waits (exponential backoff with jitter) and after `maxAttempts` becomes a dead letter.
 * Every attempt goes to the audit trail (ids and a reason code). Call it from a job or a timer.
 */
export async function deliverMeldingen(deps: DeliveryDeps, now: Date, batch = 50): Promise<DeliveryRound> {
  const round: DeliveryRound = { afgeleverd: 0, mislukt: 0, dood: 0 };
  for (const u of await deps.store.uitgaand.due(now, batch)) {
    const sub = await deps.store.webhooks.find(u.partnerId);
    if (!sub || !(JSON.parse(sub.soorten) as string[]).includes(u.soort)) {
      await deps.store.uitgaand.markWithoutSubscription(u.id);
      continue;
    }
    // A lease: another worker skips the event while this attempt runs.
    const lease = new Date(now.getTime() + 2 * deps.post.timeoutMs);
    if (!(await deps.store.uitgaand.claim(u.id, u.pogingen, lease))) continue;
    const fout = await attempt(deps, u, sub.url, now);
    const poging = u.pogingen + 1;
    const status = fout === null ? 'afgeleverd' : poging >= deps.maxAttempts ? 'dood' : 'wachtend';
    await deps.store.uitgaand.recordAttempt(u.id, u.pogingen, {
      status,
      laatsteFout: fout,
      afgeleverdOp: fout === null ? now : null,
      volgendePoging: new Date(now.getTime() + backoffMs(poging, deps.random)),
    });
    await deps.store.audit.record(
      {
        soort: 'webhook-aflevering',
        reden: fout ?? 'afgeleverd',
        partnerId: u.partnerId,
        details: JSON.stringify({ melding: u.id, soort: u.soort, poging, status }),
      },
      now,
    );
    if (status === 'afgeleverd') round.afgeleverd++;
    else if (status === 'dood') round.dood++;
    else round.mislukt++;
  }
  return round;
}
