import { useEffect, useRef, useState } from 'preact/hooks';
import { BREW_METHODS, type BrewMethod, type Patch } from '../../../../shared/model/entities.js';
import {
  deviceMeta,
  discardDraft,
  loadDraft,
  type MetaRecord,
  newBrewFrom,
  recipeFor,
  repeatBrew,
  saveDraft,
} from '../../data/index.js';
import {
  activeBags,
  bagsSettled,
  brewers,
  brews,
  db,
  gearSettled,
  grinders,
} from '../app-state.js';
import { focusFirstInvalid } from '../components/field.js';
import { deviceSettings } from '../device-settings.js';
import {
  applyKeptDraft,
  type BrewDraft,
  draftEdits,
  draftFrom,
  draftProblems,
  firstBrewValues,
  type KeptDraft,
  keepsSomething,
  readKeptDraft,
} from '../logic/brew-draft.js';
import { brewerRecipe, rememberedGear } from '../logic/gear-picks.js';
import { targetBrewValues } from '../logic/recipe-target.js';
import { navigate } from '../router.js';
import { showToast } from '../toast-state.js';

/*
 * The state of Log a brew: where it starts (a link, the last brew, a method's defaults) and
 * its draft, kept in the drafts table on every change until the brew is saved or discarded.
 */

/** The draft's name in the drafts table. */
export const LOG_FORM = 'log';

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

/** The grinder and brewer a start uses: those picked in the form, else the newest brew's. */
type StartGear = Pick<BrewDraft, 'grinderId' | 'brewerId'>;

/**
 * Where the form starts for a link's query: `repeat=<brew>` copies that brew's recipe; `bag`,
 * `method` (or nothing) the last brew with a recipe of that pair, else the bag's target for
 * the method, else the brewer's default dose and ratio, else the method's defaults. The gear
 * is `picked`, else the newest brew's.
 */
async function startingDraft(origin: string, picked?: StartGear): Promise<BrewDraft> {
  const unit = deviceSettings.value.temperatureUnit;
  const params = new URLSearchParams(origin);
  const repeated = params.get('repeat');
  const values = repeated ? await repeatBrew(db, repeated) : undefined;
  if (values) return draftFrom(values, values.method ?? 'espresso', unit);
  const at = startingPoint(params);
  const prefill = at.bagId ? await newBrewFrom(db, at.bagId, at.method) : { method: at.method };
  const gear = picked ?? rememberedGear(brews.value ?? [], grinders.value, brewers.value);
  if (hasRecipe(prefill)) return draftFrom({ ...prefill, ...gear }, at.method, unit);
  // No brew of this bag and method to go on: the bag's target for the method, if it has one,
  // over the brewer's defaults, over the method's.
  const target = at.bagId ? await recipeFor(db, at.bagId, at.method) : undefined;
  const aimed = target ? targetBrewValues(target) : {};
  const brewer = brewers.value.find((b) => b.id === gear.brewerId);
  const first = {
    ...firstBrewValues(at.method, deviceSettings.value),
    ...(brewer === undefined ? {} : brewerRecipe(brewer, at.method)),
  };
  return draftFrom({ ...prefill, ...first, ...aimed, ...gear }, at.method, unit);
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
  const start = await startingDraft(from);
  if (!resume) {
    const form = freshForm(origin, start);
    keepForm(form);
    return form;
  }
  const kept = readKeptDraft(stored.values);
  const draft = applyKeptDraft(start, kept, deviceSettings.value.temperatureUnit);
  return {
    origin: from,
    keepUntouched: true,
    start,
    draft,
    newBagName: kept.newBagName,
  };
}

/** A form just started from `origin` (a link's query, or '' for the Log tab). */
function freshForm(origin: string, start: BrewDraft): FormState {
  return {
    origin: origin !== '' ? origin : originOf(start.bagId, start.method),
    keepUntouched: origin !== '',
    start,
    draft: start,
    newBagName: '',
  };
}

/**
 * The form's state and its messages: opened once the lists are loaded and again when the link
 * changes; every change is kept as the draft, so a tab switch, a reload or a killed app loses
 * nothing. Picking another coffee or method starts from that pair's last brew.
 */
export function useLogForm(params: URLSearchParams) {
  const loaded = bagsSettled.value && brews.value !== null && gearSettled.value;
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
    if (
      next.bagId !== form.draft.bagId ||
      next.method !== form.draft.method ||
      next.brewerId !== form.draft.brewerId
    ) {
      // A new starting point (a brewer brings its first-brew recipe); the running shot, a
      // first bag's name and the gear picked carry over.
      const from = originOf(next.bagId, next.method);
      const gear = { grinderId: next.grinderId, brewerId: next.brewerId };
      // The start is what a reopened form computes again (the newest brew's gear); the gear
      // picked and the recipe it brought differ from it, so the kept draft holds them.
      void Promise.all([startingDraft(from), startingDraft(from, gear)]).then(([start, picked]) => {
        const draft = { ...picked, timerStartedAt: next.timerStartedAt };
        const { newBagName } = form;
        update({ origin: from, keepUntouched: true, start, draft, newBagName });
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
