import { listCasussen } from '../../cases/list-casussen.js';
import { callerOf } from '../../http/caller-of.js';
import { datum, getal } from '../format.js';
import type { WebPage } from '../web-page.js';

const PER_PAGE = 20;
const STATUSSEN = ['', 'aangemeld', 'teruggelegd', 'ondersteuning', 'procesregie'];

/** The casussen the employee's partner takes part in (the API's listCasussen): status and dates, no personal data. */
export const casusListPage: WebPage = {
  method: 'GET',
  path: '/mijn-casussen',
  access: ['procesregisseur', 'ketenmanager'],
  async handle({ req, deps, user }) {
    const pagina = Math.max(1, Math.min(10_000, Number.parseInt(String(req.query.pagina ?? '1'), 10) || 1));
    const status = STATUSSEN.includes(String(req.query.status ?? '')) ? String(req.query.status ?? '') : '';
    const found = await listCasussen(deps.ops.useCases, callerOf(user.caller), {
      page: pagina,
      pageSize: PER_PAGE,
      status: status || undefined,
    });
    const link = (p: number) => `/mijn-casussen?pagina=${p}${status ? `&status=${encodeURIComponent(status)}` : ''}`;
    return {
      title: 'Mijn casussen',
      body: (
        <>
          <form method="get" action="/mijn-casussen" class="kp-actions">
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="status">
                Status
              </label>
              <select class="utrecht-select" id="status" name="status">
                {STATUSSEN.map((s) => (
                  <option value={s} selected={s === status} key={s}>
                    {s || 'Alle'}
                  </option>
                ))}
              </select>
            </div>
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              Filteren
            </button>
          </form>
          {found.casussen.length === 0 ? (
            <p class="utrecht-paragraph">Geen casussen gevonden.</p>
          ) : (
            <div class="kp-table-wrap">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption">{`${getal(found.total)} casussen, nieuwste eerst. Pagina ${getal(pagina)} van ${getal(found.pages)}`}</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">
                      Casus
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Soort
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Status
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Fase
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Gemeente
                    </th>
                    <th class="utrecht-table__header-cell" scope="col">
                      Aangemeld
                    </th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {found.casussen.map((c) => (
                    <tr class="utrecht-table__row" key={c.id}>
                      <td class="utrecht-table__cell">
                        <a class="utrecht-link" href={`/mijn-casussen/${c.id}`}>
                          {`Casus ${c.id.slice(0, 8)}`}
                        </a>
                      </td>
                      <td class="utrecht-table__cell">{c.soort}</td>
                      <td class="utrecht-table__cell">{c.status}</td>
                      <td class="utrecht-table__cell">{c.fase}</td>
                      <td class="utrecht-table__cell">{c.gemeente}</td>
                      <td class="utrecht-table__cell">{datum(c.aangemaaktOp)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {found.pages > 1 && (
            <nav aria-label="Paginering" class="kp-pagination">
              {pagina > 1 && (
                <a class="utrecht-link" href={link(pagina - 1)}>
                  Vorige pagina
                </a>
              )}
              {pagina < found.pages && (
                <a class="utrecht-link" href={link(pagina + 1)}>
                  Volgende pagina
                </a>
              )}
            </nav>
          )}
        </>
      ),
    };
  },
};
