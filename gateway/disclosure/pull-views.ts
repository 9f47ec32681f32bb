import type { CasusRecord } from '../../adapters/store/casus-repository.js';
import type { UseCaseDeps } from '../use-case-deps.js';

export type PullView = 'casus' | 'betrokkenen' | 'systeem' | 'informatie';

/** One piece of data that may leave: who supplied it, its category, and how to render it (masked or not). */
export interface Candidate {
  bron: string;
  categorie: string;
  subject?: string;
  render: (masked: string[]) => unknown;
}

export interface Gathered {
  candidates: Candidate[];
  shape: (parts: { categorie: string; value: unknown }[]) => Record<string, unknown>;
}

async function personData(
  deps: UseCaseDeps,
  id: string,
): Promise<{ persoon?: Record<string, string | undefined>; bsn?: string }> {
  const row = await deps.store.betrokkenen.sealed(id);
  if (!row?.dataSleutel) return {};
  const key = deps.dp.unwrapDataKey(row.dataSleutel);
  return {
    persoon: JSON.parse(deps.dp.decrypt(key, row.persoonVersleuteld, `persoon:${id}`)),
    bsn: row.bsnVersleuteld ? deps.dp.decrypt(key, row.bsnVersleuteld, `bsn:${id}`) : undefined,
  };
}

/** The casus' betrokkenen as their canonical person (after merges), with their role in the casus. */
async function personsOf(deps: UseCaseDeps, casusId: string): Promise<Map<string, string>> {
  const persons = new Map<string, string>();
  for (const l of await deps.store.casussen.betrokkenenOf(casusId))
    persons.set(await deps.store.betrokkenen.canonical(l.betrokkeneId), l.rol);
  return persons;
}

/** What the casus, betrokkenen and systeem views could show, before the covenant has its say. */
export async function gather(
  deps: UseCaseDeps,
  casus: CasusRecord,
  view: Exclude<PullView, 'informatie'>,
): Promise<Gathered> {
  const bron = casus.aanmelderId;
  if (view === 'casus') {
    const aanmelding = {
      soort: casus.soort,
      status: casus.status,
      fase: casus.fase,
      codeRood: casus.codeRood,
      gemeente: casus.gemeente,
      reden: casus.reden,
      leefgebieden: JSON.parse(casus.leefgebieden),
      signalen: JSON.parse(casus.signalen),
      aanmelder: bron,
      aangemaaktOp: casus.aangemaaktOp.toISOString(),
    };
    const candidates: Candidate[] = [{ bron, categorie: 'aanmelding', render: () => aanmelding }];
    if (casus.triage) {
      const besluit = JSON.parse(casus.triage) as { door: string };
      candidates.push({ bron: besluit.door.split('/')[0]!, categorie: 'triage-uitkomst', render: () => besluit });
    }
    return {
      candidates,
      shape: (parts) =>
        Object.fromEntries(parts.map((p) => [p.categorie === 'aanmelding' ? 'aanmelding' : 'triage', p.value])),
    };
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
      candidates.push({
        bron,
        categorie: 'identificatie',
        subject: id,
        render: () => ({
          id,
          rol,
          voornamen: persoon.voornamen,
          tussenvoegsel: persoon.tussenvoegsel,
          achternaam: persoon.achternaam,
          geboortedatum: persoon.geboortedatum,
        }),
      });
      if (bsn) candidates.push({ bron, categorie: 'bsn', subject: id, render: () => ({ id, bsn }) });
      if (persoon.postcode)
        candidates.push({
          bron,
          categorie: 'contactgegevens',
          subject: id,
          render: () => ({ id, postcode: persoon.postcode }),
        });
    }
    return {
      candidates,
      shape: (parts) => {
        const byId = new Map<string, Record<string, unknown>>();
        for (const p of parts) {
          const v = p.value as { id: string };
          byId.set(v.id, { ...(byId.get(v.id) ?? { id: v.id, rol: persons.get(v.id) }), ...v });
        }
        return {
          betrokkenen: [...byId.values()].map((b) =>
            Object.fromEntries(Object.entries(b).filter(([, x]) => x !== undefined)),
          ),
        };
      },
    };
  }
  // systeem: the relations between the casus' persons
  const ids = [...(await personsOf(deps, casus.id)).keys()];
  const relaties = await deps.store.betrokkenen.relatiesBetween(ids);
  return {
    candidates: relaties.map((r) => ({
      bron: r.bronPartnerId,
      categorie: 'systeem',
      subject: r.vanId,
      render: () => ({ van: r.vanId, naar: r.naarId, soort: r.soort }),
    })),
    shape: (parts) => ({ relaties: parts.map((p) => p.value) }),
  };
}
