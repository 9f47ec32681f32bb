import type { VerzoekWijziging } from '../../../adapters/store/rechtenverzoek-repository.js';
import type { Caller } from '../../caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { weigeringsgrond } from '../weigeringsgronden.js';
import { auditVerzoek } from './audit-verzoek.js';
import { isAfgesloten, toegestaneOvergangen } from './levenscyclus.js';
import { vindVerzoek } from './vind-verzoek.js';
import { verzoekTekst } from './verzoek-tekst.js';

export interface Overgang {
  naar: 'in-behandeling' | 'afgehandeld' | 'geweigerd' | 'ingetrokken';
  reden: string;
  behandelaar?: string;
  /** For afgehandeld: a code and free text (encrypted). */
  uitkomst?: { code: string; toelichting?: string };
  /** For geweigerd: the ground that refuses the whole request. */
  grond?: string;
}

function uitkomstVan(o: Overgang): { code: string; toelichting?: string } | undefined {
  if (o.naar === 'afgehandeld') {
    if (!o.uitkomst)
      throw new DomainError('invalid-request', 'Afhandelen vraagt een uitkomst.', {
        invalidParams: [{ name: '/uitkomst', reason: 'verplicht bij afgehandeld' }],
      });
    return o.uitkomst;
  }
  if (o.naar === 'geweigerd') {
    const grond = o.grond ? weigeringsgrond(o.grond) : undefined;
    if (!grond)
      throw new DomainError('invalid-request', 'Weigeren vraagt een bekende weigeringsgrond.', {
        invalidParams: [{ name: '/grond', reason: 'verplicht bij geweigerd: een code uit /weigeringsgronden' }],
      });
    return { code: grond.code };
  }
  return undefined;
}

/**
 * Moves a request to its next state, recording who, when and why in the history and the audit trail.
 * A transition the current state does not allow is a conflict that names the allowed ones.
 */
export async function wijzigStatus(deps: UseCaseDeps, caller: Caller, id: string, o: Overgang): Promise<void> {
  const r = await vindVerzoek(deps.store, { alles: true }, id);
  const toegestaan = toegestaneOvergangen(r.status).filter((s) => s !== 'verlengd');
  if (!toegestaan.includes(o.naar))
    throw new DomainError(
      'conflict',
      `Van ${r.status} kan een verzoek niet naar ${o.naar}; wel naar: ${toegestaan.join(', ') || 'geen (afgesloten)'}` +
        (r.status !== 'verlengd' && !isAfgesloten(r.status) ? ' (verlengen via /verlengingen).' : '.'),
    );
  const uitkomst = uitkomstVan(o);
  const now = deps.clock.now();
  const tekst = verzoekTekst(deps.dp, r.id, r.dataSleutel);
  const change: VerzoekWijziging = { status: o.naar };
  if (o.behandelaar) change.behandelaar = o.behandelaar;
  if (uitkomst) {
    change.uitkomstCode = uitkomst.code;
    change.uitkomstVersleuteld = tekst.sluit(uitkomst.toelichting, 'uitkomst');
  }
  if (isAfgesloten(o.naar)) change.afgeslotenOp = now;
  await deps.store.transaction(async (tx) => {
    if (!(await tx.rechtenverzoeken.update(id, r.status, change)))
      throw new DomainError('conflict', 'Het verzoek is intussen gewijzigd; probeer het opnieuw.');
    await tx.rechtenverzoeken.appendGebeurtenis(id, {
      soort: 'overgang',
      vanStatus: r.status,
      naarStatus: o.naar,
      doorPartner: caller.partner.id,
      doorActor: caller.actor.id,
      op: now,
      redenVersleuteld: tekst.sluit(o.reden, 'gebeurtenis'),
    });
    await auditVerzoek(tx, caller, id, `status-${o.naar}`, now);
  });
}
