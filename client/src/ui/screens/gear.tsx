import type { JSX } from 'preact';
import type { BrewerRecord, GrinderRecord } from '../../data/index.js';
import { brewerList, grinderList } from '../app-state.js';
import { BrewerForm, GrinderForm } from '../components/gear-forms.js';
import { brewerSummary, grinderSummary } from '../logic/gear-words.js';
import { navigate, type ScreenProps } from '../router.js';
import { showToast } from '../toast-state.js';

/**
 * Gear: the person's grinders and brewers — list, add, edit, archive. `?add=grinder|brewer`
 * opens the add form (the pickers' "Add grinder…" come here with `back`, the form to return
 * to once it is saved or cancelled); `?edit=<id>` the edit form of that grinder or brewer.
 */

interface Gear {
  id: string;
  name: string;
  archived: boolean | null;
}

function GearList<G extends Gear>(props: {
  kind: 'grinder' | 'brewer';
  title: string;
  rows: readonly G[];
  summary: (row: G) => string;
}): JSX.Element {
  const { kind, rows } = props;
  const active = rows.filter((r) => !r.archived);
  const archived = rows.filter((r) => r.archived);
  const item = (r: G) => (
    <li key={r.id}>
      <a class="bag-item" href={`#/gear?edit=${r.id}`} data-gear={r.id}>
        <strong>{r.name}</strong>
        <span class="muted">
          {props.summary(r)}
          {r.archived ? ' · archived' : ''}
        </span>
      </a>
    </li>
  );
  return (
    <section class="stack" aria-labelledby={`${kind}s-title`}>
      <div class="screen-head">
        <h2 id={`${kind}s-title`}>{props.title}</h2>
        <a class="btn" href={`#/gear?add=${kind}`}>
          + Add {kind}
        </a>
      </div>
      {active.length === 0 ? <p class="muted">No {kind}s yet.</p> : null}
      <ul class="list">{active.map(item)}</ul>
      {archived.length > 0 ? (
        <details class="card">
          <summary class="label" style={{ minHeight: 'var(--tap)', alignContent: 'center' }}>
            Archived {kind}s ({archived.length})
          </summary>
          <ul class="list" style={{ marginTop: '8px' }}>
            {archived.map(item)}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The form the query asks for, or null for the lists alone. */
function OpenForm(props: {
  params: URLSearchParams;
  grinders: readonly GrinderRecord[];
  brewers: readonly BrewerRecord[];
}): JSX.Element | null {
  const { params } = props;
  const back = params.get('back');
  const leave = () => navigate(back ?? '#/gear');
  const done = (what: string) => () => {
    showToast(`${what} saved`);
    leave();
  };
  const add = params.get('add');
  if (add === 'grinder')
    return <GrinderForm row={undefined} done={done('Grinder')} cancel={leave} />;
  if (add === 'brewer') return <BrewerForm row={undefined} done={done('Brewer')} cancel={leave} />;
  const id = params.get('edit');
  const grinder = props.grinders.find((g) => g.id === id);
  if (grinder) return <GrinderForm key={id} row={grinder} done={done('Grinder')} cancel={leave} />;
  const brewer = props.brewers.find((b) => b.id === id);
  if (brewer) return <BrewerForm key={id} row={brewer} done={done('Brewer')} cancel={leave} />;
  return null;
}

export function GearScreen({ params }: ScreenProps): JSX.Element {
  const grinders = grinderList.value;
  const brewers = brewerList.value;
  if (grinders === null || brewers === null) return <p class="muted">Loading…</p>;
  const form = <OpenForm params={params} grinders={grinders} brewers={brewers} />;
  return (
    <div class="stack">
      <h1>Gear</h1>
      {form}
      <GearList kind="grinder" title="Grinders" rows={grinders} summary={grinderSummary} />
      <GearList kind="brewer" title="Brewers" rows={brewers} summary={brewerSummary} />
    </div>
  );
}
