import { actorOf } from '../../operations/partnerbeheer/actor-of.js';
import { dodeBrieven, replayDodeBrief } from '../../meldingen/webhook-beheer.js';
import { callerOf } from '../../http/caller-of.js';
import { DomainError } from '../../errors/domain-error.js';
import { datumTijd, getal } from '../format.js';
import { ErrorSummary, textOf, type FieldError } from '../form-fields.js';
import { CsrfField } from '../layout.js';
import { listViewOf, pageOf, Pagination, SortHeader } from '../list-controls.js';
import type { SignedIn } from '../session.js';
import type { PageRequest, PageResult, WebPage } from '../web-page.js';

const BASE = '/beheer/dode-brieven';
const PER_PAGE = 25;
const KOLOMMEN = ['aangemaaktOp', 'partner', 'soort', 'pogingen'] as const;

/** Webhooks are the ZVH's to run (zvhBeheerder in the API). */
function requireZvh(user: SignedIn): void {
  if (user.partner.soort !== 'zvh')
    throw new DomainError('forbidden', 'Alleen beheerders van het Zorg- en Veiligheidshuis zien dode brieven.');
}

async function listPage(r: PageRequest, errors: FieldError[] = [], fout?: string): Promise<PageResult> {
  requireZvh(r.user);
  const view = listViewOf(r.req, KOLOMMEN, { pagina: 1, sort: 'aangemaaktOp', richting: 'op' });
  const all = await dodeBrieven(r.deps.ops.useCases.store);
  const page = pageOf(
    all,
    view,
    {
      aangemaaktOp: (d) => d.aangemaaktOp,
      partner: (d) => d.partner,
      soort: (d) => d.soort,
      pogingen: (d) => d.pogingen,
    },
    PER_PAGE,
  );
  return {
    title: 'Dode brieven',
    status: errors.length ? 400 : 200,
    body: (
      <>
        <ErrorSummary errors={errors} />
        {r.req.method === 'GET' && r.req.query.opnieuw === '1' && (
          <p class="utrecht-alert utrecht-alert--ok" role="status">
            De melding staat weer in de wachtrij.
          </p>
        )}
        <p class="utrecht-paragraph">
          Meldingen die na alle pogingen niet bij de partner aankwamen. Stuur een melding opnieuw als de partner zijn
          adres heeft hersteld. Geef daarbij een reden.
        </p>
        {all.length === 0 ? (
          <p class="utrecht-paragraph">Er zijn geen dode brieven.</p>
        ) : (
          <div class="kp-table-wrap">
            <table class="utrecht-table">
              <caption class="utrecht-table__caption">{`${getal(page.total)} dode brieven`}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <SortHeader base={BASE} view={view} kolom="aangemaaktOp" label="Gemaakt op" />
                  <SortHeader base={BASE} view={view} kolom="partner" label="Partner" />
                  <SortHeader base={BASE} view={view} kolom="soort" label="Soort melding" />
                  <SortHeader base={BASE} view={view} kolom="pogingen" label="Pogingen" />
                  <th class="utrecht-table__header-cell" scope="col">
                    Laatste fout
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    Opnieuw sturen
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {page.items.map((d) => (
                  <tr class="utrecht-table__row" key={d.id}>
                    <td class="utrecht-table__cell">{datumTijd(d.aangemaaktOp)}</td>
                    <td class="utrecht-table__cell">{d.partner}</td>
                    <td class="utrecht-table__cell">{d.soort}</td>
                    <td class="utrecht-table__cell">{getal(d.pogingen)}</td>
                    <td class="utrecht-table__cell kp-mono">{d.laatsteFout ?? '—'}</td>
                    <td class="utrecht-table__cell">
                      <form method="post" action={`${BASE}/${d.id}/opnieuw`} class="kp-action-form">
                        <CsrfField user={r.user} />
                        <label class="utrecht-form-label" for={`reden-${d.id}`}>
                          {`Reden (melding ${d.id.slice(0, 8)})`}
                        </label>
                        <input
                          class="utrecht-textbox"
                          id={`reden-${d.id}`}
                          name="reden"
                          maxLength={300}
                          autoComplete="off"
                          aria-invalid={fout === d.id ? 'true' : undefined}
                        />
                        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                          Opnieuw sturen
                        </button>
                      </form>
                    </td>
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
}

/** The dead-letter list (the API's listDodeBrieven): ids, partners, codes and counts, no personal data. */
export const dodeBrievenPage: WebPage = {
  method: 'GET',
  path: BASE,
  access: ['beheerder'],
  handle: (r) => listPage(r),
};

/** Sends one again (the API's replayDodeBrief); the beheerder's reason goes to the audit trail beside it. */
export const replayDodeBriefAction: WebPage = {
  method: 'POST',
  path: `${BASE}/:meldingId/opnieuw`,
  access: ['beheerder'],
  async handle(r) {
    requireZvh(r.user);
    const id = r.params.meldingId ?? '';
    const reden = textOf(r.form, 'reden');
    if (!reden || reden.length > 300)
      return listPage(r, [{ field: `reden-${id}`, message: 'Vul een reden in om de melding opnieuw te sturen.' }], id);
    const useCases = r.deps.ops.useCases;
    await replayDodeBrief(useCases, callerOf(r.user.caller), id);
    await useCases.store.audit.record(
      {
        soort: 'beheer-reden',
        reden: 'webhook-opnieuw',
        partnerId: r.user.partner.id,
        actor: actorOf(r.user.caller),
        details: JSON.stringify({ melding: id, toelichting: reden }),
      },
      useCases.clock.now(),
    );
    return { redirect: `${BASE}?opnieuw=1` };
  },
};
