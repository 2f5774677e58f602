import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  BAG_FIELDS,
  BREW_METHODS,
  type BrewMethod,
  type Patch,
} from '../../../../shared/model/entities.js';
import { checkValue } from '../../../../shared/model/validate.js';
import {
  createBag,
  deviceMeta,
  discardDraft,
  loadDraft,
  logBrew,
  type MetaRecord,
  newBrewFrom,
  repeatBrew,
  saveDraft,
  ValidationError,
} from '../../data/index.js';
import {
  activeBags,
  awaitBag,
  bagsSettled,
  brews,
  db,
  dropSaving,
  showSaving,
} from '../app-state.js';
import { BrewForm } from '../components/brew-form.js';
import { CoffeePicker } from '../components/coffee-picker.js';
import { Field, focusFirstInvalid } from '../components/field.js';
import { deviceSettings } from '../device-settings.js';
import {
  applyKeptDraft,
  type BrewDraft,
  draftEdits,
  draftFrom,
  draftPatch,
  draftProblems,
  fieldMessages,
  firstBrewValues,
  hasOwnMeasure,
  type KeptDraft,
  keepsSomething,
  NOTHING_MEASURED,
  readKeptDraft,
} from '../logic/brew-draft.js';
import { navigate, type ScreenProps } from '../router.js';
import { showToast } from '../toast-state.js';

/** The draft's name in the drafts table. */
const LOG_FORM = 'log';

function isMethod(value: string | null): value is BrewMethod {
  return value !== null && (BREW_METHODS as readonly string[]).includes(value);
}

/** Which coffee and method to start from: the link's, else the newest brew's, else the first bag. */
function startingPoint(params: URLSearchParams): { bagId: string | null; method: BrewMethod } {
  const last = brews.value?.[0];
  const bagParam = params.get('bag');
  const method = params.get('method');
  const bagId = bagParam ?? last?.bagId ?? activeBags.value[0]?.id ?? null;
  const fallback = last?.method ?? deviceSettings.value.defaultMethod ?? 'espresso';
  return { bagId, method: isMethod(method) ? method : fallback };
}

/** Whether a prefill copied a recipe (else it is a first brew, given the method's defaults). */
const hasRecipe = (values: Patch<'brew'>) =>
  values.doseG != null || values.yieldG != null || values.waterG != null;

/** The link a starting point of bag and method would have, kept as a draft's origin. */
const originOf = (bagId: string | null, method: BrewMethod) =>
  new URLSearchParams({ ...(bagId ? { bag: bagId } : {}), method }).toString();

/**
 * Where the form starts for a link's query: `repeat=<brew>` copies that brew's recipe; `bag`,
 * `method` (or nothing) the last brew with a recipe of that pair, else the method's defaults.
 */
async function startingDraft(origin: string): Promise<Start> {
  const unit = deviceSettings.value.temperatureUnit;
  const params = new URLSearchParams(origin);
  const repeated = params.get('repeat');
  const values = repeated ? await repeatBrew(db, repeated) : undefined;
  if (values)
    return { start: draftFrom(values, values.method ?? 'espresso', unit), suggested: false };
  const at = startingPoint(params);
  const prefill = at.bagId ? await newBrewFrom(db, at.bagId, at.method) : { method: at.method };
  if (hasRecipe(prefill)) return { start: draftFrom(prefill, at.method, unit), suggested: false };
  const first = firstBrewValues(at.method, deviceSettings.value);
  return { start: draftFrom({ ...prefill, ...first }, at.method, unit), suggested: true };
}

interface Start {
  start: BrewDraft;
  /** The recipe is the method's defaults, not a brew's: it alone is not something measured. */
  suggested: boolean;
}

interface FormState {
  /**
   * The query the form started from (see startingDraft); a plain Log records the bag and
   * method it picked, so its draft comes back on that coffee even after newer brews.
   */
  origin: string;
  /** Kept even untouched: opened from a link, or a coffee or method was picked. */
  keepUntouched: boolean;
  /** The form as it started: a kept draft holds only what differs from it. */
  start: BrewDraft;
  suggested: boolean;
  draft: BrewDraft;
  newBagName: string;
}

/** What a form keeps as its draft. */
function keptOf(form: FormState): KeptDraft {
  return {
    edits: draftEdits(form.start, form.draft),
    timerStartedAt: form.draft.timerStartedAt,
    newBagName: form.newBagName,
    unit: deviceSettings.value.temperatureUnit,
  };
}

/**
 * Keeps the form as the account's draft of Log a brew, or forgets it when there is nothing
 * to keep. A form opened from a link (Repeat, a bag's Log) is kept even untouched, so coming
 * back from another tab shows that brew again and not a plain Log.
 */
