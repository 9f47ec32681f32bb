import type { PageRequest } from './web-page.js';

/** Asks for the purpose first: the covenant decides per purpose, and the law wants it declared. */
export function PurposeForm({ r, action, knop }: { r: PageRequest; action: string; knop: string }) {
  const purposes = [...(r.deps.ops.useCases.policy.covenant()?.purposes.values() ?? [])];
  return (
    <form method="get" action={action}>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="doel">
          Voor welk doel bekijkt u deze casus?
        </label>
        <p class="utrecht-form-field-description" id="doel-hint">
          U ziet alleen wat het convenant voor dit doel toestaat. Uw bezoek wordt vastgelegd in het verstrekkingslog.
        </p>
        <select class="utrecht-select" id="doel" name="doel" aria-describedby="doel-hint">
          {purposes.map((d) => (
            <option value={d.key} key={d.key}>
              {`${d.key}: ${d.omschrijving}`}
            </option>
          ))}
        </select>
      </div>
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        {knop}
      </button>
    </form>
  );
}

/** The declared purpose from the query string, or '' when none was chosen yet. */
export const doelOf = (r: PageRequest) => (typeof r.req.query.doel === 'string' ? r.req.query.doel : '');
