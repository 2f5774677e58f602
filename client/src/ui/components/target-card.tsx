import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { BREW_METHODS, type BrewMethod } from '../../../../shared/model/entities.js';
import { clearRecipe, type RecipeRecord, setRecipe } from '../../data/index.js';
import { db } from '../app-state.js';
import { deviceSettings } from '../device-settings.js';
import { METHOD_LABELS } from '../logic/format.js';
import {
  TARGET_LABELS,
  type TargetDraft,
  targetDraft,
  targetProblems,
  targetSentence,
  targetValues,
} from '../logic/recipe-target.js';
import { Field, focusFirstInvalid } from './field.js';
import { MethodOptions } from './method-options.js';

interface TargetCardProps {
  bagId: string;
  /** The bag's targets that are set (recipesOfBag). */
  targets: readonly RecipeRecord[];
  /** The method the screen shows: a new target starts on it. */
  method: BrewMethod;
}

/**
 * A bag's targets, one line per method ("Target for espresso: 18 g → 1:2, 25–30 s, 93 °C"),
 * each editable here. Log a brew starts from a target when the bag has no brew of that method
 * yet, and the next-shot hint aims at its time band.
 */
export function TargetCard({ bagId, targets, method }: TargetCardProps): JSX.Element {
  const unit = deviceSettings.value.temperatureUnit;
  const [editing, setEditing] = useState<BrewMethod | null>(null);
  const sorted = [...targets].sort(
    (a, b) => BREW_METHODS.indexOf(a.method) - BREW_METHODS.indexOf(b.method),
  );
  return (
    <section class="card stack" aria-labelledby="targets-title" data-testid="targets">
      <h2 id="targets-title">Targets</h2>
      {sorted.length === 0 && editing === null ? (
        <p class="muted">No target yet: set one to start Log a brew from it.</p>
      ) : null}
      {sorted.map((t) =>
        editing === t.method ? null : (
          <div key={t.id} class="target-row">
            <p data-testid={`target-${t.method}`}>{targetSentence(t, unit)}</p>
            <button
              type="button"
              class="btn"
              aria-label={`Edit target for ${METHOD_LABELS[t.method].toLowerCase()}`}
              onClick={() => setEditing(t.method)}
            >
              Edit
            </button>
          </div>
        ),
      )}
      {editing === null ? (
        <button type="button" class="btn" onClick={() => setEditing(method)}>
          + Set a target
        </button>
      ) : (
        <TargetForm
          bagId={bagId}
          method={editing}
          targets={targets}
          onMethod={setEditing}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function TargetForm(props: {
  bagId: string;
  method: BrewMethod;
  targets: readonly RecipeRecord[];
  onMethod: (method: BrewMethod) => void;
  onDone: () => void;
}): JSX.Element {
  const unit = deviceSettings.value.temperatureUnit;
  const existing = props.targets.find((t) => t.method === props.method);
  const [draft, setDraft] = useState<TargetDraft>(() => targetDraft(existing, unit));
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save(e: Event) {
    e.preventDefault();
    const problems = targetProblems(draft, unit);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return focusFirstInvalid();
    await setRecipe(db, props.bagId, props.method, targetValues(draft, unit));
    props.onDone();
  }
  const number = (key: keyof TargetDraft, label: string, error: string | undefined) => (
    <Field id={`t-${key}`} label={label} error={error}>
      {(control) => (
        <input
          {...control}
          class="input"
          inputMode="decimal"
          value={draft[key]}
          onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
        />
      )}
    </Field>
  );
  return (
    <form class="stack" onSubmit={save} noValidate aria-label="Target">
      <Field id="t-method" label="Method">
        {(control) => (
          <select
            {...control}
            class="input"
            value={props.method}
            onChange={(e) => {
              const next = e.currentTarget.value as BrewMethod;
              setDraft(
                targetDraft(
                  props.targets.find((t) => t.method === next),
                  unit,
                ),
              );
              setErrors({});
              props.onMethod(next);
            }}
          >
            <MethodOptions />
          </select>
        )}
      </Field>
      <div class="target-grid">
        {number('doseG', TARGET_LABELS.doseG, errors.doseG)}
        {number('ratio', TARGET_LABELS.ratio, errors.ratio)}
        {number('timeMinS', TARGET_LABELS.timeMinS, errors.timeMinS)}
        {number('timeMaxS', TARGET_LABELS.timeMaxS, errors.timeMaxS)}
        {number('temp', `${TARGET_LABELS.tempC} (°${unit})`, errors.tempC)}
      </div>
      <div class="btn-row">
        <button type="submit" class="btn btn-primary">
          Save target
        </button>
        <button type="button" class="btn" onClick={props.onDone}>
          Cancel
        </button>
        {existing ? (
          <button
            type="button"
            class="btn btn-danger"
            onClick={() => void clearRecipe(db, props.bagId, props.method).then(props.onDone)}
          >
            Clear target
          </button>
        ) : null}
      </div>
    </form>
  );
}
