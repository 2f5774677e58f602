import type { JSX } from 'preact';
import { useRef } from 'preact/hooks';
import { BAG_FIELDS } from '../../../../shared/model/entities.js';
import { checkValue } from '../../../../shared/model/validate.js';
import {
  createBag,
  discardDraft,
  logBrew,
  type MetaRecord,
  ValidationError,
} from '../../data/index.js';
import { activeBags, awaitBag, db, dropSaving, showSaving } from '../app-state.js';
import { BrewForm } from '../components/brew-form.js';
import { CoffeePicker } from '../components/coffee-picker.js';
import { Field } from '../components/field.js';
import { deviceSettings } from '../device-settings.js';
import { offerFinish } from '../finish-bag-state.js';
import { coffeeLeft, emptiedBy } from '../logic/bag-freshness.js';
import { type BrewDraft, draftPatch, draftProblems, fieldMessages } from '../logic/brew-draft.js';
import { navigate, type ScreenProps } from '../router.js';
import { showToast } from '../toast-state.js';
import { LOG_FORM, useLogForm } from './log-brew-form.js';

/**
 * Saves a checked draft: the new bag first when there is none to pick, then the brew, shown at
 * the top of the list in this frame. A failed write takes it back and reopens the form.
 */
async function saveBrew(draft: BrewDraft, newBag: string | null, device: MetaRecord | undefined) {
  // A draft prefilled before the new bag reached the list has no bag, and the picker then
  // shows the first one: save under the bag the person sees.
  const shownBagId = draft.bagId ?? activeBags.value[0]?.id ?? null;
  const bagId =
    newBag !== null || !shownBagId
      ? await createBag(db, { name: (newBag ?? '').trim() })
      : shownBagId;
  awaitBag(bagId);
  const unit = deviceSettings.value.temperatureUnit;
  const bag = activeBags.value.find((b) => b.id === bagId);
  const leftBefore = bag === undefined ? null : coffeeLeft(bag);
  const { brew, saved } = logBrew(db, { ...draftPatch(draft, unit), bagId }, device);
  showSaving(brew);
  navigate(`#/?saved=${brew.id}`);
  try {
    await saved;
    // Only once the brew is written: a failed save reopens the form with its draft.
    await discardDraft(db, LOG_FORM);
    const leftAfter = leftBefore === null ? null : leftBefore - (brew.doseG ?? 0);
    if (bag !== undefined && emptiedBy(leftBefore, leftAfter)) offerFinish(bag.id, bag.name);
  } catch (error) {
    dropSaving(brew.id);
    navigate('#/log');
    throw error;
  }
}

/** The coffee of a first brew, when there is no bag to pick yet. */
function NewBagField(props: {
  value: string;
  error: string | undefined;
  onInput: (name: string) => void;
}) {
  return (
    <Field id="f-bag-name" label="Coffee (a new bag)" error={props.error}>
      {(control) => (
        <input
          {...control}
          class="input"
          value={props.value}
          placeholder="e.g. Ethiopia Guji"
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/**
 * Log a brew: prefilled from the last brew of the chosen bag and method, so repeating a shot
 * with a new grind is "finer, Save". Saving writes locally (instant, offline) and shows the
 * brew at the top of Today.
 */
export function LogBrew({ params }: ScreenProps): JSX.Element {
  const form = useLogForm(params);
  const saving = useRef(false);
  const { errors } = form;
  if (form.form === null) return <p class="muted">Loading…</p>;
  const { draft, newBagName } = form.form;
  const noBags = activeBags.value.length === 0;

  async function save(e: Event) {
    e.preventDefault();
    if (saving.current) return;
    const problems = draftProblems(draft, Date.now(), deviceSettings.value.temperatureUnit);
    const bagProblem = noBags ? checkValue(BAG_FIELDS.name, newBagName, Date.now()) : null;
    if (bagProblem) problems.bagName = `Coffee name ${bagProblem}`;
    if (Object.keys(problems).length > 0) return form.refuse(problems);
    saving.current = true;
    try {
      await saveBrew(draft, noBags ? newBagName : null, form.device.current);
    } catch (error) {
      if (error instanceof ValidationError) form.setErrors(fieldMessages(error.problems));
      else showToast(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      saving.current = false;
    }
  }

  const coffee = noBags ? (
    <NewBagField value={newBagName} error={errors.bagName} onInput={form.setNewBagName} />
  ) : (
    <CoffeePicker
      bags={activeBags.value}
      value={draft.bagId}
      onChange={(bagId) => form.change({ ...draft, bagId })}
      withRoaster
      withLeft
    />
  );
  return (
    <form onSubmit={save} noValidate aria-labelledby="log-title">
      <div class="screen-head">
        <h1 id="log-title">Log a brew</h1>
        {form.hasDraft ? (
          <button type="button" class="btn btn-danger" onClick={form.discard}>
            Discard draft
          </button>
        ) : null}
      </div>
      <BrewForm draft={draft} onChange={form.change} errors={errors} coffee={coffee} back="#/log" />
      <div class="sticky-save">
        <button type="submit" class="btn btn-primary btn-big" data-testid="save-brew">
          Save brew
        </button>
      </div>
    </form>
  );
}
