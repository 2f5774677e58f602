import type { ComponentChildren, JSX } from 'preact';

/** What a field's control carries: its id, and the texts that describe it. */
export interface ControlProps {
  id: string;
  'aria-invalid': 'true' | 'false';
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  id: string;
  label: ComponentChildren;
  /** Shown under the control and read with it; the control is marked invalid while set. */
  error?: string | null | undefined;
  /** A standing note under the control (e.g. a password rule), read with it too. */
  hint?: string;
  /** The wrapper's class: `field` (a form row) unless said otherwise (the stepper). */
  class?: string;
  /** The control, given the props that tie it to the label, the hint and the error. */
  children: (control: ControlProps) => ComponentChildren;
}

/**
 * A label, one control and its error text, tied by `for` and `aria-describedby`, so a screen
 * reader reads the message with the field. The control keeps a scroll margin under the sticky
 * header (controls.css), so focusing a bad field from below shows it and its label.
 */
export function Field(props: FieldProps): JSX.Element {
  const { id, error, hint } = props;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div class={props.class ?? 'field'}>
      <label class="label" for={id}>
        {props.label}
      </label>
      {props.children({
        id,
        'aria-invalid': error ? 'true' : 'false',
        'aria-describedby': described || undefined,
      })}
      {hint ? (
        <span id={hintId} class="muted">
          {hint}
        </span>
      ) : null}
      {error ? (
        <p class="error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Moves focus to the first field marked invalid, after the render that marks it. */
export function focusFirstInvalid(): void {
  setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
