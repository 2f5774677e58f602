import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  createBrew,
  deleteBrew,
  discardRejected,
  getBrew,
  restoreBrew,
  updateBrew,
  ValidationError,
} from '../../data/index.js';
import { bags, db, rejected } from '../app-state.js';
import { BrewForm } from '../components/brew-form.js';
import {
  type BrewDraft,
  draftFrom,
  draftPatch,
  draftProblems,
  FIELD_LABELS,
} from '../logic/brew-draft.js';
import { changedFields } from '../logic/changed.js';
import { navigate } from '../router.js';
import { showToast } from '../toast-state.js';

/** Edit one brew (also where "edit and retry" of a rejected change lands). */
export function BrewEdit({ id, retry }: { id: string; retry?: string | null }): JSX.Element {
  const [draft, setDraft] = useState<BrewDraft | null>(null);
  const [opened, setOpened] = useState<BrewDraft | null>(null);
  const [missing, setMissing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const retryId = retry ?? null;
  const refused = retryId ? rejected.value.find((e) => e.mutationId === retryId) : undefined;

  useEffect(() => {
    void getBrew(db, id).then((brew) => {
      if (!brew || brew.deletedAt !== null) setMissing(true);
      else {
        setDraft(draftFrom(brew));
        setOpened(draftFrom(brew));
      }
    });
  }, [id]);

  if (missing) {
    return (
      <div class="empty card">
        <p>This brew was deleted.</p>
        <a class="btn" href="#/history">
          Deleted items
        </a>
      </div>
    );
  }
  if (draft === null) return <p class="muted">Loading…</p>;

  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const problems = draftProblems(draft, Date.now());
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      const full = { ...draftPatch(draft), ...(draft.bagId ? { bagId: draft.bagId } : {}) };
      // Only what was edited here (another device may have changed the rest meanwhile); an
      // edit-and-retry re-sends everything, since discarding the refused change undoes it.
      const patch =
        refused || !opened
          ? full
          : changedFields(full, { ...draftPatch(opened), bagId: opened.bagId });
      // Edit and retry: the refused change is undone first, so the edit replaces it.
      if (refused) await discardRejected(db, refused.mutationId);
      const row = await getBrew(db, id);
      if (row) await updateBrew(db, id, patch);
      else if (draft.bagId) await createBrew(db, { ...full, bagId: draft.bagId }, id);
      showToast('Brew updated');
      navigate('#/');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      setErrors(
        Object.fromEntries(
          error.problems.map((p) => [p.field, `${FIELD_LABELS[p.field] ?? p.field} ${p.message}`]),
        ),
      );
    }
  }

  async function remove() {
    await deleteBrew(db, id);
    navigate('#/');
    showToast('Brew deleted', {
      label: 'Undo',
      run: () => void restoreBrew(db, id),
    });
  }

  const coffee = (
    <div class="field">
      <label for="f-bag">Coffee</label>
      <select
        id="f-bag"
        class="input"
        value={draft.bagId ?? ''}
        onChange={(e) => setDraft({ ...draft, bagId: e.currentTarget.value })}
      >
        {(bags.value ?? []).map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form onSubmit={save} noValidate aria-labelledby="edit-title">
      <div class="screen-head">
        <h1 id="edit-title">Edit brew</h1>
        <a class="btn" href={`#/log?bag=${draft.bagId ?? ''}&method=${draft.method}`}>
          Repeat
        </a>
      </div>
      {refused ? (
        <div class="banner banner-danger" role="alert">
          The server refused this change: <strong>{refused.error?.message}</strong>. Fix it and save
          to send it again.
        </div>
      ) : null}
      <BrewForm
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          setErrors(draftProblems(next, Date.now()));
        }}
        errors={errors}
        coffee={coffee}
      />
      <div class="btn-row" style={{ marginTop: '12px' }}>
        <button type="button" class="btn btn-danger" onClick={() => void remove()}>
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
