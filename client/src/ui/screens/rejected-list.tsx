import type { JSX } from 'preact';
import { discardRejected, retryRejected } from '../../data/index.js';
import { db, rejected } from '../app-state.js';
import { FIELD_LABELS } from '../logic/brew-draft.js';
import { syncNow } from '../sync-state.js';
import { showToast } from '../toast-state.js';

const describePatch = (patch: Record<string, unknown>) =>
  Object.entries(patch)
    .map(([k, v]) => `${FIELD_LABELS[k] ?? k} = ${v === null ? 'empty' : String(v)}`)
    .join(', ');

/**
 * Changes the server refused, with its reason. Edit opens the row with the change, and
 * saving there replaces the refused change; Retry resends it as is; Discard undoes it here.
 */
const ENTITY_WORDS: Partial<Record<string, string>> = {
  brew: 'Brew',
  bag: 'Bag',
  grinder: 'Grinder',
  brewer: 'Brewer',
  photo: 'Photo',
};

export function RejectedList(): JSX.Element | null {
  const entries = rejected.value;
  if (entries.length === 0) return null;
  return (
    <div class="stack" data-testid="rejected">
      <h3>Refused by the server ({entries.length})</h3>
      <ul class="list">
        {entries.map((e) => {
          // Gear has no edit-and-retry form of its own: its edit form replaces the change.
          const href =
            e.entity === 'brew'
              ? `#/brew/${e.rowId}?retry=${e.mutationId}`
              : e.entity === 'grinder' || e.entity === 'brewer'
                ? `#/gear?edit=${e.rowId}`
                : `#/bag-edit/${e.rowId}?retry=${e.mutationId}`;
          return (
            <li key={e.mutationId} class="banner banner-danger stack" style={{ margin: 0 }}>
              <span>
                {ENTITY_WORDS[e.entity] ?? 'Bag'}: {describePatch(e.patch)}
              </span>
              <strong>{e.error?.message ?? 'Refused'}</strong>
              <div class="btn-row">
                <a class="btn" href={href}>
                  Edit and retry
                </a>
                <button
                  type="button"
                  class="btn"
                  onClick={() => void retryRejected(db, [e.mutationId]).then(syncNow)}
                >
                  Retry
                </button>
                <button
                  type="button"
                  class="btn btn-danger"
                  onClick={() =>
                    void discardRejected(db, e.mutationId).then(() => showToast('Change discarded'))
                  }
                >
                  Discard
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
