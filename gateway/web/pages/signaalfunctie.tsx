import { DomainError } from '../../errors/domain-error.js';
import { indelingen, type Indeling } from '../../signaalfunctie/indelingen.js';
import { signaalCsv, signaalTabellen, type KwartaalTabel } from '../../signaalfunctie/signaal-tabellen.js';
import { BarChart } from '../charts/bar-chart.js';
import { ErrorSummary, TextField, type FieldError } from '../form-fields.js';
import { datum, getal } from '../format.js';
import type { PageRequest, WebPage } from '../web-page.js';

const indelingNamen: Record<Indeling, string> = {
  'triage-uitkomst': 'Uitkomst van de triage',
  leefgebied: 'Leefgebied',
  partnersoort: 'Soort partner',
  duur: 'Duur van de casus',
  heraanmelding: 'Eerste aanmelding of heraanmelding',
};

interface Vraag {
  van: string;
  tot: string;
  indeling: Indeling;
  gemeente?: string;
}

/** The query from the URL; without one, the quarters of this year so far. */
function vraagVan({ req, deps }: PageRequest): Vraag {
  const q = (name: string) => (typeof req.query[name] === 'string' ? String(req.query[name]).trim() : '');
  const now = deps.ops.useCases.clock.now();
  const jaar = now.getUTCFullYear();
  const eindeKwartaal = new Date(Date.UTC(jaar, Math.floor(now.getUTCMonth() / 3) * 3 + 3, 0));
  const indeling = (indelingen as readonly string[]).includes(q('indeling'))
    ? (q('indeling') as Indeling)
    : 'leefgebied';
  return {
    van: q('van') || `${jaar}-01-01`,
    tot: q('tot') || eindeKwartaal.toISOString().slice(0, 10),
    indeling,
    gemeente: q('gemeente') || undefined,
  };
}

const queryString = (v: Vraag) =>
  new URLSearchParams({
    van: v.van,
    tot: v.tot,
    indeling: v.indeling,
    ...(v.gemeente ? { gemeente: v.gemeente } : {}),
  });

/** A published count or the word that says it is not published: the hidden value is never at hand. */
const cel = (n: number | null) => (n === null ? 'onderdrukt' : getal(n));

async function tabellen(request: PageRequest, vraag: Vraag) {
  const { reviewStore, useCases, signaalK } = request.deps.ops;
  return signaalTabellen({ store: reviewStore, clock: useCases.clock }, vraag, signaalK);
}

function fieldErrorsOf(err: unknown): FieldError[] | undefined {
  if (!(err instanceof DomainError) || err.code !== 'invalid-request') return undefined;
  const params = err.extra.invalidParams ?? [];
  return params.map((p) => ({ field: p.name, message: `${p.name === 'van' ? 'Van' : 'Tot'}: ${p.reason}` }));
}

function Kwartaal({ t, i, indeling, k }: { t: KwartaalTabel; i: number; indeling: Indeling; k: number }) {
  const tabelId = `tabel-${i}`;
  return (
    <section aria-labelledby={`kwartaal-${i}`}>
      <h2 class="utrecht-heading-2" id={`kwartaal-${i}`}>
        {`${t.kwartaal}: ${datum(t.van)} tot en met ${datum(t.tot)}`}
      </h2>
      <figure class="kp-figure">
        <BarChart
          id={`grafiek-${i}`}
          titel={`Casussen in de regio per ${indelingNamen[indeling].toLowerCase()}, ${t.kwartaal}`}
          staven={t.rijen.map((r, n) => ({ label: r, waarde: t.rijTotalen[n] ?? null }))}
        />
      </figure>
      <div class="kp-table-wrap">
        <table class="utrecht-table" id={tabelId}>
          <caption class="utrecht-table__caption">
            {`Aantal casussen per ${indelingNamen[indeling].toLowerCase()} en gemeente. "Onderdrukt" betekent: minder dan ${getal(k)} casussen, of verborgen zodat u het niet kunt uitrekenen.`}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {indelingNamen[indeling]}
              </th>
              {t.kolommen.map((g) => (
                <th class="utrecht-table__header-cell" scope="col" key={g}>
                  {g}
                </th>
              ))}
              <th class="utrecht-table__header-cell" scope="col">
                Regio
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {t.rijen.map((r, n) => (
              <tr class="utrecht-table__row" key={r}>
                <th class="utrecht-table__header-cell" scope="row">
                  {r}
                </th>
                {t.kolommen.map((g, c) => (
                  <td class="utrecht-table__cell" key={g}>
                    {cel(t.cellen[n]?.[c] ?? null)}
                  </td>
                ))}
                <td class="utrecht-table__cell">{cel(t.rijTotalen[n] ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The signaalfunctie for policy staff: counts only, small cells suppressed, as charts and tables. */
export const signaalfunctiePage: WebPage = {
  method: 'GET',
  path: '/beleidscijfers',
  access: ['beleidsmedewerker'],
  async handle(request) {
    const vraag = vraagVan(request);
    const k = request.deps.ops.signaalK;
    let errors: FieldError[] = [];
    let found: KwartaalTabel[] = [];
    try {
      found = await tabellen(request, vraag);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      errors = fields;
    }
    return {
      title: 'Signaalfunctie',
      status: errors.length ? 400 : 200,
      body: (
        <>
          <ErrorSummary errors={errors} />
          <p class="utrecht-paragraph">
            {`Aantallen casussen per kwartaal. Een aantal onder de ${getal(k)} tonen we niet: daar staat "onderdrukt".`}
          </p>
          <form method="get" action="/beleidscijfers" class="kp-actions">
            <TextField
              name="van"
              label="Van"
              hint="Eerste dag van een kwartaal, bijvoorbeeld 2026-01-01"
              value={vraag.van}
              errors={errors}
            />
            <TextField
              name="tot"
              label="Tot en met"
              hint="Laatste dag van een kwartaal, bijvoorbeeld 2026-12-31"
              value={vraag.tot}
              errors={errors}
            />
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="indeling">
                Indeling
              </label>
              <select class="utrecht-select" id="indeling" name="indeling">
                {indelingen.map((i) => (
                  <option value={i} selected={i === vraag.indeling} key={i}>
                    {indelingNamen[i]}
                  </option>
                ))}
              </select>
            </div>
            <TextField name="gemeente" label="Gemeente (leeg: alle)" value={vraag.gemeente ?? ''} errors={errors} />
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              Tonen
            </button>
          </form>
          {errors.length === 0 && (
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`/beleidscijfers.csv?${queryString(vraag).toString()}`} download>
                Download als CSV
              </a>
            </p>
          )}
          {errors.length === 0 && found.length === 0 && <p class="utrecht-paragraph">Geen kwartalen gevonden.</p>}
          {found.map((t, i) => (
            <Kwartaal t={t} i={i} indeling={vraag.indeling} k={k} key={t.kwartaal} />
          ))}
        </>
      ),
    };
  },
};

/** The same tables as CSV (suppressed cells empty), as the API answers with `Accept: text/csv`. */
export const signaalfunctieCsv: WebPage = {
  method: 'GET',
  path: '/beleidscijfers.csv',
  access: ['beleidsmedewerker'],
  async handle(request) {
    const vraag = vraagVan(request);
    const found = await tabellen(request, vraag);
    return {
      download: {
        filename: `signaalfunctie-${vraag.indeling}-${vraag.van}-${vraag.tot}.csv`,
        type: 'text/csv; charset=utf-8',
        text: signaalCsv(found, vraag.indeling),
      },
    };
  },
};
