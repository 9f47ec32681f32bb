import { pullCasus } from '../../disclosure/pull-casus.js';
import { callerOf } from '../../http/caller-of.js';
import { doelOf, PurposeForm } from '../purpose-form.js';
import { FamilyDiagram, type DiagramPerson, type DiagramRelation } from '../family-diagram.js';
import type { PageRequest, WebPage } from '../web-page.js';

interface PulledPerson {
  id: string;
  rol?: string;
  voornamen?: string;
  tussenvoegsel?: string;
  achternaam?: string;
  geboortedatum?: string;
  bsn?: string;
  gewist?: boolean;
}

const naamVan = (p: PulledPerson, i: number) =>
  [p.voornamen, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ') || `Persoon ${i + 1}`;

/** The casus's other pages; the triage and the lifecycle are the ZVH regisseur's only. */
function CasusLinks({ r, casusId, doel }: { r: PageRequest; casusId: string; doel: string }) {
  const zvh = r.user.rol === 'procesregisseur' && r.user.partner.soort === 'zvh';
  const q = `?doel=${encodeURIComponent(doel)}`;
  return (
    <nav aria-label="Onderdelen van de casus">
      <ul class="utrecht-unordered-list">
        {zvh && (
          <li>
            <a class="utrecht-link" href={`/mijn-casussen/${casusId}/levensloop`}>
              Levensloop en volgende stap
            </a>
          </li>
        )}
        {zvh && (
          <li>
            <a class="utrecht-link" href={`/mijn-casussen/${casusId}/triage`}>
              Triage: redenen en geschiedenis
            </a>
          </li>
        )}
        <li>
          <a class="utrecht-link" href={`/mijn-casussen/${casusId}/plan${q}`}>
            Plan van aanpak en interventies
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`/mijn-casussen/${casusId}/informatie${q}`}>
            Informatie per leefgebied
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`/mijn-casussen/${casusId}/overleg`}>
            Agenda van het volgende casusoverleg
          </a>
        </li>
      </ul>
    </nav>
  );
}

/**
 * A casus overview: its persons and the family-system diagram, for a declared purpose. Two pulls through
 * the same use case as the API (betrokkenen and systeem views): the covenant decides what shows, and
 * both disclosures are logged with this employee as actor before the page leaves.
 */
export const casusOverviewPage: WebPage = {
  method: 'GET',
  path: '/mijn-casussen/:casusId',
  access: ['procesregisseur', 'ketenmanager'],
  async handle(r) {
    const casusId = r.params.casusId ?? '';
    const doel = doelOf(r);
    const title = `Casus ${casusId.slice(0, 8)}`;
    if (!doel) return { title, body: <PurposeForm r={r} action={`/mijn-casussen/${casusId}`} knop="Casus bekijken" /> };
    const caller = callerOf(r.user.caller);
    const traceId = r.res.locals.ctx.traceId;
    const personen = await pullCasus(r.deps.ops.useCases, caller, casusId, 'betrokkenen', doel, traceId);
    const systeem = await pullCasus(r.deps.ops.useCases, caller, casusId, 'systeem', doel, traceId);
    const pulled = ((personen.body as { betrokkenen?: PulledPerson[] }).betrokkenen ?? []).filter((p) => !p.gewist);
    const relaties = (systeem.body as { relaties?: DiagramRelation[] }).relaties ?? [];
    const persons: DiagramPerson[] = pulled.map((p, i) => ({ id: p.id, naam: naamVan(p, i), rol: p.rol }));
    const weggelaten = [personen.body, systeem.body].some((b) => (b as { weggelaten?: boolean }).weggelaten === true);
    return {
      title,
      disclosures: [personen, systeem],
      body: (
        <>
          <p class="utrecht-paragraph">{`Doel: ${doel}. `}</p>
          <CasusLinks r={r} casusId={casusId} doel={doel} />
          {weggelaten && (
            <p class="utrecht-paragraph">Het convenant staat niet alles toe voor dit doel: een deel is weggelaten.</p>
          )}
          <h2 class="utrecht-heading-2">Personen</h2>
          {pulled.length === 0 ? (
            <p class="utrecht-paragraph">U mag voor dit doel geen personen zien.</p>
          ) : (
            <div class="kp-table-wrap">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption">Personen in deze casus</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">
                      Naam
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Rol
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Geboortedatum
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      BSN
                    </th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {pulled.map((p, i) => (
                    <tr class="utrecht-table__row" key={p.id}>
                      <td class="utrecht-table__cell">{naamVan(p, i)}</td>
                      <td class="utrecht-table__cell">{p.rol ?? '—'}</td>
                      <td class="utrecht-table__cell">{p.geboortedatum ?? '—'}</td>
                      <td class="utrecht-table__cell">{p.bsn ?? 'niet zichtbaar'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2 class="utrecht-heading-2">Gezinssysteem</h2>
          <FamilyDiagram persons={persons} relaties={relaties} />
        </>
      ),
    };
  },
};
