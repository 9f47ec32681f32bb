import type { Caller } from '../../caller.js';
import type { DisclosureFacts, PendingDisclosure } from '../../disclosure/disclosure-log.js';
import { DomainError } from '../../errors/domain-error.js';
import { isValidBsn } from '../../intake/bsn.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { bouwInzagerapport, type RapportDeps, type RapportVraag } from './bouw-inzagerapport.js';
import type { Inzagerapport, RapportVoor, Weglating } from './inzagerapport-types.js';
import { renderInzagerapport } from './render-inzagerapport.js';

/** Doel of the report's own log entry: answering the person's access request. */
export const RECHTEN_BETROKKENE = 'rechten-betrokkene';

/** The person's records (merged ones too) and the no-hit form the verwijsindex logs, from the BSN only. */
async function recordsOf(deps: Pick<UseCaseDeps, 'store' | 'dp'>, bsn: string): Promise<string[]> {
  if (!isValidBsn(bsn))
    throw new DomainError('invalid-request', 'Geen geldig BSN.', {
      invalidParams: [{ name: '/bsn', reason: 'elfproef klopt niet' }],
    });
  const pseudonym = deps.dp.bsnPseudonym(bsn);
  const known = await deps.store.betrokkenen.findIdByBsnPseudonym(pseudonym);
  return [`bsn:${pseudonym}`, ...(known ? await deps.store.betrokkenen.recordsOfPerson(known) : [])];
}

/**
 * The ZVH privacy officer draws up the report about one person (by BSN in the body).
 */
export async function maakInzagerapport(
  deps: RapportDeps & Pick<UseCaseDeps, 'disclosures'>,
  caller: Caller,
  vraag: { bsn: string; weglatingen?: Weglating[]; voor?: RapportVoor },
  formaat: 'json' | 'html',
  traceId: string,
): Promise<PendingDisclosure<Inzagerapport | string>> {
  const betrokkeneIds = await recordsOf(deps, vraag.bsn);
  return stelInzagerapportOp(
    deps,
    caller,
    {
      betrokkeneIds,
      peildatum: deps.clock.now(),
      weglatingen: vraag.weglatingen ?? [],
      voor: vraag.voor ?? 'betrokkene',
    },
    { formaat, traceId },
  );
}

/**
 * The report holds personal data handed to the officer, so it is a disclosure: logged (doel
 * `rechten-betrokkene`, on the controllers' duty under AVG art. 12 and 15, not a covenant exchange
 * between partners) over the exact bytes that leave.
 */
export async function stelInzagerapportOp(
  deps: RapportDeps & Pick<UseCaseDeps, 'disclosures'>,
  caller: Caller,
  vraag: RapportVraag,
  opties: { formaat: 'json' | 'html'; traceId: string; verzoek?: string },
): Promise<PendingDisclosure<Inzagerapport | string>> {
  const { formaat, traceId } = opties;
  const rapport = await bouwInzagerapport(deps, vraag);
  const facts: DisclosureFacts = {
    soort: 'verstrekking',
    ontvanger: { partner: caller.partner.id, actor: caller.actor },
    bronnen: rapport.bronnen.filter((b) => b.gegevens.length > 0).map((b) => b.partner),
    doel: RECHTEN_BETROKKENE,
    grondslagen: ['avg-art-15'],
    categorieen: [...new Set(rapport.bronnen.flatMap((b) => b.gegevens.map((g) => g.categorie)))].sort(),
    subjectRefs: vraag.betrokkeneIds.map((id) => deps.dp.subjectRef(id)),
    convenant: deps.policy.covenant()?.label ?? 'geen',
    traceId,
    details: {
      formaat,
      voor: rapport.voor,
      verstrekkingen: rapport.verstrekkingen.length,
      ...(opties.verzoek ? { verzoek: opties.verzoek } : {}),
    },
  };
  return {
    body: formaat === 'html' ? renderInzagerapport(rapport) : rapport,
    commit: (bytes) => deps.disclosures.record(facts, bytes),
  };
}
