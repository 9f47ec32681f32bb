import { searchLog, toCsv, type FoundEntry } from '../../disclosure/review.js';
import { logScopeOf } from '../../disclosure/log-scope.js';
import { callerOf } from '../../http/caller-of.js';
import { datumTijd, getal } from '../format.js';
import { ErrorSummary, TextField } from '../form-fields.js';
import { CsrfField } from '../layout.js';
import type { SignedIn } from '../session.js';
import type { PageRequest, WebPage } from '../web-page.js';
import { readLogSearch, type LogSearch } from './log-search-form.js';

const PER_PAGE = 25;

function SearchForm({ user, search }: { user: SignedIn; search?: LogSearch }) {
  const values = search?.values;
  const errors = search?.errors ?? [];
  return (
    <form method="post" action="/logboek" class="kp-form" novalidate>
      <CsrfField user={user} />
      <ErrorSummary errors={errors} />
      <TextField
        name="bsn"
        label="BSN van de persoon (niet verplicht)"
        hint="Het BSN gaat alleen mee in het formulier, nooit in het webadres."
        inputMode="numeric"
        value={values?.bsn}
        errors={errors}
      />
      <TextField
        name="partner"
        label="Partner (code)"
        hint="Bijvoorbeeld politie-demo."
        value={values?.partner}
        errors={errors}
      />
      <TextField name="doel" label="Doel" value={values?.doel} errors={errors} />
      <TextField name="casus" label="Casusnummer" value={values?.casus} errors={errors} />
      <TextField name="van" label="Vanaf datum" type="date" value={values?.van} errors={errors} />
      <TextField name="tot" label="Tot en met datum" type="date" value={values?.tot} errors={errors} />
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="sortering">
          Volgorde
        </label>
        <select class="utrecht-select" id="sortering" name="sortering">
          <option value="nieuwste" selected={values?.sortering !== 'oudste'}>
            Nieuwste eerst
          </option>
          <option value="oudste" selected={values?.sortering === 'oudste'}>
            Oudste eerst
          </option>
        </select>
      </div>
      <div class="kp-actions">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Zoeken
        </button>
        <button class="utrecht-button utrecht-button--secondary-action" type="submit" formaction="/logboek/export">
          Exporteren als CSV
        </button>
      </div>
    </form>
  );
}

/** The same search again on another page: the form's values ride along as hidden fields (never in the URL). */
function PageButton({
  user,
  search,
  pagina,
  label,
}: {
  user: SignedIn;
  search: LogSearch;
  pagina: number;
  label: string;
}) {
  return (
    <form method="post" action="/logboek" class="kp-inline-form">
      <CsrfField user={user} />
      {Object.entries(search.values).map(([k, v]) => (
        <input type="hidden" name={k} value={v} key={k} />
      ))}
      <input type="hidden" name="pagina" value={String(pagina)} />
      <button class="utrecht-button utrecht-button--subtle" type="submit">
        {label}
      </button>
    </form>
  );
}

export function Results({ found, user, search }: { found: FoundEntry[]; user: SignedIn; search: LogSearch }) {
  const sorted = search.values.sortering === 'oudste' ? found : [...found].reverse();
  const pages = Math.max(1, Math.ceil(sorted.length / PER_PAGE));
  const pagina = Math.min(search.pagina, pages);
  const shown = sorted.slice((pagina - 1) * PER_PAGE, pagina * PER_PAGE);
  return (
    <section aria-labelledby="resultaten">
      <h2 class="utrecht-heading-2" id="resultaten" tabIndex={-1}>
        {found.length === 0 ? 'Niets gevonden' : `${getal(found.length)} gevonden`}
      </h2>
      {found.length > 0 && (
        <div class="kp-table-wrap">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{`Pagina ${getal(pagina)} van ${getal(pages)}`}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  Tijd
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Soort
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Ontvanger
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Bronnen
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Doel
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  Regel
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {shown.map((f) => (
                <tr class="utrecht-table__row" key={f.index}>
                  <td class="utrecht-table__cell">{datumTijd(f.tijd)}</td>
                  <td class="utrecht-table__cell">{f.regel.soort}</td>
                  <td class="utrecht-table__cell">{f.regel.ontvanger.partner}</td>
                  <td class="utrecht-table__cell">{f.regel.bronnen.join(', ') || '—'}</td>
                  <td class="utrecht-table__cell">{f.regel.doel}</td>
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/logboek/${f.index}`}>
                      {`Regel ${getal(f.index)} bekijken`}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Paginering" class="kp-pagination">
          {pagina > 1 && <PageButton user={user} search={search} pagina={pagina - 1} label="Vorige pagina" />}
          {pagina < pages && <PageButton user={user} search={search} pagina={pagina + 1} label="Volgende pagina" />}
        </nav>
      )}
    </section>
  );
}

/** The privacy officer's search form (no personal data on it). */
export const logSearchPage: WebPage = {
  method: 'GET',
  path: '/logboek',
  access: ['privacy-officer'],
  async handle({ user }) {
    return { title: 'Verstrekkingslog doorzoeken', body: <SearchForm user={user} /> };
  },
};

async function run({ deps, user }: PageRequest, search: LogSearch): Promise<FoundEntry[]> {
  const { store, dp } = deps.ops.useCases;
  // The same use case and scope as the API's searchLog: a partner's officer finds only its partner's entries.
  return searchLog({ store, dp, ledger: deps.ops.ledger }, search.query, logScopeOf(callerOf(user.caller)));
}

/** The search itself: a POST, so a BSN never lands in a URL, a history or an access log. */
export const logSearchResults: WebPage = {
  method: 'POST',
  path: '/logboek',
  access: ['privacy-officer'],
  async handle(r) {
    const search = readLogSearch(r.form);
    const title = 'Verstrekkingslog doorzoeken';
    if (search.errors.length > 0)
      return { title: `Fout: ${title}`, status: 400, body: <SearchForm user={r.user} search={search} /> };
    const found = await run(r, search);
    return {
      title,
      body: (
        <>
          <SearchForm user={r.user} search={search} />
          <Results found={found} user={r.user} search={search} />
        </>
      ),
    };
  },
};

/** The same search as a CSV download (the API's export format). */
export const logExport: WebPage = {
  method: 'POST',
  path: '/logboek/export',
  access: ['privacy-officer'],
  async handle(r) {
    const search = readLogSearch(r.form);
    if (search.errors.length > 0)
      return {
        title: 'Fout: Verstrekkingslog exporteren',
        status: 400,
        body: <SearchForm user={r.user} search={search} />,
      };
    const day = r.deps.ops.useCases.clock.now().toISOString().slice(0, 10);
    return {
      download: {
        filename: `verstrekkingen-${day}.csv`,
        type: 'text/csv; charset=utf-8',
        text: toCsv(await run(r, search)),
      },
    };
  },
};
