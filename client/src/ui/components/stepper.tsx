import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { holdDelay } from '../logic/step.js';
import { Field } from './field.js';

/** `held` is true for the repeats of a press-and-hold (a field may then take bigger steps). */
export type StepHandler = (direction: -1 | 1, held: boolean) => void;

export interface StepperProps {
  id: string;
  label: string;
  /** The text shown and edited: a grind setting like "2.4.1", or a number. */
  value: string;
  onStep: StepHandler;
  onInput: (text: string) => void;
  /** Words under − and + (e.g. "finer" / "coarser"); they name the buttons for screen readers. */
  decLabel?: string;
  incLabel?: string;
  unit?: string;
  inputMode?: 'decimal' | 'text';
  error?: string | null;
  /** Why a step did nothing, shown under the row and announced (a polite status). */
  note?: string | null;
}

/**
 * One − or + button. A press steps once at once, and holding it repeats faster and faster
 * (logic/step.ts holdDelay). Pointer events cover touch, mouse and pen alike; the click that
 * follows a pointer press is swallowed, so only a keyboard's Enter or Space steps through
 * `onClick`.
 */
function StepButton(props: {
  label: string;
  word: string | undefined;
  dir: -1 | 1;
  onStep: StepHandler;
}) {
  const { dir } = props;
  // The newest handler: a hold outlives the render it started in, and each step re-renders.
  const onStep = useRef(props.onStep);
  onStep.current = props.onStep;
  const timer = useRef<number | undefined>(undefined);
  const pointerPressed = useRef(false);

  const stop = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  };
  useEffect(() => stop, []);
  const repeat = (repeats: number) => {
    timer.current = window.setTimeout(() => {
      onStep.current(dir, true);
      repeat(repeats + 1);
    }, holdDelay(repeats));
  };

  return (
    <button
      type="button"
      class="stepper-btn"
      aria-label={`${props.label} ${props.word ?? (dir < 0 ? 'less' : 'more')}`}
      data-step={dir < 0 ? 'dec' : 'inc'}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        // Keep receiving the pointer's up even if the finger slides off the button.
        e.currentTarget.setPointerCapture?.(e.pointerId);
        pointerPressed.current = true;
        stop();
        onStep.current(dir, false);
        repeat(0);
      }}
      onPointerUp={stop}
      onPointerCancel={() => {
        // A scroll took the touch over: no click follows, so the next one is a keyboard's.
        pointerPressed.current = false;
        stop();
      }}
      onLostPointerCapture={stop}
      onContextMenu={(e) => e.preventDefault()}
      onClick={() => {
        if (pointerPressed.current) {
          pointerPressed.current = false;
          return;
        }
        onStep.current(dir, false);
      }}
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
        <>
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
          {/* Always present, so a screen reader already watches it when a note appears. */}
          <p class="stepper-note" role="status" id={`${id}-note`}>
            {props.note ?? ''}
          </p>
        </>
      )}
    </Field>
  );
}
