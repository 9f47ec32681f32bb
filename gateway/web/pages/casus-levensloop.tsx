import { casusLevensloop, verplaatsCasus } from '../../cases/verplaats-casus.js';
import { DomainError } from '../../errors/domain-error.js';
import { callerOf } from '../../http/caller-of.js';
import { ErrorSummary, TextField, textOf, type FieldError } from '../form-fields.js';
import { datumTijd } from '../format.js';
import { CsrfField } from '../layout.js';
import { formErrorsOf } from '../problem-fields.js';
import type { PageRequest, PageResult, WebPage } from '../web-page.js';

const path = (casusId: string) => `/mijn-casussen/${casusId}/levensloop`;

/** The lifecycle is the ZVH's procesregisseur's (zvhRegisseur in the API). */
function requireZvh(r: PageRequest): void {
  if (r.user.partner.soort !== 'zvh')
    throw new DomainError('forbidden', 'Alleen procesregisseurs van het Zorg- en Veiligheidshuis sturen de casus.');
}

/** Status, phase and every step with its reason; the allowed next steps as a form that asks a reason. */
async function levensloopPage(r: PageRequest, errors: FieldError[] = [], status = 200): Promise<PageResult> {
  requireZvh(r);
  const casusId = r.params.casusId ?? '';
  const l = await casusLevensloop(r.deps.ops.useCases, casusId);
  return {
    title: `Levensloop van casus ${casusId.slice(0, 8)}`,
    status,
    body: (
      <>
        <ErrorSummary errors={errors} />
        <dl class="kp-dl">
          <dt class="kp-dl-term">Status</dt>
          <dd class="kp-dl-value">{l.status}</dd>
          <dt class="kp-dl-term">Fase</dt>
          <dd class="kp-dl-value">{l.fase}</dd>
          <dt class="kp-dl-term">Code rood</dt>
          <dd class="kp-dl-value">{l.codeRood ? 'Ja' : 'Nee'}</dd>
        </dl>
        <h2 class="utrecht-heading-2">Volgende stap</h2>
        {l.toegestaan.length === 0 ? (
          <p class="utrecht-paragraph">
            Vanuit deze status is geen stap mogelijk. Een triagebesluit gaat via de triage.
          </p>
        ) : (
          <form method="post" action={path(casusId)} class="kp-form">
            <CsrfField user={r.user} />
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="naar">
                Naar status
              </label>
              <select class="utrecht-select" id="naar" name="naar">
                {l.toegestaan.map((s) => (
                  <option value={s} key={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
            <TextField name="reden" label="Reden" errors={errors} />
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              Stap zetten
            </button>
          </form>
        )}
        <h2 class="utrecht-heading-2">Geschiedenis</h2>
        {l.overgangen.length === 0 ? (
          <p class="utrecht-paragraph">Nog geen stappen.</p>
        ) : (
          <ol class="utrecht-ordered-list">
            {l.overgangen.map((o) => (
              <li
                key={o.volgnummer}
              >{`${datumTijd(o.op)}: van ${o.van ?? 'nieuw'} naar ${o.naar}. Reden: ${o.reden}`}</li>
            ))}
          </ol>
        )}
      </>
    ),
  };
}

export const casusLevensloopPage: WebPage = {
  method: 'GET',
  path: '/mijn-casussen/:casusId/levensloop',
  access: ['procesregisseur'],
  handle: (r) => levensloopPage(r),
};

/** One step (the API's createCasusOvergang); a refused step shows the page again with the reason. */
export const casusOvergangAction: WebPage = {
  method: 'POST',
  path: '/mijn-casussen/:casusId/levensloop',
  access: ['procesregisseur'],
  async handle(r) {
    requireZvh(r);
    const reden = textOf(r.form, 'reden');
    if (!reden) return levensloopPage(r, [{ field: 'reden', message: 'Geef een reden voor deze stap.' }], 400);
    try {
      await verplaatsCasus(r.deps.ops.useCases, callerOf(r.user.caller), r.params.casusId ?? '', {
        naar: textOf(r.form, 'naar') ?? '',
        reden,
      });
    } catch (err) {
      const { errors, status } = formErrorsOf(err, 'naar');
      return levensloopPage(r, errors, status);
    }
    return { redirect: path(r.params.casusId ?? '') };
  },
};
