/**
 * The BroadcastChannel pages and the service worker share. Messages:
 * - `outbox-changed`: the worker replayed its queue (acked/rejected entries); pages refresh
 *   their status and pull.
 * - `logged-out`: a tab logged out and cleared the device; others drop in-memory state.
 * - `signed-in`: a tab signed in (or up); others refresh and sync.
 */
export const SYNC_CHANNEL = 'dial-in-sync';

export type SyncMessage =
  | { type: 'outbox-changed' }
  | { type: 'logged-out' }
  | { type: 'signed-in'; accountId: string };

/** Posts one message to the other contexts (not to this one). No-op where unsupported. */
export function broadcast(message: SyncMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  channel.postMessage(message);
  channel.close();
}

/** Listens for messages from other contexts. Returns a function that stops listening. */
export function listen(onMessage: (message: SyncMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  channel.onmessage = (event: MessageEvent<SyncMessage>) => onMessage(event.data);
  return () => channel.close();
}