function keepForm(form: FormState): void {
  const kept = keptOf(form);
  const write =
    keepsSomething(kept) || form.keepUntouched
      ? saveDraft(db, LOG_FORM, { origin: form.origin, values: { ...kept } })
      : discardDraft(db, LOG_FORM);
  write.catch((error: unknown) => showToast(`Draft not kept: ${String(error)}`));
}

/**
 * Opens the form: the kept draft when there is one and the link is the Log tab's (no query)
 * or the one it started from (a reload); otherwise a new start from the link, which replaces
 * any kept draft (a Repeat tapped is a new brew).
 */
async function openForm(origin: string): Promise<FormState> {
  const stored = await loadDraft(db, LOG_FORM);
  const resume = stored !== undefined && (origin === '' || stored.origin === origin);
  const from = resume ? stored.origin : origin;
  const { start, suggested } = await startingDraft(from);
  if (!resume) {
    const form = freshForm(origin, { start, suggested });
    keepForm(form);
    return form;
  }
  const kept = readKeptDraft(stored.values);
  const draft = applyKeptDraft(start, kept, deviceSettings.value.temperatureUnit);
  return {
    origin: from,
    keepUntouched: true,
    start,
    suggested,
    draft,
    newBagName: kept.newBagName,
  };
}

/** A form just started from `origin` (a link's query, or '' for the Log tab). */
function freshForm(origin: string, { start, suggested }: Start): FormState {
  return {
    origin: origin !== '' ? origin : originOf(start.bagId, start.method),
    keepUntouched: origin !== '',
    start,
    suggested,
    draft: start,
    newBagName: '',
  };
}

/**
 * The form's state and its messages: opened once the lists are loaded and again when the link
 * changes; every change is kept as the draft, so a tab switch, a reload or a killed app loses
 * nothing. Picking another coffee or method starts from that pair's last brew.
 */
function useLogForm(params: URLSearchParams) {
  const loaded = bagsSettled.value && brews.value !== null;
  const [form, setForm] = useState<FormState | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  // The device record, read once: brewedAt is stamped from its clock offset (see logBrew).
  const device = useRef<MetaRecord | undefined>(undefined);
  const origin = params.toString();

  function show(next: FormState) {
    setForm(next);
    setErrors({});
    setTried(false);
  }
  useEffect(() => {
    if (!loaded) return;
    void deviceMeta(db).then((m) => {
      device.current = m;
    });
    void openForm(origin).then(show);
  }, [`${origin}|${loaded}`]);

  const update = (next: FormState) => {
    setForm(next);
    keepForm(next);
  };
  const change = (next: BrewDraft) => {
    if (form === null) return;
    if (next.bagId !== form.draft.bagId || next.method !== form.draft.method) {
      // A new starting point; the running shot and a first bag's name carry over.
      const from = originOf(next.bagId, next.method);
      void startingDraft(from).then(({ start, suggested }) => {
        const draft = { ...start, timerStartedAt: next.timerStartedAt };
        const { newBagName } = form;
        update({ origin: from, keepUntouched: true, start, suggested, draft, newBagName });
      });
      return;
    }
    update({ ...form, draft: next });
    if (tried) setErrors(draftProblems(next, Date.now(), deviceSettings.value.temperatureUnit));
  };
  const setNewBagName = (name: string) => form && update({ ...form, newBagName: name });
  const refuse = (problems: Record<string, string>) => {
    setTried(true);
    setErrors(problems);
    focusFirstInvalid();
  };
  /** Forgets the draft and starts a plain Log; Undo (in the toast) brings it back. */
  const discard = () => {
    if (form === null) return;
    const was = form;
    void discardDraft(db, LOG_FORM).then(async () => {
      if (origin !== '') navigate('#/log');
      show(freshForm('', await startingDraft('')));
      showToast('Draft discarded', { label: 'Undo', run: () => update(was) });
    });
  };
  const hasDraft = form !== null && keepsSomething(keptOf(form));
  return {
    form: loaded ? form : null,
    errors,
    setErrors,
    change,
    setNewBagName,
    refuse,
    discard,
    hasDraft,
    device,
  };
}

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
  const { brew, saved } = logBrew(db, { ...draftPatch(draft, unit), bagId }, device);
  showSaving(brew);
  navigate(`#/?saved=${brew.id}`);
  try {
    await saved;
    // Only once the brew is written: a failed save reopens the form with its draft.
    await discardDraft(db, LOG_FORM);
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
    // Untouched method defaults are a suggestion, not a measurement (an empty brew is refused).
    if (form.form?.suggested && !hasOwnMeasure(form.form.start, draft)) {
      problems.grindSetting ??= NOTHING_MEASURED;
    }
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
      <BrewForm draft={draft} onChange={form.change} errors={errors} coffee={coffee} />
      <div class="sticky-save">
        <button type="submit" class="btn btn-primary btn-big" data-testid="save-brew">
          Save brew
        </button>
      </div>
    </form>
  );
}
