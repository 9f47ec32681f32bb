import { randomUUID } from 'node:crypto';
import type { InformatieItem } from '../../adapters/store/open-store.js';
import type { CategoryDecision } from '../../policies/engine/decision.js';
import { DomainError } from '../errors/domain-error.js';
import type { Caller, IntakeDeps } from '../intake/intake-deps.js';
import { canonical } from '../intake/link-betrokkenen.js';
import { participatingCasus } from '../intake/participation.js';
import { receiptJson } from './disclosure-log.js';

export type PullView = 'casus' | 'betrokkenen' | 'systeem' | 'informatie';

/** One piece of data that may leave: who supplied it, its category, and how to render it (masked or not). */
interface Candidate {
  bron: string;
  categorie: string;
  subject?: string;
  render: (masked: string[]) => unknown;
}

interface Gathered {
  candidates: Candidate[];
  shape: (parts: { categorie: string; value: unknown }[]) => Record<string, unknown>;
}

const withheldReason: Record<string, string> = { 'alleen-aggregaat': 'alleen als aggregaat beschikbaar' };

async function personData(deps: IntakeDeps, id: string): Promise<{ persoon?: Record<string, string | undefined>; bsn?: string }> {
  const row = await deps.db.betrokkene.findUnique({ where: { id } });
  if (!row?.dataSleutel) return {};
  const key = deps.dp.unwrapDataKey(row.dataSleutel);
  return {
    persoon: JSON.parse(deps.dp.decrypt(key, row.persoonVersleuteld, `persoon:${id}`)),
    bsn: row.bsnVersleuteld ? deps.dp.decrypt(key, row.bsnVersleuteld, `bsn:${id}`) : undefined,
  };
}

/** The casus' betrokkenen as their canonical person (after merges), with their role in the casus. */
async function personsOf(deps: IntakeDeps, casusId: string): Promise<Map<string, string>> {
  const persons = new Map<string, string>();
  for (const l of await deps.db.casusBetrokkene.findMany({ where: { casusId } })) persons.set(await canonical(deps.db, l.betrokkeneId), l.rol);
  return persons;
}

async function gather(deps: IntakeDeps, casus: { id: string; aanmelderId: string } & Record<string, unknown>, view: PullView): Promise<Gathered> {
  const bron = casus.aanmelderId;
  if (view === 'casus') {
    const aanmelding = { soort: casus.soort, status: casus.status, fase: casus.fase, codeRood: casus.codeRood, gemeente: casus.gemeente, reden: casus.reden, leefgebieden: JSON.parse(casus.leefgebieden as string), signalen: JSON.parse(casus.signalen as string), aanmelder: bron, aangemaaktOp: (casus.aangemaaktOp as Date).toISOString() };
    const candidates: Candidate[] = [{ bron, categorie: 'aanmelding', render: () => aanmelding }];
    if (casus.triage) {
      const besluit = JSON.parse(casus.triage as string) as { door: string };
      candidates.push({ bron: besluit.door.split('/')[0]!, categorie: 'triage-uitkomst', render: () => besluit });
    }
    return { candidates, shape: (parts) => Object.fromEntries(parts.map((p) => [p.categorie === 'aanmelding' ? 'aanmelding' : 'triage', p.value])) };
  }
  if (view === 'betrokkenen') {
    const persons = await personsOf(deps, casus.id);
    const candidates: Candidate[] = [];
    for (const [id, rol] of persons) {
      const { persoon, bsn } = await personData(deps, id);
      if (!persoon) {
        candidates.push({ bron, categorie: 'identificatie', subject: id, render: () => ({ id, rol, gewist: true }) });
        continue;
      }
      candidates.push({ bron, categorie: 'identificatie', subject: id, render: () => ({ id, rol, voornamen: persoon.voornamen, tussenvoegsel: persoon.tussenvoegsel, achternaam: persoon.achternaam, geboortedatum: persoon.geboortedatum }) });
      if (bsn) candidates.push({ bron, categorie: 'bsn', subject: id, render: () => ({ id, bsn }) });
      if (persoon.postcode) candidates.push({ bron, categorie: 'contactgegevens', subject: id, render: () => ({ id, postcode: persoon.postcode }) });
    }
    return {
      candidates,
      shape: (parts) => {
        const byId = new Map<string, Record<string, unknown>>();
        for (const p of parts) {
          const v = p.value as { id: string };
          byId.set(v.id, { ...(byId.get(v.id) ?? { id: v.id, rol: persons.get(v.id) }), ...v });
        }
        return { betrokkenen: [...byId.values()].map((b) => Object.fromEntries(Object.entries(b).filter(([, x]) => x !== undefined))) };
      },
    };
  }
  if (view === 'systeem') {
    const ids = [...(await personsOf(deps, casus.id)).keys()];
    const relaties = await deps.db.systeemRelatie.findMany({ where: { vanId: { in: ids }, naarId: { in: ids } } });
    return { candidates: relaties.map((r) => ({ bron: r.bronPartnerId, categorie: 'systeem', subject: r.vanId, render: () => ({ van: r.vanId, naar: r.naarId, soort: r.soort }) })), shape: (parts) => ({ relaties: parts.map((p) => p.value) }) };
  }
  // The owners' wrapped data keys come with the items: one query (raw: the hot path, see
  // `participatingCasus`), and each key unwrapped once.
  const items = await deps.db.$queryRaw<(InformatieItem & { dataSleutel: string | null })[]>`
    SELECT i.*, b."dataSleutel" FROM "InformatieItem" i LEFT JOIN "Betrokkene" b ON b."id" = i."betrokkeneId"
    WHERE i."casusId" = ${casus.id} ORDER BY i."ontvangenOp", i."id"`;
  const keys = new Map<string, Buffer | undefined>();
  const candidates: Candidate[] = [];
  for (const item of items) {
    let inhoud: string | undefined = item.inhoud;
    if (item.versleuteld) {
      if (!keys.has(item.betrokkeneId!)) {
        const wrapped = item.dataSleutel;
        keys.set(item.betrokkeneId!, wrapped ? deps.dp.unwrapDataKey(wrapped) : undefined);
      }
      const key = keys.get(item.betrokkeneId!);
      inhoud = key ? deps.dp.decrypt(key, item.inhoud, `item:${item.id}`) : undefined;
    }
    candidates.push({
      bron: item.bronPartnerId, categorie: item.categorie, subject: item.betrokkeneId ?? undefined,
      // Masking names fields inside free text that cannot be cut out reliably: any masking withholds the content.
      render: (masked) => ({ id: item.id, categorie: item.categorie, leefgebied: item.leefgebied, betrokkene: item.betrokkeneId, bron: item.bronPartnerId, grondslag: item.grondslag, ontvangenOp: item.ontvangenOp.toISOString(), ...(masked.length === 0 && inhoud !== undefined ? { inhoud } : { gemaskeerd: masked.length ? masked : ['gewist'] }) }),
    });
  }
  return { candidates, shape: (parts) => ({ items: parts.map((p) => p.value) }) };
}

