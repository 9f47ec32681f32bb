import { DomainError } from '../../errors/domain-error.js';
import { callerOf } from '../../http/caller-of.js';
import { listCasusSignalen } from '../../signalen/list-casus-signalen.js';
import { datumTijd, getal } from '../format.js';
import { listViewOf, pageOf, Pagination, SortHeader } from '../list-controls.js';
import type { WebPage } from '../web-page.js';

const BASE = '/mijn-casussen/signalen';
const PER_PAGE = 25;
const KOLOMMEN = ['opgeworpen', 'soort', 'casus'] as const;

const soortNamen: Record<string, string> = {
  stagnatie: 'Casus staat stil',
  'interventie-verlopen': 'Interventie over de einddatum',
};

/**
 * The open stagnation and overdue signals of the casussen (the API's listCasusSignalen): ids and codes,
 * no personal data. Only the ZVH's procesregisseur: the web's ketenmanager acts as a plain medewerker,
 * which the use case cannot tell apart from a regisseur, so it would see signals not escalated to it.
 */
export const casusSignalenPage: WebPage = {
  method: 'GET',
  path: BASE,
  access: ['procesregisseur'],
  async handle({ req, deps, user }) {
    if (user.partner.soort !== 'zvh')
      throw new DomainError('forbidden', 'Alleen procesregisseurs van het Zorg- en Veiligheidshuis zien signalen.');
    const { signalen } = await listCasusSignalen(deps.ops.useCases, callerOf(user.caller));
    const view = listViewOf(req, KOLOMMEN, { pagina: 1, sort: 'opgeworpen', richting: 'op' });
    const page = pageOf(
      signalen,
      view,
      { opgeworpen: (s) => s.opgeworpenOp, soort: (s) => s.soort, casus: (s) => s.casus },
      PER_PAGE,
    );
    return {
      title: 'Signalen bij mijn casussen',
      body: (
        <>
          <p class="utrecht-paragraph">
            Casussen die stilstaan en interventies die over hun einddatum zijn. De oudste staan eerst.
          </p>
          {signalen.length === 0 ? (
            <p class="utrecht-paragraph">Er zijn geen open signalen.</p>
          ) : (
            <div class="kp-table-wrap">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption">{`${getal(page.total)} open signalen`}</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <SortHeader base={BASE} view={view} kolom="opgeworpen" label="Sinds" />
                    <SortHeader base={BASE} view={view} kolom="soort" label="Signaal" />
                    <SortHeader base={BASE} view={view} kolom="casus" label="Casus" />
                    <th class="utrecht-table__header-cell" scope="col">
                      Doorgezet naar ketenmanager
                    </th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {page.items.map((s) => (
                    <tr class="utrecht-table__row" key={s.id}>
                      <td class="utrecht-table__cell">{datumTijd(s.opgeworpenOp)}</td>
                      <td class="utrecht-table__cell">{soortNamen[s.soort] ?? s.soort}</td>
                      <td class="utrecht-table__cell">
                        <a class="utrecht-link" href={`/mijn-casussen/${s.casus}`}>
                          {`Casus ${s.casus.slice(0, 8)}`}
                        </a>
                      </td>
                      <td class="utrecht-table__cell">{s.geescaleerdOp ? datumTijd(s.geescaleerdOp) : 'Nee'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination base={BASE} view={view} pagina={page.pagina} pages={page.pages} />
        </>
      ),
    };
  },
};
