import type { JSX } from 'preact';
import { Field } from './field.js';

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

function StepButton(props: {
  label: string;
  word: string | undefined;
  dir: -1 | 1;
  onStep: StepperProps['onStep'];
}) {
  const { dir } = props;
  return (
    <button
      type="button"
      class="stepper-btn"
      aria-label={`${props.label} ${props.word ?? (dir < 0 ? 'less' : 'more')}`}
      data-step={dir < 0 ? 'dec' : 'inc'}
      onClick={() => props.onStep(dir)}
    >
      <span aria-hidden="true">
        {dir < 0 ? '−' : '+'}
        <small>{props.word ?? ''}</small>
      </span>
    </button>
  );
}

/**
 * − [value] +, each part a 64 px target: the thumb hits it with a wet hand at the grinder.
 * The value is a real text field too, so a keyboard (or a precise hand) can type it.
 */
export function Stepper(props: StepperProps): JSX.Element {
  const { id, label, unit } = props;
  return (
    <Field
      id={id}
      class="stepper"
      error={props.error}
      label={
        <>
          {label}
          {unit ? <span class="muted"> ({unit})</span> : null}
        </>
      }
    >
      {(control) => (
        <div class="stepper-row">
          <StepButton label={label} word={props.decLabel} dir={-1} onStep={props.onStep} />
          <input
            {...control}
            class="stepper-value"
            value={props.value}
            inputMode={props.inputMode ?? 'decimal'}
            autoComplete="off"
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
          <StepButton label={label} word={props.incLabel} dir={1} onStep={props.onStep} />
        </div>
      )}
    </Field>
  );
}