/**
 * A participating partner reads part of a casus for a declared purpose. The covenant decides per
 * source partner and category; masking is applied; what is refused is left out and named. The
 * disclosure (or, when nothing is allowed, the refusal) is committed to the ledger before the answer
 * exists for the caller; a failing ledger means a 503 and nothing disclosed.
 */
export async function pullCasus(deps: IntakeDeps, caller: Caller, casusId: string, view: PullView, doel: string, traceId: string) {
  const covenant = deps.policy.covenant();
  if (covenant && !covenant.purposes.has(doel)) throw new DomainError('invalid-request', `Onbekend doel ${doel}.`, { invalidParams: [{ name: 'doel', reason: `doelen: ${[...covenant.purposes.keys()].join(', ')}` }] });
  // Found only when the caller takes part: someone else's casus and a missing one look the same.
  const casus = await participatingCasus(deps.db, casusId, caller.partner.id);
  const base = { ontvanger: { partner: caller.partner.id, actor: caller.actor }, doel, casus: casusId, traceId };
  if (!casus) {
    // Logged too: attempts outside participation are what a privacy officer looks for.
    await deps.disclosures.record({ ...base, soort: 'weigering', bronnen: [], grondslagen: [], categorieen: [], subjectRefs: [], convenant: covenant?.label ?? 'geen', details: { reden: 'geen-deelnemer', view } }, null);
    throw new DomainError('not-found', 'Deze casus bestaat niet.');
  }
  const { candidates, shape } = await gather(deps, casus, view);
  const sources = await deps.soortOf(candidates.map((c) => c.bron));
  const decisions = new Map<string, CategoryDecision>();
  let version = covenant?.label ?? 'geen';
  for (const bron of new Set(candidates.map((c) => c.bron))) {
    const categories = [...new Set(candidates.filter((c) => c.bron === bron).map((c) => c.categorie))];
    const d = deps.policy.decide({ actie: 'verstrekken', partner: caller.partner, bron: { id: bron, soort: sources.get(bron) ?? 'overig' }, categorieen: categories, doel, fase: casus.fase as never, deelnemer: true, codeRood: casus.codeRood });
    version = d.covenantVersion;
    for (const c of d.perCategory) decisions.set(`${bron}|${c.categorie}`, c);
  }
  const allowed = candidates.filter((c) => decisions.get(`${c.bron}|${c.categorie}`)!.effect === 'permit');
  const refused = new Map<string, { categorie: string; bron: string; reden: string }>();
  for (const c of candidates.filter((x) => !allowed.includes(x))) {
    const d = decisions.get(`${c.bron}|${c.categorie}`)!;
    refused.set(`${c.bron}|${c.categorie}`, { categorie: c.categorie, bron: c.bron, reden: withheldReason[d.reason] ?? d.reason });
  }
  const payload = shape(allowed.map((c) => ({ categorie: c.categorie, value: c.render(decisions.get(`${c.bron}|${c.categorie}`)!.maskering) })));
  const grondslagen = [...new Set(allowed.map((c) => decisions.get(`${c.bron}|${c.categorie}`)!.grondslag).filter((g): g is string => !!g))];
  const receipt = await deps.disclosures.record({
    ...base,
    soort: allowed.length > 0 || candidates.length === 0 ? 'verstrekking' : 'weigering',
    bronnen: [...new Set(allowed.map((c) => c.bron))],
    grondslagen,
    categorieen: [...new Set(allowed.map((c) => c.categorie))],
    subjectRefs: [...new Set(allowed.map((c) => c.subject).filter((s): s is string => !!s))].map((s) => deps.dp.subjectRef(s)),
    convenant: version,
    details: { view, weggelaten: [...refused.values()].map((r) => `${r.bron}:${r.categorie}`), id: randomUUID() },
  }, payload);
  return { casus: casusId, doel, ...payload, weggelaten: [...refused.values()], ontvangstbewijs: receiptJson(receipt) };
}
