import type { PullProgress } from '../../sync/pull.js';
import { count } from '../logic/format.js';
import { syncView } from '../sync-state.js';

/**
 * The banner's words: the count once the server has said how much there is (its first page),
 * and until then what is coming, never "0 of 0".
 */
export function downloadLabel(p: PullProgress): string {
  if (p.total === 0) return 'Downloading your brews…';
  return `Downloading ${count(p.done)} of ${count(p.total)} brews and bags`;
}

/** A first sync's download: a bar that fills as pages are stored (indeterminate until sized). */
export function DownloadProgress() {
  const p = syncView.value.progress;
  if (!p) return null;
  return (
    <div class="progress" role="status">
      <label for="download-progress">{downloadLabel(p)}</label>
      {p.total === 0 ? (
        <progress id="download-progress" />
      ) : (
        <progress id="download-progress" max={p.total} value={p.done} />
      )}
    </div>
  );
}
