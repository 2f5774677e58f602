import type { JSX } from 'preact';

export interface StepperProps {
  id: string;
  label: string;
  /** The text shown and edited: a grind setting like "2.4.1", or a number. */
  value: string;
  onStep: (direction: -1 | 1) => void;
  onInput: (text: string) => void;
  /** Words under − and + (e.g. "finer" / "coarser"); they name the buttons for screen readers. */
  decLabel?: string;
  incLabel?: string;
  unit?: string;
  inputMode?: 'decimal' | 'text';
  error?: string | null;
}

/**
 * − [value] +, each part a 64 px target: the thumb hits it with a wet hand at the grinder.
 * The value is a real text field too, so a keyboard (or a precise hand) can type it.
 */
export function Stepper(props: StepperProps): JSX.Element {
  const { id, label, value, unit, error } = props;
  const dec = props.decLabel ?? 'less';
  const inc = props.incLabel ?? 'more';
  const errorId = `${id}-error`;
  return (
    <div class="stepper">
      <label class="label" for={id}>
        {label}
        {unit ? <span class="muted"> ({unit})</span> : null}
      </label>
      <div class="stepper-row">
        <button
          type="button"
          class="stepper-btn"
          aria-label={`${label} ${dec}`}
          data-step="dec"
          onClick={() => props.onStep(-1)}
        >
          <span aria-hidden="true">
            −<small>{props.decLabel ?? ''}</small>
          </span>
        </button>
        <input
          id={id}
          class="stepper-value"
          value={value}
          inputMode={props.inputMode ?? 'decimal'}
          autoComplete="off"
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
        <button
          type="button"
          class="stepper-btn"
          aria-label={`${label} ${inc}`}
          data-step="inc"
          onClick={() => props.onStep(1)}
        >
          <span aria-hidden="true">
            +<small>{props.incLabel ?? ''}</small>
          </span>
        </button>
      </div>
      {error ? (
        <p class="error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
