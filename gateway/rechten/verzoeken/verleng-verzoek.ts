import type { Caller } from '../../caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { UseCaseDeps } from '../../use-case-deps.js';
import { amsterdamDatum } from '../termijnen/kalender.js';
import type { VerzoekSoort } from '../termijnen/regimes.js';
import { weigeringVanVerlenging, type VerlengingWeigering } from '../termijnen/verlenging.js';
import { auditVerzoek } from './audit-verzoek.js';
import { toegestaneOvergangen } from './levenscyclus.js';
import { vindVerzoek } from './vind-verzoek.js';
import { regimesVan, termijnVan } from './verzoek-termijn.js';
import { verzoekTekst } from './verzoek-tekst.js';

const uitleg = (w: VerlengingWeigering): string => {
  switch (w.code) {
    case 'reden-ontbreekt':
      return 'Een verlenging vraagt een reden (AVG art. 12 lid 3).';
    case 'te-lang':
      return `Een verlenging is hoogstens ${w.maximum} maanden (AVG art. 12 lid 3).`;
    case 'te-laat':
      return `Verlengen kan alleen binnen de eerste termijn, tot en met ${w.uiterlijk} (AVG art. 12 lid 3).`;
    case 'al-verlengd':
      return 'Dit verzoek is al verlengd.';
    case 'niet-verlengbaar':
      return 'Geen regime van dit verzoek staat een verlenging toe.';
  }
};

/** Extends the term of a request (AVG art. 12 lid 3): with reasons, within the first month, once. */
export async function verlengVerzoek(
  deps: UseCaseDeps,
  caller: Caller,
  id: string,
  v: { maanden: number; reden: string },
): Promise<void> {
  const r = await vindVerzoek(deps.store, { alles: true }, id);
  if (!toegestaneOvergangen(r.status).includes('verlengd'))
    throw new DomainError('conflict', `Een verzoek dat ${r.status} is kan niet verlengd worden.`);
  const now = deps.clock.now();
  const weigering = weigeringVanVerlenging({
    ontvangen: r.ontvangstdatum,
    soort: r.soort as VerzoekSoort,
    regimes: regimesVan(r),
    op: amsterdamDatum(now),
    maanden: v.maanden,
    reden: v.reden,
    alVerlengd: r.verlengingMaanden > 0,
  });
  if (weigering)
    throw new DomainError(weigering.code === 'te-laat' ? 'conflict' : 'invalid-request', uitleg(weigering));
  const termijn = termijnVan({ ...r, verlengingMaanden: v.maanden });
  const tekst = verzoekTekst(deps.dp, r.id, r.dataSleutel);
  await deps.store.transaction(async (tx) => {
    const ok = await tx.rechtenverzoeken.update(id, r.status, {
      status: 'verlengd',
      verlengingMaanden: v.maanden,
      uiterlijkOp: termijn.uiterlijk,
      bepalendRegime: termijn.bepalendRegime,
    });
    if (!ok) throw new DomainError('conflict', 'Het verzoek is intussen gewijzigd; probeer het opnieuw.');
    await tx.rechtenverzoeken.appendGebeurtenis(id, {
      soort: 'verlenging',
      vanStatus: r.status,
      naarStatus: 'verlengd',
      doorPartner: caller.partner.id,
      doorActor: caller.actor.id,
      op: now,
      redenVersleuteld: tekst.sluit(v.reden, 'gebeurtenis'),
    });
    await auditVerzoek(tx, caller, id, 'verlengd', now);
  });
}
