import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { BREW_FIELDS } from '../../../../shared/model/entities.js';
import { brewRatio, isFilter } from '../../../../shared/model/ratio.js';
import { brewers, grinders } from '../app-state.js';
import { deviceSettings } from '../device-settings.js';
import type { BrewDraft } from '../logic/brew-draft.js';
import { parseNumber, temperatureRange } from '../logic/brew-draft.js';
import { pickerGear } from '../logic/gear-picks.js';
import { type GrindStepping, grindStepping, stepGrindBy } from '../logic/grind.js';
import { stepNumber, stepWhole } from '../logic/step.js';
import { toDisplayTemperature } from '../logic/temperature.js';
import { Field } from './field.js';
import { GearPicker } from './gear-picker.js';
import { MethodOptions } from './method-options.js';
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
  /**
   * Where the pickers' "Add grinder…" comes back to (the form keeps its draft meanwhile);
   * without it the pickers offer no Add (an unsaved edit would be lost on the way).
   */
  back?: string;
}

type NumberField = 'doseG' | 'yieldG' | 'waterG' | 'timeS' | 'tempC';

/**
 * Step sizes a barista actually turns: 0.1 g of dose and yield (a scale's resolution), 5 g of
 * water, 1 s, one degree. `holdWhole`: a held − or + moves by whole grams instead, so 18 → 30
 * is a second's hold and not 120 taps. `start` is where an empty field's first step lands.
 */
const STEPS: Record<NumberField, { step: number; start: number; holdWhole: boolean }> = {
  doseG: { step: 0.1, start: 18, holdWhole: true },
  yieldG: { step: 0.1, start: 36, holdWhole: true },
  waterG: { step: 5, start: 250, holdWhole: false },
  timeS: { step: 1, start: 28, holdWhole: false },
  tempC: { step: 1, start: 93, holdWhole: false },
};

/** A field's range and first step in the unit shown (only temperature has another unit). */
function shownRange(field: NumberField) {
  const spec = BREW_FIELDS[field];
  const { start } = STEPS[field];
  if (field !== 'tempC') return { min: spec.min, max: spec.max, start };
  const unit = deviceSettings.value.temperatureUnit;
  return { ...temperatureRange(unit), start: toDisplayTemperature(start, unit) };
}

type SetDraft = (patch: Partial<BrewDraft>) => void;

/**
 * The grind: a Finer/Coarser stepper on the chosen grinder's scale (logic/grind.ts), or a
 * plain text field for a grinder whose settings are words.
 */
function GrindField(props: {
  draft: BrewDraft;
  set: SetDraft;
  stepping: GrindStepping;
  error: string | undefined;
}): JSX.Element {
  const { draft, set, stepping } = props;
  // Why the last Finer/Coarser did nothing; cleared by the next step that works or by typing.
  const [note, setNote] = useState<string | null>(null);
  if (stepping.kind === 'text') {
    return (
      <Field id="f-grindSetting" label="Grind" error={props.error}>
        {(control) => (
          <input
            {...control}
            class="input"
            value={draft.grindSetting}
            maxLength={BREW_FIELDS.grindSetting.maxLength}
            autoComplete="off"
            onInput={(e) => set({ grindSetting: e.currentTarget.value })}
          />
        )}
      </Field>
    );
  }
  return (
    <Stepper
      id="f-grindSetting"
      label="Grind"
      value={draft.grindSetting}
      inputMode="text"
      decLabel="finer"
      incLabel="coarser"
      error={props.error ?? null}
      note={note}
      onInput={(text) => {
        setNote(null);
        set({ grindSetting: text });
      }}
      onStep={(dir) => {
        const moved = stepGrindBy(draft.grindSetting, dir, stepping);
        if ('why' in moved) setNote(moved.why);
        else {
          setNote(null);
          set({ grindSetting: moved.setting });
        }
      }}
    />
  );
}

/** A number field as a stepper: − and + move it by the field's step, within its range. */
function NumberStepper(props: {
  draft: BrewDraft;
  field: NumberField;
  label: string;
  unit: string;
  error: string | undefined;
  set: SetDraft;
}): JSX.Element {
  const { draft, field, set } = props;
  const { step, holdWhole } = STEPS[field];
  const { min, max, start } = shownRange(field);
  const current = parseNumber(draft[field]);
  return (
    <Stepper
      id={`f-${field}`}
      label={props.label}
      unit={props.unit}
      value={draft[field]}
      error={props.error ?? null}
      onInput={(text) => set({ [field]: text })}
      onStep={(dir, held) => {
        const base = current === null || Number.isNaN(current) ? null : current;
        const next =
          held && holdWhole
            ? stepWhole(base, dir, min, max, start)
            : stepNumber(base, dir * step, min, max, start);
        set({ [field]: String(next) });
      }}
    />
  );
}

/**
 * The brewer and grinder pickers. Picking a brewer takes its method too (a V60 is a
 * pour-over); picking a grinder retires the free text an older brew named its grinder with.
 */
function GearPickers({ draft, set, back }: { draft: BrewDraft; set: SetDraft; back?: string }) {
  const pickers = (kind: 'grinder' | 'brewer') => ({
    kind,
    ...(back === undefined ? {} : { back }),
  });
  return (
    <div class="gear-row">
      <GearPicker
        {...pickers('brewer')}
        gear={pickerGear(brewers.value, draft.brewerId)}
        value={draft.brewerId}
        onChange={(brewerId) => {
          const method = brewers.value.find((b) => b.id === brewerId)?.method;
          set({ brewerId, method: method ?? draft.method });
        }}
      />
      <GearPicker
        {...pickers('grinder')}
        gear={pickerGear(grinders.value, draft.grinderId)}
        value={draft.grinderId}
        onChange={(grinderId) => set({ grinderId, grinder: grinderId ? '' : draft.grinder })}
      />
    </div>
  );
}

