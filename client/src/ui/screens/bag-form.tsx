import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BAG_FIELDS, ROAST_LEVELS, type RoastLevel } from '../../../../shared/model/entities.js';
import { validatePatch } from '../../../../shared/model/validate.js';
import {
  createBag,
  discardRejected,
  getBag,
  updateBag,
  ValidationError,
} from '../../data/index.js';
import { db, rejected } from '../app-state.js';
import { FIELD_LABELS, parseNumber } from '../logic/brew-draft.js';
import { changedFields } from '../logic/changed.js';
import { navigate } from '../router.js';
import { showToast } from '../toast-state.js';

interface BagDraft {
  name: string;
  roaster: string;
  origin: string;
  roastLevel: RoastLevel | '';
  roastDate: string;
  weightG: string;
  notes: string;
}

const EMPTY: BagDraft = {
  name: '',
  roaster: '',
  origin: '',
  roastLevel: '',
  roastDate: '',
  weightG: '',
  notes: '',
};

function patchOf(d: BagDraft): Record<string, unknown> {
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    name: d.name.trim(),
    roaster: text(d.roaster),
    origin: text(d.origin),
    roastLevel: d.roastLevel === '' ? null : d.roastLevel,
    roastDate: text(d.roastDate),
    weightG: parseNumber(d.weightG),
    notes: text(d.notes),
  };
}

/** New bag (id null) or edit bag. Checked with the shared validator, like the server. */
export function BagForm({ id, retry }: { id: string | null; retry?: string | null }): JSX.Element {
  const [draft, setDraft] = useState<BagDraft | null>(id ? null : EMPTY);
  const [opened, setOpened] = useState<BagDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const retryId = retry ?? null;
  const refused = retryId ? rejected.value.find((e) => e.mutationId === retryId) : undefined;

  useEffect(() => {
    if (!id) return;
    void getBag(db, id).then((bag) => {
      if (!bag) return;
      const stored: BagDraft = {
        name: bag.name,
        roaster: bag.roaster ?? '',
        origin: bag.origin ?? '',
        roastLevel: bag.roastLevel ?? '',
        roastDate: bag.roastDate ?? '',
        weightG: bag.weightG === null ? '' : String(bag.weightG),
        notes: bag.notes ?? '',
      };
      setDraft(stored);
      setOpened(stored);
    });
  }, [id]);
  if (draft === null) return <p class="muted">Loading…</p>;

  const set = (k: keyof BagDraft) => (e: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [k]: e.currentTarget.value });

  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const patch = patchOf(draft);
    const problems: Record<string, string> = {};
    for (const p of validatePatch('bag', patch, Date.now(), { creating: !id })) {
      problems[p.field] ??= `${FIELD_LABELS[p.field] ?? p.field} ${p.message}`;
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      // After the render that marks the fields invalid.
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    try {
      // Edit and retry: the refused change is undone first, so the edit replaces it.
      if (refused) await discardRejected(db, refused.mutationId);
      if (id && (await getBag(db, id))) {
        // Only what was edited here: another device may have changed the rest meanwhile.
        await updateBag(db, id, refused || !opened ? patch : changedFields(patch, patchOf(opened)));
        navigate(`#/bag/${id}`);
      } else {
        const name = patch.name as string;
        const created = await createBag(db, { ...patch, name }, id ?? crypto.randomUUID());
        showToast('Bag added');
        navigate(`#/bag/${created}`);
      }
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      setErrors(
        Object.fromEntries(error.problems.map((p) => [p.field, `${p.field} ${p.message}`])),
      );
    }
  }

  const field = (k: keyof BagDraft, label: string, input: JSX.Element) => (
    <div class="field">
      <label for={`b-${k}`}>{label}</label>
      {input}
      {errors[k] ? (
        <p class="error" id={`b-${k}-error`}>
          {errors[k]}
        </p>
      ) : null}
    </div>
  );
  const text = (k: keyof BagDraft, max: number, extra: Record<string, string> = {}) => (
    <input
      id={`b-${k}`}
      class="input"
      value={draft[k]}
      maxLength={max}
      aria-invalid={errors[k] ? 'true' : 'false'}
      aria-describedby={errors[k] ? `b-${k}-error` : undefined}
      onInput={set(k)}
      {...extra}
    />
  );

  return (
    <form onSubmit={save} noValidate class="stack" aria-labelledby="bag-form-title">
      <h1 id="bag-form-title">{id ? 'Edit bag' : 'Add a bag'}</h1>
      {refused ? (
        <div class="banner banner-danger" role="alert">
          The server refused this change: <strong>{refused.error?.message}</strong>. Fix it and save
          to send it again.
        </div>
      ) : null}
      <div class="card">
        {field(
          'name',
          'Name',
          text('name', BAG_FIELDS.name.maxLength, { placeholder: 'e.g. Ethiopia Guji' }),
        )}
        {field('roaster', 'Roaster', text('roaster', BAG_FIELDS.roaster.maxLength))}
        {field('origin', 'Origin', text('origin', BAG_FIELDS.origin.maxLength))}
        {field(
          'roastLevel',
          'Roast level',
          <select
            id="b-roastLevel"
            class="input"
            value={draft.roastLevel}
            onChange={set('roastLevel')}
          >
            <option value="">Not set</option>
            {ROAST_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>,
        )}
        {field('roastDate', 'Roast date', text('roastDate', 10, { type: 'date' }))}
        {field('weightG', 'Weight (g)', text('weightG', 6, { inputMode: 'decimal' }))}
        {field(
          'notes',
          'Notes',
          <textarea
            id="b-notes"
            class="input"
            value={draft.notes}
            maxLength={BAG_FIELDS.notes.maxLength}
            onInput={set('notes')}
          />,
        )}
      </div>
      <div class="btn-row">
        <button type="submit" class="btn btn-primary btn-big">
          {id ? 'Save bag' : 'Add bag'}
        </button>
      </div>
    </form>
  );
}
