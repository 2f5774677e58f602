import type { JSX } from 'preact';
import { BREW_FIELDS, BREW_METHODS } from '../../../../shared/model/entities.js';
import { brewRatio, isFilter } from '../../../../shared/model/ratio.js';
import type { BrewDraft } from '../logic/brew-draft.js';
import { parseNumber } from '../logic/brew-draft.js';
import { METHOD_LABELS } from '../logic/format.js';
import { stepGrind } from '../logic/grind.js';
import { stepNumber } from '../logic/step.js';
import { Rating } from './rating.js';
import { RatioDisplay } from './ratio-display.js';
import { ShotTimer } from './shot-timer.js';
import { Stepper } from './stepper.js';
import { TasteButtons } from './taste-buttons.js';

export interface BrewFormProps {
  draft: BrewDraft;
  onChange: (draft: BrewDraft) => void;
  errors: Record<string, string>;
  /** Slot above the steppers: the coffee picker (differs between logging and editing). */
  coffee: JSX.Element;
}

type NumberField = 'doseG' | 'yieldG' | 'waterG' | 'timeS' | 'tempC';

/** Step sizes a barista actually turns: 0.1 g of dose, 0.5 g of yield, 5 g of water, 1 s. */
const STEPS: Record<NumberField, { step: number; start: number }> = {
  doseG: { step: 0.1, start: 18 },
  yieldG: { step: 0.5, start: 36 },
  waterG: { step: 5, start: 250 },
  timeS: { step: 1, start: 28 },
  tempC: { step: 1, start: 93 },
};

/**
 * The brew form: big steppers in the order of a shot (grind, dose, out, time), then the
 * verdict (taste, rating). Controlled: the parent owns the draft and saving.
 */
export function BrewForm({ draft, onChange, errors, coffee }: BrewFormProps): JSX.Element {
  const set = (patch: Partial<BrewDraft>) => onChange({ ...draft, ...patch });
  const filter = isFilter(draft.method);
  const outField: NumberField = filter ? 'waterG' : 'yieldG';

  const numberStepper = (field: NumberField, label: string, unit: string) => {
    const spec = BREW_FIELDS[field];
    const { step, start } = STEPS[field];
    const current = parseNumber(draft[field]);
    return (
      <Stepper
        id={`f-${field}`}
        label={label}
        unit={unit}
        value={draft[field]}
        error={errors[field] ?? null}
        onInput={(text) => set({ [field]: text })}
        onStep={(dir) => {
          const base = current === null || Number.isNaN(current) ? null : current;
          set({ [field]: String(stepNumber(base, dir * step, spec.min, spec.max, start)) });
        }}
      />
    );
  };

  const ratio = brewRatio({
    method: draft.method,
    doseG: parseNumber(draft.doseG),
    yieldG: parseNumber(draft.yieldG),
    waterG: parseNumber(draft.waterG),
  });

  return (
    <div class="stack">
      <div class="card stack">
        {coffee}
        <div class="field">
          <label for="f-method">Method</label>
          <select
            id="f-method"
            class="input"
            value={draft.method}
            onChange={(e) => set({ method: e.currentTarget.value as BrewDraft['method'] })}
          >
            {BREW_METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div class="card stack">
        <Stepper
          id="f-grindSetting"
          label="Grind"
          value={draft.grindSetting}
          inputMode="text"
          decLabel="finer"
          incLabel="coarser"
          error={errors.grindSetting ?? null}
          onInput={(text) => set({ grindSetting: text })}
          onStep={(dir) => set({ grindSetting: stepGrind(draft.grindSetting, dir) })}
        />
        <div class="grid-2">
          {numberStepper('doseG', 'Dose', 'g')}
          {numberStepper(outField, filter ? 'Water' : 'Yield', 'g')}
        </div>
        <RatioDisplay ratio={ratio} method={draft.method} />
      </div>

      <div class="card stack">
        <ShotTimer onTime={(s) => set({ timeS: s === null ? '' : String(s) })} />
        {numberStepper('timeS', 'Time', 's')}
      </div>

      <div class="card stack">
        <TasteButtons value={draft.taste} onChange={(taste) => set({ taste })} />
        <Rating value={draft.rating} onChange={(rating) => set({ rating })} />
        {errors.rating ? <p class="error">{errors.rating}</p> : null}
      </div>

      <details class="card">
        <summary class="label" style={{ minHeight: 'var(--tap)', alignContent: 'center' }}>
          More: grinder, temperature, {filter ? 'yield' : 'water'}, notes
        </summary>
        <div class="stack" style={{ marginTop: '12px' }}>
          <div class="field">
            <label for="f-grinder">Grinder</label>
            <input
              id="f-grinder"
              class="input"
              value={draft.grinder}
              maxLength={BREW_FIELDS.grinder.maxLength}
              onInput={(e) => set({ grinder: e.currentTarget.value })}
            />
          </div>
          {numberStepper('tempC', 'Temperature', '°C')}
          {numberStepper(filter ? 'yieldG' : 'waterG', filter ? 'Yield' : 'Water', 'g')}
          <div class="field">
            <label for="f-notes">Notes</label>
            <textarea
              id="f-notes"
              class="input"
              value={draft.notes}
              maxLength={BREW_FIELDS.notes.maxLength}
              onInput={(e) => set({ notes: e.currentTarget.value })}
            />
          </div>
        </div>
      </details>
    </div>
  );
}
