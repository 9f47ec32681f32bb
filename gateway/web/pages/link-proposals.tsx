import { DomainError } from '../../errors/domain-error.js';
import { callerOf } from '../../http/caller-of.js';
import { koppelvoorstelOverzicht } from '../../intake/koppelvoorstel-overzicht.js';
import { decideKoppelvoorstel } from '../../intake/koppelvoorstellen.js';
import { getal } from '../format.js';
import { textOf } from '../form-fields.js';
import { CsrfField } from '../layout.js';
import type { SignedIn } from '../session.js';
import type { PageRequest, WebPage } from '../web-page.js';

interface Voorstel {
  id: string;
  score: number;
  overeenkomsten: string[];
  vergelijking: { betrokkene: Record<string, unknown>; kandidaat: Record<string, unknown> };
}

const FIELDS: [string, string][] = [
  ['voornamen', 'Voornamen'],
  ['tussenvoegsel', 'Tussenvoegsel'],
  ['achternaam', 'Achternaam'],
  ['geboortedatum', 'Geboortedatum'],
  ['postcode', 'Postcode'],
  ['bronnen', 'Geleverd door'],
];
const show = (v: unknown) => (v === undefined ? 'niet zichtbaar' : Array.isArray(v) ? v.join(', ') : String(v));

/** Linking is for the ZVH's own procesregisseurs, as in the API (zvhRegisseur). */
function requireZvh(user: SignedIn): void {
  if (user.partner.soort !== 'zvh')
    throw new DomainError(
      'forbidden',
      'Alleen procesregisseurs van het Zorg- en Veiligheidshuis beoordelen koppelvoorstellen.',
    );
}

function Proposal({ v, n, user }: { v: Voorstel; n: number; user: SignedIn }) {
  const id = `voorstel-${n}`;
  return (
    <section aria-labelledby={id} class="kp-proposal">
      <h2 class="utrecht-heading-2" id={id}>{`Voorstel ${n} (score ${getal(v.score)})`}</h2>
      <p class="utrecht-paragraph">{`Wat overeenkomt: ${v.overeenkomsten.join(', ') || 'niets bijzonders'}.`}</p>
      <div class="kp-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">De twee registraties naast elkaar</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                Gegeven
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Registratie A
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                Registratie B
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {FIELDS.map(([f, label]) => (
              <tr class="utrecht-table__row" key={f}>
                <th class="utrecht-table__header-cell" scope="row">
                  {label}
                </th>
                <td class="utrecht-table__cell">{show(v.vergelijking.betrokkene[f])}</td>
                <td class="utrecht-table__cell">{show(v.vergelijking.kandidaat[f])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action={`/koppelvoorstellen-beoordelen/${v.id}`}>
        <CsrfField user={user} />
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">Uw besluit</legend>
          <p>
            <input type="radio" id={`${id}-samen`} name="besluit" value="samenvoegen" required />
            <label for={`${id}-samen`}>Samenvoegen: dit is dezelfde persoon</label>
          </p>
          <p>
            <input type="radio" id={`${id}-af`} name="besluit" value="afwijzen" />
            <label for={`${id}-af`}>Afwijzen: dit zijn verschillende personen</label>
          </p>
        </fieldset>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={`${id}-reden`}>
            Reden (verplicht)
          </label>
          <textarea class="utrecht-textarea" id={`${id}-reden`} name="motivering" rows={3} required maxLength={500} />
        </div>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Besluit opslaan
        </button>
      </form>
    </section>
  );
}

/** Open link proposals, the two records side by side as far as the covenant allows (the API's listKoppelvoorstellen; logged). */
export const linkProposalsPage: WebPage = {
  method: 'GET',
  path: '/koppelvoorstellen-beoordelen',
  access: ['procesregisseur'],
  async handle(r) {
    requireZvh(r.user);
    const pending = await koppelvoorstelOverzicht(
      r.deps.ops.useCases,
      callerOf(r.user.caller),
      r.res.locals.ctx.traceId,
    );
    const voorstellen = ((pending.body as { koppelvoorstellen?: Voorstel[] }).koppelvoorstellen ?? []).slice(0, 20);
    const done = r.req.query.besluit === 'opgeslagen';
    return {
      title: 'Koppelvoorstellen',
      disclosures: [pending],
      body: (
        <>
          {done && (
            <div class="utrecht-alert utrecht-alert--ok" role="status">
              <p class="utrecht-paragraph">Uw besluit is opgeslagen.</p>
            </div>
          )}
          {voorstellen.length === 0 ? (
            <p class="utrecht-paragraph">Er zijn geen open koppelvoorstellen.</p>
          ) : (
            voorstellen.map((v, i) => <Proposal v={v} n={i + 1} user={r.user} key={v.id} />)
          )}
        </>
      ),
    };
  },
};

/** Decides one proposal, with the reason the law asks for; then back to the list (post/redirect/get). */
export const decideLinkProposal: WebPage = {
  method: 'POST',
  path: '/koppelvoorstellen-beoordelen/:voorstelId',
  access: ['procesregisseur'],
  async handle(r: PageRequest) {
    requireZvh(r.user);
    const besluit = textOf(r.form, 'besluit');
    const motivering = textOf(r.form, 'motivering');
    if ((besluit !== 'samenvoegen' && besluit !== 'afwijzen') || !motivering || motivering.length > 500)
      return {
        title: 'Besluit niet opgeslagen',
        status: 400,
        body: (
          <div class="utrecht-alert utrecht-alert--error" role="alert">
            <p class="utrecht-paragraph">Kies samenvoegen of afwijzen, en schrijf een reden (tot 500 tekens).</p>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href="/koppelvoorstellen-beoordelen">
                Terug naar de koppelvoorstellen
              </a>
            </p>
          </div>
        ),
      };
    await decideKoppelvoorstel(
      r.deps.ops.useCases,
      callerOf(r.user.caller),
      r.params.voorstelId ?? '',
      besluit,
      motivering,
    );
    return { redirect: '/koppelvoorstellen-beoordelen?besluit=opgeslagen' };
  },
};
