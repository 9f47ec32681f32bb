import type { ComponentChildren } from 'preact';

export interface FieldError {
  field: string;
  message: string;
}

/** A trimmed text value of a form, or undefined when empty or not text. */
export function textOf(form: Record<string, unknown>, name: string): string | undefined {
  const v = form[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The error summary at the top of a form (WCAG 3.3.1): focusable, each error links to its field. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div
      class="utrecht-alert utrecht-alert--error kp-error-summary"
      role="alert"
      aria-labelledby="fouten-titel"
      tabIndex={-1}
    >
      <h2 class="utrecht-heading-2" id="fouten-titel">
        Er {errors.length === 1 ? 'is 1 fout' : `zijn ${errors.length} fouten`} in het formulier
      </h2>
      <ul class="utrecht-unordered-list">
        {errors.map((e) => (
          <li key={e.field}>
            <a class="utrecht-link" href={`#${e.field}`}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled text field, with its hint and error tied to it for screen readers. */
export function TextField(props: {
  name: string;
  label: string;
  value?: string;
  hint?: string;
  errors?: FieldError[];
  type?: string;
  inputMode?: 'numeric' | 'text';
  autoComplete?: string;
  children?: ComponentChildren;
}) {
  const error = props.errors?.find((e) => e.field === props.name);
  const described = [props.hint && `${props.name}-hint`, error && `${props.name}-fout`].filter(Boolean).join(' ');
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={props.name}>
        {props.label}
      </label>
      {props.hint && (
        <p class="utrecht-form-field-description" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="utrecht-form-field-error-message" id={`${props.name}-fout`}>
          {error.message}
        </p>
      )}
      <input
        class={`utrecht-textbox${error ? ' utrecht-textbox--invalid' : ''}`}
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}
