import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BAG_FIELDS, BREW_METHODS, type BrewMethod } from '../../../../shared/model/entities.js';
import { checkValue } from '../../../../shared/model/validate.js';
import {
  createBag,
  deviceMeta,
  logBrew,
  type MetaRecord,
  newBrewFrom,
  repeatBrew,
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
import {
  type BrewDraft,
  draftFrom,
  draftPatch,
  draftProblems,
  fieldMessages,
} from '../logic/brew-draft.js';
import { navigate, type ScreenProps } from '../router.js';
import { showToast } from '../toast-state.js';

function isMethod(value: string | null): value is BrewMethod {
  return value !== null && (BREW_METHODS as readonly string[]).includes(value);
}

/** Which coffee and method to start from: the link's, else the newest brew's, else the first bag. */
function startingPoint(params: URLSearchParams): { bagId: string | null; method: BrewMethod } {
  const last = brews.value?.[0];
  const bagParam = params.get('bag');
  const method = params.get('method');
  const bagId = bagParam ?? last?.bagId ?? activeBags.value[0]?.id ?? null;
  return { bagId, method: isMethod(method) ? method : (last?.method ?? 'espresso') };
}

/**
 * The form's draft and its messages: prefilled once the lists are loaded, again when the link
 * changes (`repeat=<brew>` copies that brew's recipe; `bag`, `method` start from the last brew
 * of that pair), and from the last brew of a coffee or method picked in the form.
 */
function useLogForm(params: URLSearchParams) {
  const loaded = bagsSettled.value && brews.value !== null;
  const [draft, setDraft] = useState<BrewDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  // The device record, read once: brewedAt is stamped from its clock offset (see logBrew).
  const device = useRef<MetaRecord | undefined>(undefined);
  const key = `${params.toString()}|${loaded}`;

  function show(values: Parameters<typeof draftFrom>[0], method: BrewMethod) {
    setDraft(draftFrom(values, method));
    setErrors({});
    setTried(false);
  }
  async function prefill(bagId: string | null, method: BrewMethod) {
    show(bagId ? await newBrewFrom(db, bagId, method) : { method }, method);
  }
  async function start() {
    const repeated = params.get('repeat');
    const values = repeated ? await repeatBrew(db, repeated) : undefined;
    if (values) return show(values, values.method ?? 'espresso');
    const at = startingPoint(params);
    await prefill(at.bagId, at.method);
  }
  useEffect(() => {
    if (!loaded) return;
    void deviceMeta(db).then((m) => {
      device.current = m;
    });
    void start();
  }, [key]);

  const change = (next: BrewDraft) => {
    if (next.bagId !== draft?.bagId || next.method !== draft.method) {
      void prefill(next.bagId, next.method);
      return;
    }
    setDraft(next);
    if (tried) setErrors(draftProblems(next, Date.now()));
  };
  const refuse = (problems: Record<string, string>) => {
    setTried(true);
    setErrors(problems);
    focusFirstInvalid();
  };
  return { draft: loaded ? draft : null, errors, setErrors, change, refuse, device };
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
  const { brew, saved } = logBrew(db, { ...draftPatch(draft), bagId }, device);
  showSaving(brew);
  navigate(`#/?saved=${brew.id}`);
  try {
    await saved;
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
  const [newBagName, setNewBagName] = useState('');
  const saving = useRef(false);
  const { draft, errors } = form;
  if (draft === null) return <p class="muted">Loading…</p>;
  const noBags = activeBags.value.length === 0;

  async function save(e: Event) {
    e.preventDefault();
    if (saving.current || draft === null) return;
    const problems = draftProblems(draft, Date.now());
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
    <NewBagField value={newBagName} error={errors.bagName} onInput={setNewBagName} />
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