/** The coffee (given by the screen), the method, and the gear. */
function WhatCard({
  draft,
  set,
  coffee,
  back,
}: {
  draft: BrewDraft;
  set: SetDraft;
  coffee: JSX.Element;
  back: string | undefined;
}) {
  return (
    <div class="card stack">
      {coffee}
      <Field id="f-method" label="Method">
        {(control) => (
          <select
            {...control}
            class="input"
            value={draft.method}
            onChange={(e) => set({ method: e.currentTarget.value as BrewDraft['method'] })}
          >
            <MethodOptions />
          </select>
        )}
      </Field>
      <GearPickers draft={draft} set={set} {...(back === undefined ? {} : { back })} />
    </div>
  );
}

/** What is folded under "More": an older brew's typed grinder, temperature, the other weight, notes. */
function MoreCard(props: { draft: BrewDraft; set: SetDraft; errors: Record<string, string> }) {
  const { draft, set, errors } = props;
  const filter = isFilter(draft.method);
  const other: NumberField = filter ? 'yieldG' : 'waterG';
  // A bad field folded away cannot take focus nor be seen: while one of its fields is refused
  // the card is open, set in a layout effect of every render so it is open before
  // focusFirstInvalid's timeout runs.
  const card = useRef<HTMLDetailsElement>(null);
  const refused = ['grinder', 'tempC', other, 'notes'].some((f) => errors[f]);
  // The free-text grinder (brews from before gear, and anyone who keeps no gear), while no
  // grinder is picked: picking one retires it.
  const typedGrinder = draft.grinderId === null;
  useLayoutEffect(() => {
    if (refused && card.current) card.current.open = true;
  });
  return (
    <details class="card" ref={card}>
      <summary class="label" style={{ minHeight: 'var(--tap)', alignContent: 'center' }}>
        More: {typedGrinder ? 'grinder, ' : ''}temperature, {filter ? 'yield' : 'water'}, notes
      </summary>
      <div class="stack" style={{ marginTop: '12px' }}>
        {typedGrinder ? (
          <Field id="f-grinder" label="Grinder (typed)" error={errors.grinder}>
            {(control) => (
              <input
                {...control}
                class="input"
                value={draft.grinder}
                maxLength={BREW_FIELDS.grinder.maxLength}
                onInput={(e) => set({ grinder: e.currentTarget.value })}
              />
            )}
          </Field>
        ) : null}
        <NumberStepper
          draft={draft}
          field="tempC"
          label="Temperature"
          unit={`°${deviceSettings.value.temperatureUnit}`}
          error={errors.tempC}
          set={set}
        />
        <NumberStepper
          draft={draft}
          field={other}
          label={filter ? 'Yield' : 'Water'}
          unit="g"
          error={errors[other]}
          set={set}
        />
        <Field id="f-notes" label="Notes">
          {(control) => (
            <textarea
              {...control}
              class="input"
              value={draft.notes}
              maxLength={BREW_FIELDS.notes.maxLength}
              onInput={(e) => set({ notes: e.currentTarget.value })}
            />
          )}
        </Field>
      </div>
    </details>
  );
}

/**
 * The brew form: big steppers in the order of a shot (grind, dose, out, time), then the
 * verdict (taste, rating). Controlled: the parent owns the draft and saving.
 */
export function BrewForm({ draft, onChange, errors, coffee, back }: BrewFormProps): JSX.Element {
  const set: SetDraft = (patch) => onChange({ ...draft, ...patch });
  const stepping = grindStepping(grinders.value.find((g) => g.id === draft.grinderId));
  const filter = isFilter(draft.method);
  const out: NumberField = filter ? 'waterG' : 'yieldG';
  const ratio = brewRatio({
    method: draft.method,
    doseG: parseNumber(draft.doseG),
    yieldG: parseNumber(draft.yieldG),
    waterG: parseNumber(draft.waterG),
  });
  return (
    <div class="stack">
      <WhatCard draft={draft} set={set} coffee={coffee} back={back} />
      <div class="card stack">
        <GrindField draft={draft} set={set} stepping={stepping} error={errors.grindSetting} />
        <div class="grid-2">
          <NumberStepper
            draft={draft}
            field="doseG"
            label="Dose"
            unit="g"
            error={errors.doseG}
            set={set}
          />
          <NumberStepper
            draft={draft}
            field={out}
            label={filter ? 'Water' : 'Yield'}
            unit="g"
            error={errors[out]}
            set={set}
          />
        </div>
        <RatioDisplay ratio={ratio} method={draft.method} />
      </div>
      <div class="card stack">
        <ShotTimer
          startedAt={draft.timerStartedAt}
          onStart={(at) => set({ timerStartedAt: at })}
          onStop={(s) => set({ timerStartedAt: null, timeS: String(s) })}
          onReset={() => set({ timerStartedAt: null, timeS: '' })}
        />
        <NumberStepper
          draft={draft}
          field="timeS"
          label="Time"
          unit="s"
          error={errors.timeS}
          set={set}
        />
      </div>
      <div class="card stack">
        <TasteButtons value={draft.taste} onChange={(taste) => set({ taste })} />
        <Rating value={draft.rating} onChange={(rating) => set({ rating })} />
        {errors.rating ? <p class="error">{errors.rating}</p> : null}
      </div>
      <MoreCard draft={draft} set={set} errors={errors} />
    </div>
  );
}
