import { volgendOverleg } from '../../casusoverleg/volgend-overleg.js';
import { callerOf } from '../../http/caller-of.js';
import { datum, datumTijd } from '../format.js';
import type { WebPage } from '../web-page.js';

/**
 * The agenda of the next casusoverleg this casus is on, as the API's getCasusoverleg shows a meeting:
 * the ZVH sees every item with invitees, minutes and agreements; a partner only its own items and the
 * agreements it owns.
 */
export const casusOverlegPage: WebPage = {
  method: 'GET',
  path: '/mijn-casussen/:casusId/overleg',
  access: ['procesregisseur', 'ketenmanager'],
  async handle(r) {
    const casusId = r.params.casusId ?? '';
    const o = await volgendOverleg(r.deps.ops.useCases, callerOf(r.user.caller), casusId);
    const title = `Volgend casusoverleg voor casus ${casusId.slice(0, 8)}`;
    const terug = (
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/mijn-casussen/${casusId}`}>
          Terug naar de casus
        </a>
      </p>
    );
    if (!o)
      return {
        title,
        body: (
          <>
            {terug}
            <p class="utrecht-paragraph">Deze casus staat niet op de agenda van een gepland casusoverleg.</p>
          </>
        ),
      };
    const waar = [o.locatie, o.online ? 'online' : null].filter(Boolean).join(', ') || 'nog niet bekend';
    return {
      title,
      body: (
        <>
          {terug}
          <dl class="kp-dl">
            <dt class="kp-dl-term">Wanneer</dt>
            <dd class="kp-dl-value">{datumTijd(o.datum)}</dd>
            <dt class="kp-dl-term">Waar</dt>
            <dd class="kp-dl-value">{waar}</dd>
          </dl>
          <h2 class="utrecht-heading-2">Agenda</h2>
          <ol class="utrecht-ordered-list">
            {o.agendapunten.map((p) => (
              <li key={p.id}>
                <h3 class="utrecht-heading-3">
                  {p.casus === casusId ? `Casus ${p.casus.slice(0, 8)} (deze casus)` : `Casus ${p.casus.slice(0, 8)}`}
                </h3>
                {'genodigden' in p && p.genodigden && (
                  <p class="utrecht-paragraph">{`Genodigden: ${p.genodigden.join(', ') || 'niemand'}.`}</p>
                )}
                {'notulen' in p && p.notulen && <p class="utrecht-paragraph">{`Notulen: ${p.notulen}`}</p>}
                {p.afspraken.length > 0 && (
                  <ul class="utrecht-unordered-list">
                    {p.afspraken.map((a) => (
                      <li key={a.id}>
                        {`${a.tekst} (eigenaar: ${a.eigenaar ?? 'niemand'}${a.deadline ? `, deadline ${datum(a.deadline)}` : ''})`}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      ),
    };
  },
};
