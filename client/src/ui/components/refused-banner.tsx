import type { JSX } from 'preact';
import type { OutboxEntry } from '../../data/index.js';
import { rejected } from '../app-state.js';

/** The refused change an "edit and retry" link names (`?retry=<mutation id>`), if still refused. */
export function refusedChange(params: URLSearchParams): OutboxEntry | undefined {
  const retryId = params.get('retry');
  return retryId ? rejected.value.find((e) => e.mutationId === retryId) : undefined;
}

/** Why the server refused the change being edited; saving the form sends it again. */
export function RefusedBanner({ change }: { change: OutboxEntry | undefined }): JSX.Element | null {
  if (!change) return null;
  return (
    <div class="banner banner-danger" role="alert">
      The server refused this change: <strong>{change.error?.message}</strong>. Fix it and save to
      send it again.
    </div>
  );
}
