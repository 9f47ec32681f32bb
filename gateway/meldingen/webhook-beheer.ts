import type { RepositoryStore } from '../../adapters/store/repositories.js';
import type { Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors/domain-error.js';
import type { MeldingSoort } from './meldingen.js';

export interface Abonnement {
  url: string;
  soorten: MeldingSoort[];
}

/** A partner sets its own endpoint; the change is in the audit trail (the URL is not personal data). */
export async function saveAbonnement(
  deps: { store: RepositoryStore; clock: Clock },
  caller: Caller,
  a: Abonnement,
): Promise<Abonnement> {
  const url = new URL(a.url);
  if (url.protocol !== 'https:' || url.username || url.password)
    throw new DomainError('invalid-request', 'Alleen https zonder inloggegevens', {
      invalidParams: [{ name: 'url', reason: 'https-URL zonder gebruikersnaam of wachtwoord' }],
    });
  const now = deps.clock.now();
  const soorten = [...new Set(a.soorten)].sort();
  await deps.store.transaction(async (tx) => {
    await tx.webhooks.save({
      partnerId: caller.partner.id,
      url: url.href,
      soorten: JSON.stringify(soorten),
      gewijzigdOp: now,
    });
    await tx.audit.record(
      { soort: 'webhook-abonnement', reden: 'gewijzigd', partnerId: caller.partner.id, actor: caller.actor.id },
      now,
    );
  });
  return { url: url.href, soorten: soorten as MeldingSoort[] };
}

/** The beheerder's view of undeliverable events: ids, codes and counts. */
export async function dodeBrieven(store: RepositoryStore) {
  return (await store.uitgaand.deadLetters()).map((u) => ({
    id: u.id,
    partner: u.partnerId,
    soort: u.soort,
    casus: u.casusId,
    pogingen: u.pogingen,
    laatsteFout: u.laatsteFout,
    aangemaaktOp: u.aangemaaktOp.toISOString(),
  }));
}

/** Puts a dead letter back in the queue; a missing one (or one not dead) is not found. */
export async function replayDodeBrief(
  deps: { store: RepositoryStore; clock: Clock },
  caller: Caller,
  id: string,
): Promise<void> {
  const now = deps.clock.now();
  if (!(await deps.store.uitgaand.requeue(id, now))) throw new DomainError('not-found', 'Geen dode brief met dit id');
  await deps.store.audit.record(
    {
      soort: 'webhook-opnieuw',
      reden: 'beheerder',
      partnerId: caller.partner.id,
      actor: caller.actor.id,
      details: JSON.stringify({ melding: id }),
    },
    now,
  );
}

/** Every partner's subscription, for the beheerder (URLs and soorten: no personal data). */
export async function alleAbonnementen(store: RepositoryStore) {
  return (await store.webhooks.list()).map((a) => ({
    partner: a.partnerId,
    url: a.url,
    soorten: JSON.parse(a.soorten) as string[],
    gewijzigdOp: a.gewijzigdOp.toISOString(),
  }));
}
