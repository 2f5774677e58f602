import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  BAG_FIELDS,
  BREW_FIELDS,
  BREW_METHODS,
  type BrewMethod,
} from '../../../../shared/model/entities.js';
import { checkValue } from '../../../../shared/model/validate.js';
import {
  type BrewItem,
  createBag,
  createBrew,
  deviceMeta,
  newBrewFrom,
  ValidationError,
} from '../../data/index.js';
import {
  activeBags,
  awaitBag,
  bags,
  bagsSettled,
  brews,
  db,
  optimisticBrews,
} from '../app-state.js';
import { BrewForm } from '../components/brew-form.js';
import {
  type BrewDraft,
  draftFrom,
  draftPatch,
  draftProblems,
  FIELD_LABELS,
} from '../logic/brew-draft.js';
import { navigate } from '../router.js';
import { showToast } from '../toast-state.js';

const EMPTY_BREW = Object.fromEntries(Object.keys(BREW_FIELDS).map((f) => [f, null]));

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
 * Log a brew: prefilled from the last brew of the chosen bag and method, so repeating a shot
 * with a new grind is "finer, Save". Saving writes locally (instant, offline) and shows the
 * brew at the top of Today.
 */
export function LogBrew({ params }: { params: URLSearchParams }): JSX.Element {
  const loaded = bagsSettled.value && brews.value !== null;
  const [draft, setDraft] = useState<BrewDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const [newBagName, setNewBagName] = useState('');
  const saving = useRef(false);
  // Server time minus device time, read once: brewedAt is stamped as the data layer would.
  const clockOffset = useRef(0);
  const key = `${params.toString()}|${loaded}`;

  // Prefill once the lists are loaded, and again when the link (bag, method) changes.
  useEffect(() => {
    if (!loaded) return;
    void deviceMeta(db).then((m) => {
      clockOffset.current = m?.clockOffsetMs ?? 0;
    });
    const start = startingPoint(params);
    void prefill(start.bagId, start.method);
  }, [key]);

  async function prefill(bagId: string | null, method: BrewMethod) {
    const values = bagId ? await newBrewFrom(db, bagId, method) : { method };
    setDraft(draftFrom(values, method));
    setErrors({});
    setTried(false);
  }

  if (!loaded || draft === null) return <p class="muted">Loading…</p>;
  const noBags = activeBags.value.length === 0;

  const change = (next: BrewDraft) => {
    if (next.bagId !== draft.bagId || next.method !== draft.method) {
      void prefill(next.bagId, next.method);
      return;
    }
    setDraft(next);
    if (tried) setErrors(draftProblems(next, Date.now()));
  };

  async function save(e: Event) {
    e.preventDefault();
    if (saving.current || draft === null) return;
    const problems = draftProblems(draft, Date.now());
    const bagProblem = noBags ? checkValue(BAG_FIELDS.name, newBagName, Date.now()) : null;
    if (bagProblem) problems.bagName = `Coffee name ${bagProblem}`;
    if (Object.keys(problems).length > 0) {
      setTried(true);
      setErrors(problems);
      // After the render that marks the fields invalid.
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    saving.current = true;
    let id: string | null = null;
    try {
      // A draft prefilled before the new bag reached the list has no bag, and the picker then
      // shows the first one: save under the bag the person sees (else createBag('') failed
      // silently and the brew was never saved).
      const shownBagId = draft.bagId ?? activeBags.value[0]?.id ?? null;
      const bagId =
        noBags || !shownBagId ? await createBag(db, { name: newBagName.trim() }) : shownBagId;
      awaitBag(bagId);
      id = crypto.randomUUID();
      // The device's idea of server time, as the data layer would stamp it by default.
      const brewedAt = new Date(Date.now() + clockOffset.current).toISOString();
      const values = { ...draftPatch(draft), bagId, brewedAt };
      showOptimistic(id, values);
      navigate(`#/?saved=${id}`);
      await createBrew(db, values, id);
    } catch (error) {
      if (id !== null) {
        const failed = id;
        optimisticBrews.value = optimisticBrews.value.filter((b) => b.id !== failed);
        navigate('#/log');
      }
      if (!(error instanceof ValidationError)) {
        showToast(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      const byField: Record<string, string> = {};
      for (const p of error.problems)
        byField[p.field] = `${FIELD_LABELS[p.field] ?? p.field} ${p.message}`;
      setErrors(byField);
    } finally {
      saving.current = false;
    }
  }

  function showOptimistic(id: string, values: ReturnType<typeof draftPatch> & { bagId: string }) {
    const stored = new Set((brews.value ?? []).map((b) => b.id));
    const item = {
      ...EMPTY_BREW,
      ...values,
      id,
      clocks: {},
      bag: (bags.value ?? []).find((b) => b.id === values.bagId) ?? null,
      unsynced: true,
      rejected: false,
    } as BrewItem;
    optimisticBrews.value = [item, ...optimisticBrews.value.filter((b) => !stored.has(b.id))];
  }

  const coffee = noBags ? (
    <div class="field">
      <label for="f-bag-name">Coffee (a new bag)</label>
      <input
        id="f-bag-name"
        class="input"
        value={newBagName}
        placeholder="e.g. Ethiopia Guji"
        aria-invalid={errors.bagName ? 'true' : 'false'}
        aria-describedby={errors.bagName ? 'f-bag-name-error' : undefined}
        onInput={(e) => setNewBagName(e.currentTarget.value)}
      />
      {errors.bagName ? (
        <p class="error" id="f-bag-name-error">
          {errors.bagName}
        </p>
      ) : null}
    </div>
  ) : (
    <div class="field">
      <label for="f-bag">Coffee</label>
      <select
        id="f-bag"
        class="input"
        value={draft.bagId ?? ''}
        onChange={(e) => change({ ...draft, bagId: e.currentTarget.value })}
      >
        {activeBags.value.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
            {b.roaster ? ` — ${b.roaster}` : ''}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form onSubmit={save} noValidate aria-labelledby="log-title">
      <div class="screen-head">
        <h1 id="log-title">Log a brew</h1>
      </div>
      <BrewForm draft={draft} onChange={change} errors={errors} coffee={coffee} />
      <div class="sticky-save">
        <button type="submit" class="btn btn-primary btn-big" data-testid="save-brew">
          Save brew
        </button>
      </div>
    </form>
  );
}
