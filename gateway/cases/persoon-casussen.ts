import { randomUUID } from 'node:crypto';
import type { Judged } from '../disclosure/judge-candidates.js';
import { judgeCandidates } from '../disclosure/judge-candidates.js';
import type { DisclosureFacts, PendingDisclosure } from '../disclosure/disclosure-log.js';
import type { Candidate } from '../disclosure/pull-views.js';
import type { Caller, UseCaseDeps } from '../use-case-deps.js';

const DOEL = 'procesregie';

/** A person's name and birth date, decrypted under their own key (none once erased). */
async function identificatie(deps: UseCaseDeps, id: string) {
  const row = await deps.store.betrokkenen.sealed(id);
  if (!row?.dataSleutel) return { gewist: true };
  const p = JSON.parse(
    deps.dp.decrypt(deps.dp.unwrapDataKey(row.dataSleutel), row.persoonVersleuteld, `persoon:${id}`),
  );
  return {
    voornamen: p.voornamen,
    tussenvoegsel: p.tussenvoegsel,
    achternaam: p.achternaam,
    geboortedatum: p.geboortedatum,
  };
}

const plain = (o: Record<string, unknown>) => Object.fromEntries(Object.keys(o).map((k) => [k, [] as string[]]));
const without = (o: Record<string, unknown>, weg: ReadonlySet<string>) =>
  Object.fromEntries(Object.entries(o).filter(([k, v]) => !weg.has(k) && v !== undefined));

/**
 * The casussen a person (by BSN) appears in that the caller takes part in, and the persons of those
 * casussen (the household across casussen), each piece judged by the covenant for procesregie in its own
 * casus and logged as one disclosure before it is sent. An unknown BSN answers empty lists (and is logged
 * as a refusal: the question itself is worth a privacy officer's eye).
 */
export async function persoonCasussen(
  deps: UseCaseDeps,
  caller: Caller,
  bsn: string,
  traceId: string,
): Promise<PendingDisclosure> {
  const known = await deps.store.betrokkenen.findIdByBsnPseudonym(deps.dp.bsnPseudonym(bsn));
  const persoon = known ? await deps.store.betrokkenen.canonical(known) : null;
  const records = persoon ? await deps.store.betrokkenen.recordsOfPerson(persoon) : [];
  const ids = [...new Set(await deps.store.casussen.casussenOf(records))].sort();
  const allowed: Judged[] = [];
  const refused: Candidate[] = [];
  let convenant = deps.policy.covenant()?.label ?? 'geen';
  for (const casusId of ids) {
    const casus = await deps.store.casussen.findParticipating(casusId, caller.partner.id);
    if (!casus) continue;
    const candidates: Candidate[] = [];
    const links = await deps.store.casussen.betrokkenenOf(casusId);
    const personen = [
      ...new Set(await Promise.all(links.map((l) => deps.store.betrokkenen.canonical(l.betrokkeneId)))),
    ];
    const summary = {
      casus: casusId,
      soort: casus.soort,
      status: casus.status,
      fase: casus.fase,
      gemeente: casus.gemeente,
    };
    candidates.push({
      bron: casus.aanmelderId,
      categorieen: ['aanmelding'],
      subjects: personen,
      velden: plain(summary),
      render: (weg) => ({ ...without(summary, weg), casus: casusId }),
    });
    for (const id of personen) {
      const fields = { ...(await identificatie(deps, id)), casus: casusId, zelf: id === persoon };
      candidates.push({
        bron: casus.aanmelderId,
        categorieen: ['identificatie'],
        subjects: [id],
        velden: plain(fields),
        render: (weg) => ({ id, ...without(fields, weg), casus: casusId }),
      });
    }
    const j = await judgeCandidates(deps, caller, casus, candidates, DOEL);
    allowed.push(...j.allowed);
    refused.push(...j.refused);
    convenant = j.covenantVersion;
  }
  const values = (k: string) =>
    allowed.filter((j) => j.candidate.categorieen[0] === k).map((j) => j.candidate.render(j.weg, j.gemaskeerd));
  const household = new Map<string, Record<string, unknown> & { casussen: string[] }>();
  for (const v of values('identificatie') as (Record<string, unknown> & { id: string; casus: string })[]) {
    const { casus, ...rest } = v;
    const seen = household.get(v.id) ?? { ...rest, casussen: [] };
    seen.casussen.push(casus);
    household.set(v.id, seen);
  }
  const body = { casussen: values('aanmelding'), huishouden: [...household.values()] };
  const facts: DisclosureFacts = {
    soort: allowed.length > 0 ? 'verstrekking' : 'weigering',
    ontvanger: { partner: caller.partner.id, actor: caller.actor },
    doel: DOEL,
    traceId,
    convenant,
    bronnen: [...new Set(allowed.map((j) => j.candidate.bron))],
    grondslagen: [...new Set(allowed.flatMap((j) => j.grondslagen))],
    categorieen: [...new Set(allowed.flatMap((j) => j.categorieen))],
    subjectRefs: [...new Set([...allowed.flatMap((j) => j.candidate.subjects), ...records])].map((s) =>
      deps.dp.subjectRef(s),
    ),
    details: {
      view: 'persoon-casussen',
      weggelaten: [...new Set(refused.map((c) => `${c.bron}:${c.categorieen[0]}`))],
      id: randomUUID(),
    },
  };
  return { body, commit: (bytes: Uint8Array) => deps.disclosures.record(facts, bytes) };
}
