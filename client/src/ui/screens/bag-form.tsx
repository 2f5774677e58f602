import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  BAG_FIELDS,
  type BagValues,
  ROAST_LEVELS,
  type RoastLevel,
} from '../../../../shared/model/entities.js';
import { type FieldProblem, validatePatch } from '../../../../shared/model/validate.js';
import {
  createBag,
  discardRejected,
  getBag,
  type OutboxEntry,
  updateBag,
  ValidationError,
} from '../../data/index.js';
import { db } from '../app-state.js';
import { Field, focusFirstInvalid } from '../components/field.js';
import { RefusedBanner, refusedChange } from '../components/refused-banner.js';
import { parseNumber } from '../logic/brew-draft.js';
import { changedFields } from '../logic/changed.js';
import { BAG_LABELS, bagLabel, ROAST_LABELS } from '../logic/format.js';
import { navigate, type ScreenProps } from '../router.js';
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

function draftOf(bag: BagValues): BagDraft {
  return {
    name: bag.name,
    roaster: bag.roaster ?? '',
    origin: bag.origin ?? '',
    // "unknown" (from imports and older versions) is the same answer as no level at all.
    roastLevel: bag.roastLevel === null || bag.roastLevel === 'unknown' ? '' : bag.roastLevel,
    roastDate: bag.roastDate ?? '',
    weightG: bag.weightG === null ? '' : String(bag.weightG),
    notes: bag.notes ?? '',
  };
}

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

/** The levels offered: "unknown" is not one, "Not set" already says it. */
const LEVELS = ROAST_LEVELS.filter((l) => l !== 'unknown');

/** Field → message, under the field's label as the form shows it ("Weight (g) must be …"). */
function bagMessages(problems: readonly FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field] ??= `${bagLabel(p.field)} ${p.message}`;
  return out;
}

/** The bag being edited as a draft, and as it was when opened (a new bag: empty, no opened). */
function useStoredBag(id: string) {
  const [draft, setDraft] = useState<BagDraft | null>(id ? null : EMPTY);
  const [opened, setOpened] = useState<BagDraft | null>(null);
  useEffect(() => {
    if (!id) return;
    void getBag(db, id).then((bag) => {
      if (!bag) return;
      setDraft(draftOf(bag));
      setOpened(draftOf(bag));
    });
  }, [id]);
  return { draft, setDraft, opened };
}

/**
 * Writes the form, then opens the bag. An edit writes only what was edited here (another device
 * may have changed the rest meanwhile); an edit-and-retry undoes the refused change first and
 * re-sends everything, so the edit replaces it.
 */
async function saveBag(
  id: string,
  draft: BagDraft,
  opened: BagDraft | null,
  refused?: OutboxEntry,
) {
  const patch = patchOf(draft);
  if (refused) await discardRejected(db, refused.mutationId);
  if (id && (await getBag(db, id))) {
    await updateBag(db, id, refused || !opened ? patch : changedFields(patch, patchOf(opened)));
    navigate(`#/bag/${id}`);
  } else {
    const name = patch.name as string;
    const created = await createBag(db, { ...patch, name }, id || crypto.randomUUID());
    showToast('Bag added');
    navigate(`#/bag/${created}`);
  }
}

type Edit = (field: keyof BagDraft) => (e: { currentTarget: { value: string } }) => void;

/** The bag's fields, each with its label and error. */
function BagFields(props: { draft: BagDraft; errors: Record<string, string>; edit: Edit }) {
  const { draft, errors, edit } = props;
  const text = (
    k: keyof BagDraft,
    label: string,
    max: number,
    extra: Record<string, string> = {},
  ) => (
    <Field id={`b-${k}`} label={label} error={errors[k]}>
      {(control) => (
        <input
          {...control}
          class="input"
          value={draft[k]}
          maxLength={max}
          onInput={edit(k)}
          {...extra}
        />
      )}
    </Field>
  );
  return (
    <div class="card">
      {text('name', BAG_LABELS.name, BAG_FIELDS.name.maxLength, {
        placeholder: 'e.g. Ethiopia Guji',
      })}
      {text('roaster', BAG_LABELS.roaster, BAG_FIELDS.roaster.maxLength)}
      {text('origin', BAG_LABELS.origin, BAG_FIELDS.origin.maxLength)}
      <Field id="b-roastLevel" label={BAG_LABELS.roastLevel} error={errors.roastLevel}>
        {(control) => (
          <select {...control} class="input" value={draft.roastLevel} onChange={edit('roastLevel')}>
            <option value="">Not set</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {ROAST_LABELS[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('roastDate', BAG_LABELS.roastDate, 10, { type: 'date' })}
      {text('weightG', BAG_LABELS.weightG, 6, { inputMode: 'decimal' })}
      <Field id="b-notes" label={BAG_LABELS.notes} error={errors.notes}>
        {(control) => (
          <textarea
            {...control}
            class="input"
            value={draft.notes}
            maxLength={BAG_FIELDS.notes.maxLength}
            onInput={edit('notes')}
          />
        )}
      </Field>
    </div>
  );
}

/** New bag (no id) or edit bag. Checked with the shared validator, like the server. */
export function BagForm({ id, params }: ScreenProps): JSX.Element {
  const { draft, setDraft, opened } = useStoredBag(id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refused = refusedChange(params);
  if (draft === null) return <p class="muted">Loading…</p>;

  const edit: Edit = (k) => (e) => setDraft({ ...draft, [k]: e.currentTarget.value });

  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const problems = bagMessages(
      validatePatch('bag', patchOf(draft), Date.now(), { creating: !id }),
    );
    setErrors(problems);
    if (Object.keys(problems).length > 0) return focusFirstInvalid();
    try {
      await saveBag(id, draft, opened, refused);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      setErrors(bagMessages(error.problems));
    }
  }

  return (
    <form onSubmit={save} noValidate class="stack" aria-labelledby="bag-form-title">
      <h1 id="bag-form-title">{id ? 'Edit bag' : 'Add a bag'}</h1>
      <RefusedBanner change={refused} />
      <BagFields draft={draft} errors={errors} edit={edit} />
      <div class="btn-row">
        <button type="submit" class="btn btn-primary btn-big">
          {id ? 'Save bag' : 'Add bag'}
        </button>
      </div>
    </form>
  );
}
