import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  BAG_FIELDS,
  type BagValues,
  ROAST_LEVELS,
  type RoastLevel,
} from '../../../../shared/model/entities.js';
import { joinTags, splitTags } from '../../../../shared/model/tags.js';
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
import { Rating } from '../components/rating.js';
import { RefusedBanner, refusedChange } from '../components/refused-banner.js';
import { TagsField } from '../components/tags-field.js';
import { deviceSettings } from '../device-settings.js';
import { parseNumber } from '../logic/brew-draft.js';
import { changedFields } from '../logic/changed.js';
import { localeCurrency } from '../logic/currency.js';
import { BAG_LABELS, bagLabel, ROAST_LABELS } from '../logic/format.js';
import { navigate, type ScreenProps } from '../router.js';
import { showToast } from '../toast-state.js';

interface BagDraft {
  name: string;
  roaster: string;
  origin: string;
  region: string;
  farm: string;
  process: string;
  variety: string;
  roastLevel: RoastLevel | '';
  roastDate: string;
  openedDate: string;
  weightG: string;
  price: string;
  flavours: string[];
  decaf: boolean;
  rating: number | null;
  notes: string;
}

const EMPTY: BagDraft = {
  name: '',
  roaster: '',
  origin: '',
  region: '',
  farm: '',
  process: '',
  variety: '',
  roastLevel: '',
  roastDate: '',
  openedDate: '',
  weightG: '',
  price: '',
  flavours: [],
  decaf: false,
  rating: null,
  notes: '',
};

function draftOf(bag: BagValues): BagDraft {
  return {
    name: bag.name,
    roaster: bag.roaster ?? '',
    origin: bag.origin ?? '',
    region: bag.region ?? '',
    farm: bag.farm ?? '',
    process: bag.process ?? '',
    variety: bag.variety ?? '',
    // "unknown" (from imports and older versions) is the same answer as no level at all.
    roastLevel: bag.roastLevel === null || bag.roastLevel === 'unknown' ? '' : bag.roastLevel,
    roastDate: bag.roastDate ?? '',
    openedDate: bag.openedDate ?? '',
    weightG: bag.weightG === null ? '' : String(bag.weightG),
    price: bag.price == null ? '' : String(bag.price),
    flavours: splitTags(bag.flavourNotes),
    decaf: bag.decaf === true,
    rating: bag.rating ?? null,
    notes: bag.notes ?? '',
  };
}

function patchOf(d: BagDraft): Record<string, unknown> {
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    name: d.name.trim(),
    roaster: text(d.roaster),
    origin: text(d.origin),
    region: text(d.region),
    farm: text(d.farm),
    process: text(d.process),
    variety: text(d.variety),
    roastLevel: d.roastLevel === '' ? null : d.roastLevel,
    roastDate: text(d.roastDate),
    openedDate: text(d.openedDate),
    weightG: parseNumber(d.weightG),
    price: parseNumber(d.price),
    flavourNotes: joinTags(d.flavours),
    // Unticked is "not decaf" only once someone said so; a bag never ticked stays unset.
    decaf: d.decaf ? true : null,
    rating: d.rating,
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

type TextField = {
  [K in keyof BagDraft]: BagDraft[K] extends string ? K : never;
}[keyof BagDraft];
type Edit = (field: TextField) => (e: { currentTarget: { value: string } }) => void;
type Set = (change: Partial<BagDraft>) => void;

/** The bag's fields, each with its label and error: what it is, where from, and ours. */
function BagFields(props: {
  draft: BagDraft;
  errors: Record<string, string>;
  edit: Edit;
  set: Set;
}) {
  const { draft, errors, edit, set } = props;
  const currency = deviceSettings.value.currency ?? localeCurrency(navigator.language);
  const text = (k: TextField, label: string, max: number, extra: Record<string, string> = {}) => (
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
    <>
      <div class="card">
        {text('name', BAG_LABELS.name, BAG_FIELDS.name.maxLength, {
          placeholder: 'e.g. Ethiopia Guji',
        })}
        {text('roaster', BAG_LABELS.roaster, BAG_FIELDS.roaster.maxLength)}
        <Field id="b-roastLevel" label={BAG_LABELS.roastLevel} error={errors.roastLevel}>
          {(control) => (
            <select
              {...control}
              class="input"
              value={draft.roastLevel}
              onChange={edit('roastLevel')}
            >
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
      </div>
      <fieldset class="card">
        <legend class="label">Where it is from</legend>
        {text('origin', BAG_LABELS.origin, BAG_FIELDS.origin.maxLength, {
          placeholder: 'e.g. Ethiopia',
        })}
        {text('region', BAG_LABELS.region, BAG_FIELDS.region.maxLength)}
        {text('farm', BAG_LABELS.farm, BAG_FIELDS.farm.maxLength)}
        {text('process', BAG_LABELS.process, BAG_FIELDS.process.maxLength, {
          placeholder: 'e.g. Washed',
        })}
        {text('variety', BAG_LABELS.variety, BAG_FIELDS.variety.maxLength)}
      </fieldset>
      <div class="card">
        <TagsField
          id="b-flavourNotes"
          label={BAG_LABELS.flavourNotes}
          tags={draft.flavours}
          onChange={(flavours) => set({ flavours })}
          maxTagLength={BAG_FIELDS.flavourNotes.maxTagLength}
          error={errors.flavourNotes}
          placeholder="e.g. peach"
        />
        <Rating value={draft.rating} onChange={(rating) => set({ rating })} />
        <label class="check">
          <input
            type="checkbox"
            checked={draft.decaf}
            onChange={(e) => set({ decaf: e.currentTarget.checked })}
          />
          {BAG_LABELS.decaf}
        </label>
        {text('openedDate', BAG_LABELS.openedDate, 10, { type: 'date' })}
        {text('price', `${BAG_LABELS.price} (${currency})`, 9, { inputMode: 'decimal' })}
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
    </>
  );
}

/** New bag (no id) or edit bag. Checked with the shared validator, like the server. */
export function BagForm({ id, params }: ScreenProps): JSX.Element {
  const { draft, setDraft, opened } = useStoredBag(id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refused = refusedChange(params);
  if (draft === null) return <p class="muted">Loading…</p>;

  const edit: Edit = (k) => (e) => setDraft({ ...draft, [k]: e.currentTarget.value });
  const set: Set = (change) => setDraft({ ...draft, ...change });

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
      <BagFields draft={draft} errors={errors} edit={edit} set={set} />
      <div class="btn-row">
        <button type="submit" class="btn btn-primary btn-big">
          {id ? 'Save bag' : 'Add bag'}
        </button>
      </div>
    </form>
  );
}
