/**
 * The BroadcastChannel on which the contexts of a device tell each other about account
 * changes (the worker reports on its own channel, pwa/messages.ts's WORKER_CHANNEL). Messages:
 * - `logged-out`: a tab logged out and cleared the device; others drop in-memory state.
 * - `signed-in`: a tab signed in (or up); others refresh and sync.
 */
export const ACCOUNT_CHANNEL = 'dial-in-account';

export type SyncMessage = { type: 'logged-out' } | { type: 'signed-in'; accountId: string };

/** Posts one message to the other contexts (not to this one). No-op where unsupported. */
export function broadcast(message: SyncMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(ACCOUNT_CHANNEL);
  channel.postMessage(message);
  channel.close();
}

/** Listens for messages from other contexts. Returns a function that stops listening. */
export function listen(onMessage: (message: SyncMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(ACCOUNT_CHANNEL);
  channel.onmessage = (event: MessageEvent<SyncMessage>) => onMessage(event.data);
  return () => channel.close();
}
