import { randomUUID } from 'node:crypto';
import { casusSleutel } from '../cases/casus-sleutel.js';
import { DomainError } from '../errors/domain-error.js';
import type { UseCaseDeps } from '../use-case-deps.js';

type Deps = Pick<UseCaseDeps, 'store' | 'clock' | 'meldingen' | 'dp'>;

/**
 * The minutes of one agenda item and the agreements made, encrypted under the casus' key. An agreement
 * may have an owner: an invited partner, who hears of it (ids only).
 */
export async function recordNotulen(
  deps: Deps,
  overlegId: string,
  agendapuntId: string,
  vraag: { notulen: string; afspraken?: { tekst: string; eigenaar?: string; deadline?: string }[] },
) {
  const { store, dp } = deps;
  const punt = await store.overleggen.findAgendapunt(agendapuntId);
  if (!punt || punt.overlegId !== overlegId) throw new DomainError('not-found', 'Dit agendapunt bestaat niet.');
  const genodigden = JSON.parse(punt.genodigden) as string[];
  const afspraken = vraag.afspraken ?? [];
  for (const [i, a] of afspraken.entries())
    if (a.eigenaar && !genodigden.includes(a.eigenaar))
      throw new DomainError('invalid-request', 'De eigenaar van een afspraak is voor dit agendapunt uitgenodigd.', {
        invalidParams: [{ name: `/afspraken/${i}/eigenaar`, reason: 'niet uitgenodigd' }],
      });
  const op = deps.clock.now();
  const ids = await store.transaction(async (tx) => {
    const key = await casusSleutel(tx, dp, punt.casusId);
    await tx.overleggen.setNotulen(punt.id, dp.encrypt(key, vraag.notulen, `notulen:${punt.id}`));
    const made: string[] = [];
    for (const a of afspraken) {
      const id = randomUUID();
      await tx.overleggen.addAfspraak({
        id,
        agendapuntId: punt.id,
        casusId: punt.casusId,
        eigenaarPartnerId: a.eigenaar ?? null,
        tekst: dp.encrypt(key, a.tekst, `afspraak:${id}`),
        deadline: a.deadline ? new Date(a.deadline) : null,
        op,
      });
      if (a.eigenaar)
        await deps.meldingen.plaats(
          {
            partnerId: a.eigenaar,
            soort: 'afspraak',
            casusId: punt.casusId,
            data: { agendapunt: punt.id, afspraak: id },
          },
          tx,
        );
      made.push(id);
    }
    return made;
  });
  return { agendapunt: punt.id, afspraken: ids };
}
