import type { JSX } from 'preact';
import { ago, count } from '../logic/format.js';

export type SyncState = 'offline' | 'idle' | 'syncing' | 'error';

export interface SyncPillProps {
  state: SyncState;
  pending: number;
  rejected: number;
  lastSyncedAt: number | null;
  signedIn: boolean;
  now: number;
  href: string;
}

/** The words of the pill, kept pure so they can be read in tests and screen readers. */
export function syncText(p: Omit<SyncPillProps, 'href'>): string {
  const parts: string[] = [];
  // Without an account nothing is pending: there is no server to send to.
  if (!p.signedIn) return 'Local only';
  else if (p.state === 'offline') parts.push('Offline');
  else if (p.state === 'syncing') parts.push('Syncing…');
  else if (p.state === 'error') parts.push('Sync error');
  else
    parts.push(p.lastSyncedAt === null ? 'Not synced yet' : `Synced ${ago(p.lastSyncedAt, p.now)}`);
  if (p.pending > 0) parts.push(`${count(p.pending)} pending`);
  if (p.rejected > 0) parts.push(`${count(p.rejected)} rejected`);
  return parts.join(' · ');
}

/** Small, always visible; a link to the account screen where the details are. */
export function SyncPill(props: SyncPillProps): JSX.Element {
  const state = props.rejected > 0 ? 'error' : props.signedIn ? props.state : 'local';
  const text = syncText(props);
  return (
    <a class="sync-pill" href={props.href} data-state={state} aria-label={`Sync status: ${text}`}>
      <span class="sync-dot" aria-hidden="true" />
      <span aria-live="polite">{text}</span>
    </a>
  );
}
