import type { Caller } from '../../caller.js';
import type { PendingDisclosure } from '../../disclosure/disclosure-log.js';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import type { RapportDeps } from '../rapport/bouw-inzagerapport.js';
import type { Inzagerapport, RapportVoor } from '../rapport/inzagerapport-types.js';
import { stelInzagerapportOp } from '../rapport/maak-inzagerapport.js';
import { persoonVanVerzoek } from './persoon-van-verzoek.js';
import { verzoekScopeOf } from './verzoek-scope.js';
import { vindVerzoek } from './vind-verzoek.js';
import { weglatingenVan } from './weglatingen-van.js';

/**
 * The access report that answers an inzage request: about the request's person (every record, and the
 * `bsn:<pseudonym>` form the verwijsindex logs no-hits under), without the items the officer withheld,
 * and with the Wpg look-back counted from the day the request was received (Wpg art. 25).
 */
export async function inzagerapportVanVerzoek(
  deps: RapportDeps & Pick<UseCaseDeps, 'disclosures'>,
  caller: Caller,
  verzoekId: string,
  opties: { voor: RapportVoor; formaat: 'json' | 'html'; traceId: string },
): Promise<PendingDisclosure<Inzagerapport | string>> {
  const verzoek = await vindVerzoek(deps.store, verzoekScopeOf(caller), verzoekId);
  if (verzoek.soort !== 'inzage')
    throw new DomainError(
      'conflict',
      `Een inzagerapport hoort bij een inzageverzoek; dit is een ${verzoek.soort}verzoek.`,
    );
  const persoon = await persoonVanVerzoek(deps.store, verzoek.bsnPseudoniem);
  const weglatingen = await weglatingenVan(deps, verzoekId);
  return stelInzagerapportOp(
    deps,
    caller,
    {
      betrokkeneIds: [`bsn:${verzoek.bsnPseudoniem}`, ...persoon.betrokkenen],
      peildatum: deps.clock.now(),
      ontvangen: new Date(`${verzoek.ontvangstdatum}T00:00:00Z`),
      weglatingen,
      voor: opties.voor,
    },
    { formaat: opties.formaat, traceId: opties.traceId, verzoek: verzoek.id },
  );
}
