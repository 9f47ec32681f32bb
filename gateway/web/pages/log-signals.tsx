import { logScopeOf } from '../../disclosure/log-scope.js';
import { anomalySignals } from '../../disclosure/review.js';
import { callerOf } from '../../http/caller-of.js';
import { getal } from '../format.js';
import type { WebPage } from '../web-page.js';

const soortNamen: Record<string, string> = {
  'volume-boven-gewoonte': 'Veel meer verstrekkingen dan gewoonlijk',
  'weigeringen-buiten-deelname': 'Pogingen buiten deelname',
  'bulk-buiten-kantoortijd': 'Veel verstrekkingen buiten kantoortijd',
};

/** The anomaly signals of the last 30 days, within the officer's scope (the API's getAnomalySignals). */
export const logSignalsPage: WebPage = {
  method: 'GET',
  path: '/logboek/signalen',
  access: ['privacy-officer'],
  async handle({ deps, user }) {
    const signalen = await anomalySignals(
      deps.ops.ledger,
      deps.ops.useCases.clock.now(),
      logScopeOf(callerOf(user.caller)),
    );
    return {
      title: 'Signalen',
      body:
        signalen.length === 0 ? (
          <p class="utrecht-paragraph">Geen opvallende patronen in de laatste 30 dagen.</p>
        ) : (
          <div class="kp-table-wrap">
            <table class="utrecht-table">
              <caption class="utrecht-table__caption">Opvallende patronen, laatste 30 dagen</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">
                    Signaal
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    Partner
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    Aantal
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    Uitleg
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {signalen.map((s) => (
                  <tr class="utrecht-table__row" key={`${s.soort}-${s.partner}`}>
                    <td class="utrecht-table__cell">{soortNamen[s.soort] ?? s.soort}</td>
                    <td class="utrecht-table__cell">{s.partner}</td>
                    <td class="utrecht-table__cell">{getal(s.aantal)}</td>
                    <td class="utrecht-table__cell">{s.uitleg}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
    };
  },
};
