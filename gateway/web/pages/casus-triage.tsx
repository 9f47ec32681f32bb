import { DomainError } from '../../errors/domain-error.js';
import { callerOf } from '../../http/caller-of.js';
import { triageProposal } from '../../intake/triage.js';
import { datumTijd } from '../format.js';
import type { WebPage } from '../web-page.js';

const uitkomsten: Record<string, string> = {
  'terugleggen-met-advies': 'Terugleggen met advies',
  'ondersteunen-aanmelder': 'Aanmelder ondersteunen',
  procesregie: 'Procesregie',
};
const uitkomstTekst = (u: string) => uitkomsten[u] ?? u;

/**
 * The triage of a casus as the API's getTriage gives it (the ZVH's regisseur only): the proposal with
 * each criterion and its reasons, and every version of the decision. A reason or motivation never names
 * what the covenant withholds for triage: the use case already leaves it out.
 */
export const casusTriagePage: WebPage = {
  method: 'GET',
  path: '/mijn-casussen/:casusId/triage',
  access: ['procesregisseur'],
  async handle(r) {
    if (r.user.partner.soort !== 'zvh')
      throw new DomainError('forbidden', 'Alleen procesregisseurs van het Zorg- en Veiligheidshuis doen de triage.');
    const casusId = r.params.casusId ?? '';
    const t = await triageProposal(r.deps.ops.useCases, callerOf(r.user.caller), casusId);
    const nieuwsteEerst = [...t.geschiedenis].reverse();
    return {
      title: `Triage van casus ${casusId.slice(0, 8)}`,
      body: (
        <>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/mijn-casussen/${casusId}`}>
              Terug naar de casus
            </a>
          </p>
          <h2 class="utrecht-heading-2">Voorstel</h2>
          <p class="utrecht-paragraph">{`Voorstel volgens de criteria: ${uitkomstTekst(t.voorstel)}.`}</p>
          {t.codeRood && <p class="utrecht-paragraph">Deze casus is code rood.</p>}
          <h3 class="utrecht-heading-3">Criteria en redenen</h3>
          <ul class="utrecht-unordered-list">
            {t.criteria.map((c) => (
              <li key={c.criterium}>
                {`${c.omschrijving}: ${c.voldaan ? 'voldaan' : 'niet voldaan'}.`}
                {c.redenen.length > 0 && (
                  <ul class="utrecht-unordered-list">
                    {c.redenen.map((reden, i) => (
                      <li key={i}>{reden}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          <h2 class="utrecht-heading-2">Besluit en geschiedenis</h2>
          {nieuwsteEerst.length === 0 ? (
            <p class="utrecht-paragraph">Er is nog geen triagebesluit.</p>
          ) : (
            <div class="kp-table-wrap">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption">Alle versies van het triagebesluit, nieuwste eerst</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    {['Versie', 'Wanneer', 'Door', 'Uitkomst', 'Motivering'].map((h) => (
                      <th class="utrecht-table__header-cell" scope="col" key={h}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {nieuwsteEerst.map((b, i) => (
                    <tr class="utrecht-table__row" key={b.id}>
                      <td class="utrecht-table__cell">{i === 0 ? `${b.versie} (geldend)` : String(b.versie)}</td>
                      <td class="utrecht-table__cell">{datumTijd(b.op)}</td>
                      <td class="utrecht-table__cell">{b.door}</td>
                      <td class="utrecht-table__cell">{uitkomstTekst(b.uitkomst)}</td>
                      <td class="utrecht-table__cell">{b.motivering ?? 'Niet zichtbaar voor u'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ),
    };
  },
};
