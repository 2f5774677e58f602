import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  createBrew,
  deleteBrew,
  discardRejected,
  getBrew,
  type OutboxEntry,
  restoreBrew,
  updateBrew,
  ValidationError,
} from '../../data/index.js';
import { bags, db } from '../app-state.js';
import { BrewForm } from '../components/brew-form.js';
import { CoffeePicker } from '../components/coffee-picker.js';
import { focusFirstInvalid } from '../components/field.js';
import { PhotoStrip } from '../components/photo-strip.js';
import { RefusedBanner, refusedChange } from '../components/refused-banner.js';
import { deviceSettings } from '../device-settings.js';
import { daysOffRoast, daysOffRoastWords } from '../logic/bag-freshness.js';
import {
  type BrewDraft,
  draftFrom,
  draftPatch,
  draftProblems,
  fieldMessages,
} from '../logic/brew-draft.js';
import { changedFields } from '../logic/changed.js';
import { navigate, type ScreenProps } from '../router.js';
import { showToast } from '../toast-state.js';

/** The stored brew as a draft, and as it was when opened; `missing` once known deleted. */
function useStoredBrew(id: string) {
  const [draft, setDraft] = useState<BrewDraft | null>(null);
  const [opened, setOpened] = useState<BrewDraft | null>(null);
  const [missing, setMissing] = useState(false);
  const [brewedAt, setBrewedAt] = useState<string | null>(null);
  useEffect(() => {
    void getBrew(db, id).then((brew) => {
      if (!brew || brew.deletedAt !== null) setMissing(true);
      else {
        setBrewedAt(brew.brewedAt);
        const unit = deviceSettings.value.temperatureUnit;
        setDraft(draftFrom(brew, 'espresso', unit));
        setOpened(draftFrom(brew, 'espresso', unit));
      }
    });
  }, [id]);
  return { draft, setDraft, opened, missing, brewedAt };
}

/**
 * Writes an edit: only what was edited here (another device may have changed the rest
 * meanwhile). An edit-and-retry undoes the refused change first and re-sends everything, so
 * the edit replaces it.
 */
async function saveEdit(
  id: string,
  draft: BrewDraft,
  opened: BrewDraft | null,
  refused?: OutboxEntry,
) {
  const unit = deviceSettings.value.temperatureUnit;
  const full = { ...draftPatch(draft, unit), ...(draft.bagId ? { bagId: draft.bagId } : {}) };
  const before = opened && { ...draftPatch(opened, unit), bagId: opened.bagId };
  const patch = refused || !before ? full : changedFields(full, before);
  if (refused) await discardRejected(db, refused.mutationId);
  const row = await getBrew(db, id);
  if (row) await updateBrew(db, id, patch);
  else if (draft.bagId) await createBrew(db, { ...full, bagId: draft.bagId }, id);
}

async function removeBrew(id: string) {
  await deleteBrew(db, id);
  navigate('#/');
  showToast('Brew deleted', { label: 'Undo', run: () => void restoreBrew(db, id) });
}

function DeletedBrew(): JSX.Element {
  return (
    <div class="empty card">
      <p>This brew was deleted.</p>
      <a class="btn" href="#/history">
        Deleted items
      </a>
    </div>
  );
}

/** Edit one brew (also where "edit and retry" of a rejected change lands). */
export function BrewEdit({ id, params }: ScreenProps): JSX.Element {
  const { draft, setDraft, opened, missing, brewedAt } = useStoredBrew(id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refused = refusedChange(params);
  if (missing) return <DeletedBrew />;
  if (draft === null) return <p class="muted">Loading…</p>;

  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const problems = draftProblems(draft, Date.now(), deviceSettings.value.temperatureUnit);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return focusFirstInvalid();
    try {
      await saveEdit(id, draft, opened, refused);
      showToast('Brew updated');
      navigate('#/');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      setErrors(fieldMessages(error.problems));
    }
  }

  const bag = (bags.value ?? []).find((b) => b.id === draft.bagId);
  const days = daysOffRoast(brewedAt, bag?.roastDate ?? null);
  const coffee = (
    <CoffeePicker
      bags={bags.value ?? []}
      value={draft.bagId}
      onChange={(bagId) => setDraft({ ...draft, bagId })}
    />
  );
  return (
    <form onSubmit={save} noValidate aria-labelledby="edit-title">
      <div class="screen-head">
        <h1 id="edit-title">Edit brew</h1>
        <a class="btn" href={`#/log?repeat=${id}`}>
          Repeat
        </a>
      </div>
      {days === null ? null : (
        <p class="muted" data-testid="brew-days-off-roast">
          Brewed {daysOffRoastWords(days)}
        </p>
      )}
      <RefusedBanner change={refused} />
      <BrewForm
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          setErrors(draftProblems(next, Date.now(), deviceSettings.value.temperatureUnit));
        }}
        errors={errors}
        coffee={coffee}
      />
      <div style={{ marginTop: '12px' }}>
        <PhotoStrip kind="brew" ownerId={id} label="This brew" />
      </div>
      <div class="btn-row" style={{ marginTop: '12px' }}>
        <a class="btn" href={`#/history?brew=${id}`}>
          History of this brew
        </a>
        <button type="button" class="btn btn-danger" onClick={() => void removeBrew(id)}>
          Delete brew
        </button>
      </div>
      <div class="sticky-save">
        <button type="submit" class="btn btn-primary btn-big">
          Save changes
        </button>
      </div>
    </form>
  );
}
