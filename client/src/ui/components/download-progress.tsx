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

/**
 * Downloads smaller than this (brews, bags and thumbnails) get no banner: every sync pulls,
 * and most pulls bring nothing or a few rows another device changed, stored in a few
 * milliseconds. A banner for those only flashed, and as it sits above the screen, its coming
 * and going moved what was under a finger between the press and the release, so the tap was
 * lost (WebKit's engine suite caught "Add bag" missed so, just after sign-up).
 */
export const DOWNLOAD_BANNER_MIN_ITEMS = 100;

/** Whether a download is large enough to show its banner. */
export function showsDownloadBanner(p: PullProgress | null): p is PullProgress {
  return p !== null && p.total >= DOWNLOAD_BANNER_MIN_ITEMS;
}

/** A long download (a first sync, a long time offline): a bar that fills as pages are stored. */
export function DownloadProgress() {
  const p = syncView.value.progress;
  if (!showsDownloadBanner(p)) return null;
  return (
    <div class="progress" role="status">
      <label for="download-progress">{downloadLabel(p)}</label>
      <progress id="download-progress" max={p.total} value={p.done} />
    </div>
  );
}
